import { z } from 'zod';
import { percentile } from './stats.js';
import { offsetMs } from './load.js';

const count = z.int().min(0);
const ms = z.number().min(0);

/** One GET of a healthy route (e.g. /products/1) sent beside the load: collateral damage. */
export const probeSampleSchema = z.strictObject({
  /** Offset it was sent. */
  t: offsetMs,
  /** Time to its answer; null when none came before the client gave up or the run ended. */
  ms: ms.nullable(),
  status: z.int().nullable(),
  /** Unanswered: how long it waited. */
  waitedMs: ms.optional(),
});
export type ProbeSample = z.infer<typeof probeSampleSchema>;

export const collateralSchema = z.strictObject({
  path: z.string(),
  probes: count,
  /** Answered 200 within the user's patience. */
  inTime: count,
  /** Answered, but after the patience. */
  tooLate: count,
  /** No answer at all (an error answer is neither of the three). */
  unanswered: count,
  /**
   * How long probes waited: answered ones until their answer, unanswered ones until they gave
   * up (a lower bound, so a starved route is not made to look fast). Null if none was sent.
   */
  latencyMs: z.strictObject({ p50: ms, p99: ms, max: ms }).nullable(),
  samples: z.array(probeSampleSchema),
});
export type Collateral = z.infer<typeof collateralSchema>;

export function summarizeProbes(
  path: string,
  unsorted: readonly ProbeSample[],
  patienceMs: number,
): Collateral {
  const samples = [...unsorted].sort((a, b) => a.t - b.t);
  const waited = Float64Array.from(samples.map((s) => s.ms ?? s.waitedMs ?? 0)).sort();
  const answered = samples.filter((s) => s.ms !== null);
  return {
    path,
    probes: samples.length,
    inTime: answered.filter((s) => s.status === 200 && (s.ms ?? 0) <= patienceMs).length,
    tooLate: answered.filter((s) => (s.ms ?? 0) > patienceMs).length,
    unanswered: samples.length - answered.length,
    latencyMs: waited.length
      ? {
          p50: percentile(waited, 50),
          p99: percentile(waited, 99),
          max: waited[waited.length - 1] ?? 0,
        }
      : null,
    samples,
  };
}

/** The p99 wait of the probes sent in [fromMs, toMs) (unanswered ones at how long they waited); null if none. */
export function probeP99Between(
  samples: readonly ProbeSample[],
  fromMs: number,
  toMs: number,
): number | null {
  const waits = samples
    .filter((s) => s.t >= fromMs && s.t < toMs)
    .map((s) => s.ms ?? s.waitedMs ?? 0);
  return waits.length ? percentile(Float64Array.from(waits).sort(), 99) : null;
}
