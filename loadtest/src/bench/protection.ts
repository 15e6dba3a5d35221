import { setTimeout as sleep } from 'node:timers/promises';
import { CIRCUIT_PATHS, circuitStatusSchema } from '@cbd/gateway-v2/contract';
import type { ArrivalRecord, OpenLoad } from '../model/load.js';
import { percentile, round } from '../model/stats.js';
import { startOpenLoad } from '../runner/arrivals.js';
import type { Control } from '../runner/control.js';
import { tryRead } from '../runner/read-json.js';
import { watchCircuit } from '../runner/watch.js';
import type { Burst, Protection } from './schema.js';

// What the breaker and its bulkhead do when the dependency fails, and what the bulkhead costs
// when it does not: gateway-v2 under arriving users (the open model), every user timed from
// when they were due.

export interface ProtectionOptions {
  /** gateway-v2's product-details URL and its base URL. */
  url: string;
  v2Url: string;
  control: Control;
  load: OpenLoad;
  capacity: number;
  /** How long users arrive while the dependency is healthy, for the baseline p99. */
  baselineMs: number;
  /** Users arriving within this window from a moment are judged together. */
  windowMs: number;
  /** gateway-v2's breaker timeout and reset timeout, as it runs them. */
  timeoutMs: number;
  resetTimeoutMs: number;
  signal?: AbortSignal;
}

const p99 = (records: readonly ArrivalRecord[]) =>
  percentile(Float64Array.from(records.map((r) => r.latencyMs ?? 0)).sort(), 99);

/**
 * From the outage start: the first user from whom on the users arriving within windowMs had a
 * p99 under `limitMs` (a window with fewer than minUsers sent proves nothing); null if none.
 */
export function timeToProtect(
  records: readonly ArrivalRecord[],
  outageAtMs: number,
  limitMs: number,
  windowMs: number,
  minUsers: number,
): number | null {
  const after = records.filter((r) => r.at >= outageAtMs && r.latencyMs !== null);
  for (let i = 0; i < after.length; i += 1) {
    const from = after[i]!.at;
    const window = [];
    for (let j = i; j < after.length && after[j]!.at < from + windowMs; j += 1)
      window.push(after[j]!);
    if (window.length < minUsers) break;
    if (p99(window) < limitMs) return round(from - outageAtMs);
  }
  return null;
}

/**
 * gateway-v2 with bulkhead `capacity`: healthy, then recommendations hang until the circuit is
 * read OPEN, then healed at once (the worst case for healing, short of a probe in flight).
 */
export async function measureProtection(options: ProtectionOptions): Promise<Protection> {
  const { url, v2Url, control, load, capacity, baselineMs, windowMs, timeoutMs, resetTimeoutMs } =
    options;
  await control.setFailure({ mode: 'healthy' });
  await control.configureBreaker({ capacity });
  await control.resetBreaker();
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const t0 = Date.now();
  let healedAtMs: number | null = null;
  let healed = false;
  const running = startOpenLoad({
    url,
    load,
    durationMs: 0,
    tailMs: load.patienceMs,
    t0,
    signal,
    onResult: (r) => {
      healed ||=
        healedAtMs !== null && r.outcome === 'full' && r.at + (r.latencyMs ?? 0) >= healedAtMs;
    },
  });
  const circuit = watchCircuit(v2Url, 25, t0);
  const since = () => Date.now() - t0;
  const until = async (done: () => boolean, deadlineMs: number) => {
    const deadline = Date.now() + deadlineMs;
    while (!done() && Date.now() < deadline) await sleep(25, undefined, { signal });
    return done();
  };
  let outageAtMs = 0;
  let openedAfterMs: number | null = null;
  let records: ArrivalRecord[] = [];
  try {
    await sleep(baselineMs, undefined, { signal });
    outageAtMs = since();
    await control.setFailure({ mode: 'hang' });
    if (await until(() => circuit.state === 'OPEN', 5 * timeoutMs + 10_000))
      openedAfterMs = since() - outageAtMs;
    healedAtMs = since();
    await control.setFailure({ mode: 'healthy' });
    await until(() => healed, resetTimeoutMs + timeoutMs + 5000);
    // Enough users after the heal for the last window to be judged.
    await sleep(windowMs + timeoutMs, undefined, { signal });
  } finally {
    stop.abort();
    records = (await running.done).arrivals;
    await circuit.stop();
  }
  options.signal?.throwIfAborted();
  const before = records.filter((r) => r.at < outageAtMs - 200 && r.latencyMs !== null);
  const healthyP99Ms = before.length ? round(p99(before)) : 0;
  const firstHeal =
    healedAtMs === null
      ? undefined
      : records.find((r) => r.outcome === 'full' && r.at + (r.latencyMs ?? 0) >= healedAtMs);
  return {
    capacity,
    rate: load.rate,
    healthyP99Ms,
    outageAtMs,
    healedAtMs,
    openedAfterMs,
    timeToProtectMs: timeToProtect(
      records,
      outageAtMs,
      2 * Math.max(healthyP99Ms, 1),
      windowMs,
      Math.ceil((load.rate * windowMs) / 2000),
    ),
    waitedOutTimeout: records.filter(
      (r) =>
        r.at >= outageAtMs &&
        r.at < outageAtMs + timeoutMs &&
        (r.latencyMs ?? 0) >= 0.9 * timeoutMs,
    ).length,
    timeToHealMs:
      firstHeal && healedAtMs !== null
        ? round(firstHeal.at + (firstHeal.latencyMs ?? 0) - healedAtMs)
        : null,
    users: records.length,
  };
}

export interface BurstOptions {
  url: string;
  v2Url: string;
  control: Control;
  load: OpenLoad;
  capacity: number;
  /** 0: recommendations healthy; more: `slow` by that much (a dependency slow but working). */
  dependencyLatencyMs: number;
  durationMs: number;
  signal?: AbortSignal;
}

/**
 * How many users a bulkhead of `capacity` leaves without recommendations when nothing is wrong
 * (Poisson bursts). Each user asks for recommendations once, so the bulkhead's rejections are
 * users; they still get the product, in a degraded page.
 */
export async function measureBurst(options: BurstOptions): Promise<Burst> {
  const { url, v2Url, control, load, capacity, dependencyLatencyMs, durationMs, signal } = options;
  await control.setFailure(
    dependencyLatencyMs > 0
      ? { mode: 'slow', latencyMs: dependencyLatencyMs }
      : { mode: 'healthy' },
  );
  await control.configureBreaker({ capacity });
  await control.resetBreaker();
  const rejections = async () =>
    (await tryRead(`${v2Url}${CIRCUIT_PATHS.status}`, circuitStatusSchema))?.totals
      .semaphoreRejections ?? 0;
  const before = await rejections();
  const recording = await startOpenLoad({
    url,
    load,
    durationMs,
    tailMs: load.patienceMs,
    t0: Date.now(),
    ...(signal ? { signal } : {}),
  }).done;
  const rejected = (await rejections()) - before;
  await control.setFailure({ mode: 'healthy' });
  const users = recording.arrivals.length;
  return {
    capacity,
    rate: load.rate,
    dependencyLatencyMs,
    users,
    rejected,
    rejectedShare: users ? round(rejected / users, 4) : 0,
  };
}
