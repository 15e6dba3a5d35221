import { z } from 'zod';
import {
  emptyCounts,
  isUseful,
  outcomeCountsSchema,
  usefulShare,
  type Outcome,
  type OutcomeCounts,
} from './outcome.js';
import { latencySummarySchema, percentile, round, summarize } from './stats.js';

const count = z.int().min(0);
const ms = z.number().min(0);
/** Milliseconds since the scenario started. */
export const offsetMs = z.number();

/**
 * How users were sent. `open`: they arrive at `rate` per second whatever the gateway does
 * (Poisson or evenly spaced, from a seeded generator), each sending its request at once, with
 * at most `socketBudget` in flight; latency counts from the arrival's scheduled time. `closed`:
 * `connections` users who each wait for their answer before sending again (autocannon), so a
 * stuck gateway is sent fewer requests: what it hides is the point of showing it.
 */
export const loadSpecSchema = z.discriminatedUnion('model', [
  z.strictObject({
    model: z.literal('open'),
    rate: z.number().positive(),
    arrivals: z.enum(['poisson', 'uniform']),
    seed: z.int(),
    socketBudget: z.int().min(1),
    patienceMs: ms,
    clientTimeoutMs: ms,
  }),
  z.strictObject({
    model: z.literal('closed'),
    connections: z.int().min(1),
    patienceMs: ms,
    clientTimeoutMs: ms,
  }),
]);
export type LoadSpec = z.infer<typeof loadSpecSchema>;
export type OpenLoad = Extract<LoadSpec, { model: 'open' }>;
export type ClosedLoad = Extract<LoadSpec, { model: 'closed' }>;

/** One user: when they were due, and what became of them. */
export interface ArrivalRecord {
  /** Offset the user arrived (open: the scheduled time; closed: when the request was sent). */
  at: number;
  outcome: Outcome;
  /** From `at` to the answer, or to giving up (timed out); null if never sent (dropped). */
  latencyMs: number | null;
  /** The answer's HTTP status; null without an answer. */
  status: number | null;
}

/** How far behind its schedule the open-model runner sent arrivals (scheduled → sent). */
export const scheduleSchema = z.strictObject({
  scheduled: count,
  lagMs: z.strictObject({ p50: ms, p99: ms, max: ms }),
  /** The runner fell behind: 1 % of arrivals or more went out over SCHEDULE_SLACK_MS late. */
  fellBehind: z.boolean(),
});
export type ScheduleSummary = z.infer<typeof scheduleSchema>;

/** Later than this, an arrival was not sent when it was due. */
export const SCHEDULE_SLACK_MS = 20;

export function summarizeSchedule(lags: readonly number[]): ScheduleSummary {
  const sorted = Float64Array.from(lags).sort();
  const p99 = round(percentile(sorted, 99));
  return {
    scheduled: lags.length,
    lagMs: { p50: round(percentile(sorted, 50)), p99, max: round(sorted.at(-1) ?? 0) },
    fellBehind: p99 > SCHEDULE_SLACK_MS,
  };
}

/** What one load on one gateway produced (what the runners return). */
export interface LoadRecording {
  url: string;
  load: LoadSpec;
  /** Offset the first user arrived, and how long users kept arriving. */
  startMs: number;
  durationMs: number;
  /** Offset the last outcome was known (the run ended). */
  endMs: number;
  /** Every user, by arrival. */
  arrivals: ArrivalRecord[];
  /** open only. */
  schedule: ScheduleSummary | null;
  /** Users still waiting when the run ended, counted as timed out. */
  cutOff: number;
}

/** One second of one gateway's load. */
export const secondSampleSchema = z.strictObject({
  /** Seconds since the scenario started (0, 1, 2...). */
  t: count,
  /** Users who arrived in this second... */
  arrivals: count,
  /** ...and what became of them. */
  outcomes: outcomeCountsSchema,
  /** Their latency from arrival, over those sent (unanswered ones as long as they waited). */
  p50: ms.nullable(),
  p99: ms.nullable(),
  /** Users waiting for an answer at the end of this second. */
  waiting: count,
  /** Answers that came in this second, and the useful ones among them (by completion). */
  answered: count,
  answeredInTime: count,
});
export type SecondSample = z.infer<typeof secondSampleSchema>;

/** Per second from `fromS` up to (not including) `toS`: every second present, zeros included. */
export function secondSamples(
  records: readonly ArrivalRecord[],
  fromS: number,
  toS: number,
): SecondSample[] {
  const seconds = Math.max(0, toS - fromS);
  const samples = Array.from({ length: seconds }, (_, i) => ({
    t: fromS + i,
    arrivals: 0,
    outcomes: emptyCounts(),
    latencies: [] as number[],
    waitingAtEnd: 0,
    answered: 0,
    answeredInTime: 0,
  }));
  const slot = (ms: number) => Math.floor(ms / 1000) - fromS;
  for (const r of records) {
    const arrived = samples[slot(r.at)];
    if (arrived) {
      arrived.arrivals += 1;
      arrived.outcomes[r.outcome] += 1;
      if (r.latencyMs !== null) arrived.latencies.push(r.latencyMs);
    }
    if (r.latencyMs === null) continue;
    const done = r.at + r.latencyMs;
    // Waiting at the end of second s: sent by then, not done by then.
    const from = Math.max(0, Math.floor(r.at / 1000) - fromS);
    const until = Math.min(seconds, Math.ceil(done / 1000) - fromS - 1);
    for (let s = from; s < until; s += 1) {
      const sample = samples[s];
      if (sample) sample.waitingAtEnd += 1;
    }
    if (r.status !== null) {
      const answered = samples[slot(done)];
      if (answered) {
        answered.answered += 1;
        if (isUseful(r.outcome)) answered.answeredInTime += 1;
      }
    }
  }
  return samples.map(({ latencies, waitingAtEnd, ...s }) => {
    const sorted = Float64Array.from(latencies).sort();
    return {
      ...s,
      p50: sorted.length ? round(percentile(sorted, 50)) : null,
      p99: sorted.length ? round(percentile(sorted, 99)) : null,
      waiting: waitingAtEnd,
    };
  });
}

/** The figures of a set of users (a whole run, or one phase of it). */
export const usersSummarySchema = z.strictObject({
  arrivals: count,
  outcomes: outcomeCountsSchema,
  /** (full + degraded) ÷ arrivals, 0..1. */
  usefulShare: z.number().min(0).max(1),
  /** From arrival, over the users sent; null if none was. Unanswered ones count as long as they waited. */
  latencyMs: latencySummarySchema.nullable(),
  /** Answers by HTTP status. */
  statusCodes: z.record(z.string().regex(/^\d{3}$/), count),
});
export type UsersSummary = z.infer<typeof usersSummarySchema>;

export function summarizeUsers(records: readonly ArrivalRecord[]): UsersSummary {
  const outcomes = emptyCounts();
  const statusCodes: Record<string, number> = {};
  const latencies: number[] = [];
  for (const r of records) {
    outcomes[r.outcome] += 1;
    if (r.latencyMs !== null) latencies.push(r.latencyMs);
    if (r.status !== null) statusCodes[r.status] = (statusCodes[r.status] ?? 0) + 1;
  }
  return {
    arrivals: records.length,
    outcomes,
    usefulShare: round(usefulShare(outcomes), 4),
    latencyMs: summarize(latencies),
    statusCodes,
  };
}

/** The users who arrived in [fromMs, toMs). */
export const arrivedBetween = (records: readonly ArrivalRecord[], fromMs: number, toMs: number) =>
  records.filter((r) => r.at >= fromMs && r.at < toMs);

export const countOutcomes = (records: readonly ArrivalRecord[]): OutcomeCounts => {
  const counts = emptyCounts();
  for (const r of records) counts[r.outcome] += 1;
  return counts;
};
