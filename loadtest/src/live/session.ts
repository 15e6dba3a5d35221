import type { GatewayId } from '../report/schema.js';
import { startLoad, type RunningLoad } from '../runner/run-load.js';
import { startSecondClock } from '../scenarios/ticker.js';
import { LOAD_PATH, type Targets } from '../scenarios/targets.js';
import { LiveHistory, unknownStatus } from './history.js';
import { startStatusPoll } from './status-poll.js';
import type { LiveEvent, LiveFeed, LiveSnapshot, LiveStatus } from './types.js';

export interface LiveSessionOptions {
  targets: Targets;
  /** Connections per gateway. */
  connections: number;
  /** Longer than the hang, so v1's slow answers are measured instead of cut off. */
  clientTimeoutMs: number;
  /** How often v2's breaker, the failure mode and v1's pool are read (default 500). */
  statusPollMs?: number;
  /** Seconds of history kept and sent to a page that connects (default 60). */
  windowSeconds?: number;
}

export interface LiveSession extends LiveFeed {
  /** Rejects if a load fails (it never ends on its own). */
  readonly failed: Promise<never>;
  /** Stops the load and the polling; resolves once nothing is left running. */
  stop(): Promise<void>;
}

/** Steady load on both gateways at once, until stopped, watched second by second. */
export function startLiveSession(options: LiveSessionOptions): LiveSession {
  const { targets, connections, clientTimeoutMs } = options;
  const windowSeconds = options.windowSeconds ?? 60;
  const t0 = Date.now();
  const stopLoad = new AbortController();
  const listeners = new Set<(event: LiveEvent) => void>();
  const emit = (event: LiveEvent) => listeners.forEach((listener) => listener(event));
  const history = new LiveHistory(windowSeconds);
  let status = unknownStatus(new Date());

  const load = (gateway: GatewayId): RunningLoad =>
    startLoad({
      url: `${targets[gateway === 'v1' ? 'gateway-v1' : 'gateway-v2']}${LOAD_PATH}`,
      connections,
      durationMs: 0,
      clientTimeoutMs,
      t0,
      signal: stopLoad.signal,
      keepLatencies: false,
    });
  const loads = { v1: load('v1'), v2: load('v2') };

  const stopClock = startSecondClock(t0, (t) => {
    const sample = {
      t,
      gateways: { v1: loads.v1.recorder.sample(t), v2: loads.v2.recorder.sample(t) },
    };
    // Nothing can land in a second that has ended: its bucket is no longer needed.
    loads.v1.recorder.forget(t + 1);
    loads.v2.recorder.forget(t + 1);
    history.push(sample);
    emit({ type: 'sample', sample });
  });
  const poll = startStatusPoll({
    targets,
    intervalMs: options.statusPollMs ?? 500,
    onStatus: (next: LiveStatus) => {
      status = next;
      emit({ type: 'status', status });
    },
  });

  const ended = Promise.all([loads.v1.done, loads.v2.done]);
  const failed = ended.then(
    () => new Promise<never>(() => undefined),
    (err: unknown) => Promise.reject(err instanceof Error ? err : new Error(String(err))),
  );
  failed.catch(() => undefined);

  return {
    failed,
    snapshot: (): LiveSnapshot => ({ windowSeconds, connections, samples: history.list(), status }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: () => poll.refresh(),
    async stop() {
      stopLoad.abort();
      stopClock();
      listeners.clear();
      await Promise.allSettled([ended, poll.stop()]);
    },
  };
}
