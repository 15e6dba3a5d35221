import { sendProbes, type ProbeOptions } from '../runner/probe.js';
import type { LiveGatewaySecond, ProbeNow } from './types.js';

export interface RunningHealthProbe {
  now(): ProbeNow;
  /** What ended in second t (counted from t0), and the longest wait then; forgets it. */
  takeSecond(t: number): LiveGatewaySecond['probes'];
  /** Stops sending, cuts off the probes still waiting. */
  stop(): Promise<void>;
}

/**
 * The live page's probe, sent as the scenarios' is (`sendProbes`). Unlike theirs it keeps
 * nothing but the current seconds, so it can run for hours.
 */
export function startHealthProbe(options: ProbeOptions): RunningHealthProbe {
  const { patienceMs, t0 } = options;
  const waiting = new Map<number, number>();
  const seconds = new Map<number, LiveGatewaySecond['probes']>();
  let last: ProbeNow['last'] = null;
  let next = 0;

  const sender = sendProbes(options, async (ask, ended) => {
    const id = (next += 1);
    const sent = Date.now();
    waiting.set(id, sent);
    const status = await ask();
    waiting.delete(id);
    if (ended.aborted) return;
    const done = Date.now();
    const ms = done - sent;
    const inTime = status === 200 && ms <= patienceMs;
    last = { ms, status, inTime };
    const t = Math.floor((done - t0) / 1000);
    const second = seconds.get(t) ?? { ended: 0, inTime: 0, worstMs: null };
    second.ended += 1;
    if (inTime) second.inTime += 1;
    second.worstMs = Math.max(second.worstMs ?? 0, ms);
    seconds.set(t, second);
  });

  const oldest = () => {
    const first = Math.min(...waiting.values());
    return Number.isFinite(first) ? Date.now() - first : null;
  };

  return {
    now: () => ({ last, waiting: waiting.size, oldestMs: oldest() }),
    takeSecond(t) {
      const second = seconds.get(t) ?? { ended: 0, inTime: 0, worstMs: null };
      for (const key of seconds.keys()) if (key <= t) seconds.delete(key);
      // A probe still waiting has waited at least this long: the wait shows while it lasts.
      const stuck = oldest();
      return {
        ...second,
        worstMs: stuck === null ? second.worstMs : Math.max(second.worstMs ?? 0, stuck),
      };
    },
    stop: () => sender.stop(),
  };
}
