import { z } from 'zod';
import { reportSchema } from '../report/schema.js';

// reports/bench.json, written by `pnpm bench`. Documented in loadtest/README.md ("pnpm bench");
// bump BENCH_SCHEMA_VERSION on any change that breaks a reader.
export const BENCH_SCHEMA_VERSION = 1;

const count = z.int().min(0);
const ms = z.number().min(0);
const rate = z.number().min(0);
const fraction = z.number().min(0).max(1);

/** One timed run of autocannon against one URL. */
export const throughputRunSchema = z.strictObject({
  durationMs: ms,
  /** Responses (any status) per second. */
  reqPerSec: rate,
  p50Ms: ms,
  p99Ms: ms,
  responses: count,
  /** Responses that were not a usable product-details answer, plus connection errors. */
  failed: count,
  /** CPU time (user + system) the measured process spent per response; null off Linux. */
  cpuUsPerRequest: z.number().min(0).nullable(),
  /** The measured process's largest resident set seen during the run; null off Linux. */
  peakRssMb: z.number().min(0).nullable(),
});
export type ThroughputRun = z.infer<typeof throughputRunSchema>;

/** The same target measured several times, alternating with the others; medians per figure. */
export const targetSchema = z.strictObject({
  url: z.string(),
  runs: z.array(throughputRunSchema).min(1),
  median: z.strictObject({
    reqPerSec: rate,
    p50Ms: ms,
    p99Ms: ms,
    cpuUsPerRequest: z.number().min(0).nullable(),
    peakRssMb: z.number().min(0).nullable(),
  }),
});
export type TargetResult = z.infer<typeof targetSchema>;

export const breakerOverheadSchema = z.strictObject({
  iterations: count,
  repeats: count,
  /** Median ns per awaited call: the action itself, through a closed breaker, an open one (fallback). */
  directNs: ms,
  closedNs: ms,
  openNs: ms,
  /** Open, fired as gateway-v2 fires it (no stack trace for the rejection nobody reads). */
  openGatewayNs: ms,
  closedOverheadNs: z.number(),
  openOverheadNs: z.number(),
  openGatewayOverheadNs: z.number(),
});
export type BreakerOverhead = z.infer<typeof breakerOverheadSchema>;

export const protectionSchema = z.strictObject({
  connections: count,
  /** v2's p99 over the responses completed before the outage started. */
  healthyP99Ms: ms,
  /** Offsets from the start of the load. */
  outageAtMs: ms,
  healedAtMs: ms.nullable(),
  /** From the outage start until /circuit-status first read OPEN. */
  openedAfterMs: ms.nullable(),
  /** From the outage start until requests sent from then on got a p99 under 2× the healthy p99. */
  timeToProtectMs: ms.nullable(),
  /** From the heal until the first response with live recommendations. */
  timeToHealMs: ms.nullable(),
  responses: count,
});
export type Protection = z.infer<typeof protectionSchema>;

const outageGatewaySchema = z.strictObject({
  responses: count,
  reqPerSec: rate,
  usefulRate: fraction,
  peakRssMb: z.number().min(0).nullable(),
});

export const outageSchema = z.strictObject({
  connections: count,
  durationMsPerGateway: ms,
  v1: outageGatewaySchema,
  v2: outageGatewaySchema,
  /** v2 completed req/s ÷ v1 completed req/s; null when v1 completed none. */
  throughputRatio: z.number().min(0).nullable(),
});
export type OutageFigures = z.infer<typeof outageSchema>;

export const GOAL_IDS = [
  'open-vs-bare-throughput',
  'open-vs-bare-p99',
  'open-vs-bare-cpu',
  'healthy-vs-bare-throughput',
  'outage-throughput-ratio',
  'outage-useful-rate',
  'time-to-protect',
  'time-to-heal',
  'rss-v1',
  'rss-v2',
  'rss-bare',
  'breaker-closed-share',
  'breaker-open-share',
] as const;

export const goalSchema = z.strictObject({
  id: z.enum(GOAL_IDS),
  label: z.string(),
  /** The figure the goal is about, in `unit`; null when it could not be measured. */
  measured: z.number().nullable(),
  unit: z.enum(['ratio', 'fraction', 'ms', 'mb']),
  /** How it was obtained, e.g. "3 850 vs 3 912 req/s". */
  detail: z.string(),
  /** min: measured must be at least value; max: at most. Null: reported, no goal. */
  goal: z.strictObject({ op: z.enum(['min', 'max']), value: z.number() }).nullable(),
  result: z.enum(['pass', 'miss', 'info', 'unmeasured']),
});
export type Goal = z.infer<typeof goalSchema>;

const services = reportSchema.shape.config.shape.services;

export const benchSchema = z.strictObject({
  schemaVersion: z.literal(BENCH_SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  quick: z.boolean(),
  durationMs: ms,
  settings: z.strictObject({
    connections: count,
    steadyConnections: count,
    warmupMs: ms,
    runMs: ms,
    rounds: count,
    outageMs: ms,
    services,
  }),
  environment: reportSchema.shape.environment.extend({
    /** os.loadavg() when the bench started and ended: a busy machine skews every figure. */
    loadAverage: z.strictObject({ start: z.array(z.number()), end: z.array(z.number()) }),
  }),
  measurements: z.strictObject({
    breakerOverhead: breakerOverheadSchema,
    bare: targetSchema,
    v2Open: targetSchema,
    v2Healthy: targetSchema,
    protection: protectionSchema,
    outage: outageSchema,
  }),
  goals: z.array(goalSchema),
});
export type BenchReport = z.infer<typeof benchSchema>;
export type BenchMeasurements = BenchReport['measurements'];
export type BenchSettings = BenchReport['settings'];
