import { z } from 'zod';
import { writeJsonFile } from '../report/write.js';
import { environmentSchema } from '../report/schema.js';
import { stackSettingsSchema } from '../runner/control.js';

// reports/bench.json, written by `pnpm bench`. Documented in loadtest/README.md ("pnpm bench");
// bump BENCH_SCHEMA_VERSION on any change that breaks a reader.
export const BENCH_SCHEMA_VERSION = 3;

const count = z.int().min(0);
const ms = z.number().min(0);
const rate = z.number().min(0);
const share = z.number().min(0).max(1);
const mb = z.number().min(0).nullable();

/** One timed closed-loop run (autocannon, flat out) against one URL. */
export const throughputRunSchema = z.strictObject({
  durationMs: ms,
  /** Answers (any status) per second. */
  reqPerSec: rate,
  p50Ms: ms,
  p99Ms: ms,
  responses: count,
  /** Answers that were not a usable product-details answer, plus errors and timeouts. */
  failed: count,
  /** Usable answers without recommendations: the fallback's, served from the product alone. */
  degraded: count,
  /** CPU time (user + system) the measured process spent per answer; null off Linux. */
  cpuUsPerRequest: z.number().min(0).nullable(),
  /** The measured process's largest resident set seen during the run; null off Linux. */
  peakRssMb: mb,
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
    peakRssMb: mb,
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

/** gateway-v2 under arriving users as recommendations start to hang, then heal. */
export const protectionSchema = z.strictObject({
  /** The bulkhead (BREAKER_CAPACITY) it ran with. */
  capacity: count,
  rate,
  /** p99 from arrival of the users who arrived while the dependency was healthy. */
  healthyP99Ms: ms,
  /** Offsets from the first arrival. */
  outageAtMs: ms,
  healedAtMs: ms.nullable(),
  /** From the outage start until /circuit-status first read OPEN. */
  openedAfterMs: ms.nullable(),
  /** From the outage start until the users arriving from then on had a p99 under 2× the healthy one. */
  timeToProtectMs: ms.nullable(),
  /** The users who arrived in the first breaker-timeout of the outage and waited it out. */
  waitedOutTimeout: count,
  /** From the heal until the first user with live recommendations. */
  timeToHealMs: ms.nullable(),
  users: count,
});
export type Protection = z.infer<typeof protectionSchema>;

/** What a bulkhead costs when nothing is wrong: users served the fallback because it was full. */
export const burstSchema = z.strictObject({
  capacity: count,
  rate,
  /** recommendations-service's added latency for the run (0: healthy). */
  dependencyLatencyMs: ms,
  users: count,
  /** Users whose recommendations were dropped because the bulkhead was full (ESEMLOCKED). */
  rejected: count,
  rejectedShare: share,
});
export type Burst = z.infer<typeof burstSchema>;

const outageGatewaySchema = z.strictObject({
  users: count,
  usefulShare: share,
  /** From each user's scheduled arrival. */
  p99Ms: ms.nullable(),
  /** Largest resident set and most open file descriptors (sockets) during its run. */
  peakRssMb: mb,
  peakFds: count.nullable(),
});

/** The demo's outage, per user: users arrive whatever the gateway does. */
export const outageSchema = z.strictObject({
  rate,
  durationMsPerGateway: ms,
  v1: outageGatewaySchema,
  v2: outageGatewaySchema,
  /** The load runner itself while gateway-v1 held its users (thousands in flight). */
  runner: z.strictObject({ peakRssMb: mb, peakFds: count.nullable(), peakWaiting: count }),
});
export type OutageFigures = z.infer<typeof outageSchema>;

export const GOAL_IDS = [
  'open-vs-bare-throughput',
  'open-vs-bare-p99',
  'open-vs-bare-cpu',
  'healthy-vs-bare-throughput',
  'outage-useful-v2',
  'outage-useful-v1',
  'outage-p99-v2',
  'time-to-protect',
  'time-to-protect-wide',
  'time-to-heal',
  'burst-rejections',
  'burst-rejections-slow',
  'rss-v1',
  'rss-v2',
  'rss-bare',
  'runner-resources',
  'breaker-closed-share',
  'breaker-open-share',
] as const;

export const goalSchema = z.strictObject({
  id: z.enum(GOAL_IDS),
  label: z.string(),
  /** The figure the goal is about, in `unit`; null when it could not be measured. */
  measured: z.number().nullable(),
  unit: z.enum(['ratio', 'fraction', 'ms', 'mb', 'count']),
  /** How it was obtained, e.g. "3 850 vs 3 912 req/s". */
  detail: z.string(),
  /** min: measured must be at least value; max: at most. Null: reported, no goal. */
  goal: z.strictObject({ op: z.enum(['min', 'max']), value: z.number() }).nullable(),
  result: z.enum(['pass', 'miss', 'info', 'unmeasured']),
});
export type Goal = z.infer<typeof goalSchema>;

export const benchSettingsSchema = z.strictObject({
  /** Closed-loop capacity runs. */
  connections: count,
  warmupMs: ms,
  runMs: ms,
  rounds: count,
  /** Arriving users for the protection, burst and outage phases. */
  rate,
  outageMs: ms,
  services: stackSettingsSchema,
});
export type BenchSettings = z.infer<typeof benchSettingsSchema>;

export const benchSchema = z.strictObject({
  schemaVersion: z.literal(BENCH_SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  quick: z.boolean(),
  durationMs: ms,
  settings: benchSettingsSchema,
  environment: environmentSchema.extend({
    /** os.loadavg() when the bench started and ended: a busy machine skews every figure. */
    loadAverage: z.strictObject({ start: z.array(z.number()), end: z.array(z.number()) }),
  }),
  measurements: z.strictObject({
    breakerOverhead: breakerOverheadSchema,
    bare: targetSchema,
    v2Open: targetSchema,
    v2Healthy: targetSchema,
    /** With the gateway's own bulkhead, and with a wide one (100). */
    protection: protectionSchema,
    protectionWide: protectionSchema,
    bursts: z.array(burstSchema),
    outage: outageSchema,
  }),
  goals: z.array(goalSchema),
});
export type BenchReport = z.infer<typeof benchSchema>;
export type BenchMeasurements = BenchReport['measurements'];

export const BENCH_FILE = 'bench.json';

/** Validates the bench report and writes `dir`/bench.json atomically; returns its path. */
export const writeBench = (dir: string, report: BenchReport) =>
  writeJsonFile(dir, BENCH_FILE, benchSchema, report);
