import { setTimeout as sleep } from 'node:timers/promises';
import { round } from '../runner/percentile.js';
import { startCircuitPoll } from '../runner/circuit-poll.js';
import { resetBreaker, setFailureMode } from '../runner/control.js';
import { startLoad } from '../runner/run-load.js';
import { LOAD_PATH } from '../scenarios/targets.js';
import {
  healthyP99,
  timeToHeal,
  timeToProtect,
  type TimedResponse,
} from './protection-analysis.js';
import type { Protection } from './schema.js';

export interface ProtectionOptions {
  v2Url: string;
  recommendationsUrl: string;
  connections: number;
  /** How long v2 is loaded while healthy, for the baseline p99. */
  baselineMs: number;
  /** v2's breaker timeout and reset timeout, as the services run them. */
  timeoutMs: number;
  resetTimeoutMs: number;
  signal?: AbortSignal;
}

/** Polls `done` every 25 ms until it holds or deadlineMs passes; whether it held. */
async function until(done: () => boolean, deadlineMs: number, signal: AbortSignal) {
  const deadline = Date.now() + deadlineMs;
  while (!done() && Date.now() < deadline) await sleep(25, undefined, { signal });
  return done();
}

/**
 * gateway-v2 under steady load: healthy, then recommendations hang until the circuit is seen
 * OPEN, then healed at once (the worst case for healing, short of a probe in flight: a whole
 * reset timeout still to wait). Returns how long protection and healing took.
 */
export async function measureProtection(options: ProtectionOptions): Promise<Protection> {
  const { v2Url, recommendationsUrl, connections, baselineMs, timeoutMs, resetTimeoutMs } = options;
  await setFailureMode(recommendationsUrl, 'healthy');
  await resetBreaker(v2Url);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const responses: TimedResponse[] = [];
  let healedAtMs: number | null = null;
  let healed = false;
  const t0 = Date.now();
  const since = () => Date.now() - t0;
  const load = startLoad({
    url: `${v2Url}${LOAD_PATH}`,
    connections,
    durationMs: 0,
    clientTimeoutMs: 10_000,
    t0,
    signal,
    keepLatencies: false,
    onResponse: ({ at, latencyMs, outcome }) => {
      responses.push({ sentMs: at - latencyMs - t0, doneMs: at - t0, latencyMs, outcome });
      healed ||= outcome === 'full' && healedAtMs !== null && at - t0 >= healedAtMs;
    },
  });
  let opened = false;
  const poll = startCircuitPoll({
    url: `${v2Url}/circuit-status`,
    intervalMs: 25,
    t0,
    onState: (state) => {
      opened ||= state === 'OPEN';
    },
  });
  const windowMs = Math.min(1000, resetTimeoutMs / 2);
  let outageAtMs = 0;
  let openedAfterMs: number | null = null;
  try {
    await sleep(baselineMs, undefined, { signal });
    outageAtMs = since();
    await setFailureMode(recommendationsUrl, 'hang');
    if (await until(() => opened, 5 * timeoutMs + 10_000, signal)) {
      openedAfterMs = since() - outageAtMs;
    }
    healedAtMs = since();
    await setFailureMode(recommendationsUrl, 'healthy');
    await until(() => healed, resetTimeoutMs + timeoutMs + 5000, signal);
    // Enough load after the heal for the last protection window to be judged.
    await sleep(windowMs + timeoutMs, undefined, { signal });
  } finally {
    stop.abort();
    await Promise.allSettled([load.done, poll.stop()]);
  }
  options.signal?.throwIfAborted();
  const endMs = since();
  const baseline = healthyP99(responses, outageAtMs) ?? 0;
  const protect = timeToProtect(responses, outageAtMs, {
    limitMs: 2 * baseline,
    windowMs,
    stepMs: 50,
    minResponses: connections,
    lastEndMs: endMs - timeoutMs,
  });
  const heal = healedAtMs === null ? null : timeToHeal(responses, healedAtMs);
  return {
    connections,
    healthyP99Ms: round(baseline),
    outageAtMs,
    healedAtMs,
    openedAfterMs,
    timeToProtectMs: protect,
    timeToHealMs: heal,
    responses: responses.length,
  };
}
