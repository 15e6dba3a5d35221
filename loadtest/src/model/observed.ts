import { z } from 'zod';
import { offsetMs } from './load.js';

const count = z.int().min(0);

/** gateway-v1's shared pool (GET /pool-status) at one read: the queue that starves it. */
export const poolSampleSchema = z.strictObject({
  t: offsetMs,
  size: count,
  /** Calls holding a place. */
  active: count,
  /** Calls waiting in line for one. */
  waiting: count,
});
export type PoolSample = z.infer<typeof poolSampleSchema>;

/** What recommendations-service received from one caller (a gateway), read every poll. */
export const dependencySampleSchema = z.strictObject({
  t: offsetMs,
  /** Calls from this caller since the previous read, per second. */
  callsPerSecond: z.number().min(0),
  /** This caller's calls it is working on or holding now. */
  inFlight: count,
  /** The whole service: calls waiting for a place (its capacity), and places in use. */
  queued: count,
  busy: count,
});
export type DependencySample = z.infer<typeof dependencySampleSchema>;

/** A caller's running total of calls, as recommendations-service counts them, at one read. */
export interface CallTotal {
  at: number;
  total: number;
}

/** Calls per second between two reads of a running total, to 0.1; null without an earlier read. */
export function callsPerSecond(before: CallTotal | undefined, after: CallTotal): number | null {
  if (!before || after.at <= before.at) return null;
  return (
    Math.round(((Math.max(0, after.total - before.total) * 1000) / (after.at - before.at)) * 10) /
    10
  );
}

/** The mean of the calls per second read in (fromMs, toMs]; 0 when none was read there. */
export function meanCallsPerSecond(
  samples: readonly DependencySample[],
  fromMs: number,
  toMs: number,
): number {
  const inside = samples.filter((s) => s.t > fromMs && s.t <= toMs);
  if (inside.length === 0) return 0;
  return (
    Math.round((inside.reduce((sum, s) => sum + s.callsPerSecond, 0) / inside.length) * 10) / 10
  );
}

/** Reads of the line are judged a second at a time: one read can catch a passing burst. */
const LINE_WINDOW_MS = 1000;

/**
 * From `healedAtMs` until recommendations-service caught up with its calls for good: the start
 * of the first second after the heal from which no second's reads showed, on average, more
 * calls waiting than it serves at once (`limit`). Under random arrivals a healthy service still
 * has a call wait now and then; a backlog is a line longer than one round of work, second after
 * second. Null if the last second read was still that long, or nothing was read after the heal.
 */
export function backlogGoneAfter(
  samples: readonly DependencySample[],
  healedAtMs: number,
  limit: number,
): number | null {
  const seconds: { queued: number; reads: number }[] = [];
  for (const s of samples) {
    if (s.t < healedAtMs) continue;
    const second = (seconds[Math.floor((s.t - healedAtMs) / LINE_WINDOW_MS)] ??= {
      queued: 0,
      reads: 0,
    });
    second.queued += s.queued;
    second.reads += 1;
  }
  if (seconds.length === 0) return null;
  let behind = -1;
  seconds.forEach((second, i) => {
    if (second.queued / second.reads > limit) behind = i;
  });
  if (behind === seconds.length - 1) return null;
  return (behind + 1) * LINE_WINDOW_MS;
}
