import { z } from 'zod';

// The comparison report's format (reports/comparison_report.json). Documented in
// loadtest/README.md; bump SCHEMA_VERSION on any change that breaks a reader.
export const SCHEMA_VERSION = 1;

const count = z.int().min(0);
const ms = z.number().min(0);
/** Relative to the scenario's start, in milliseconds. */
const offsetMs = z.number();

export const OUTCOMES = ['full', 'degraded', 'failed', 'timeout'] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

export const GATEWAYS = ['v1', 'v2'] as const;
export const gatewaySchema = z.enum(GATEWAYS);
export type GatewayId = z.infer<typeof gatewaySchema>;

export const circuitStateSchema = z.enum(['CLOSED', 'OPEN', 'HALF_OPEN']);

const outcomeCounts = z.strictObject({
  full: count,
  degraded: count,
  failed: count,
  timeout: count,
});
export type OutcomeCounts = z.infer<typeof outcomeCounts>;

const latencySummary = z.strictObject({ p50: ms, p90: ms, p99: ms, max: ms, mean: ms });
export type LatencySummary = z.infer<typeof latencySummary>;

/** One second of one gateway's run, by completion time. */
export const secondSampleSchema = z.strictObject({
  /** Seconds since the scenario started (0, 1, 2...). */
  t: count,
  /** Responses completed in this second (a client timeout is not a response). */
  requests: count,
  outcomes: outcomeCounts,
  /** Latency of the responses completed in this second; null when none completed. */
  p50: ms.nullable(),
  p99: ms.nullable(),
});
export type SecondSample = z.infer<typeof secondSampleSchema>;

/** A GET /products/1 sent beside the load, to measure collateral damage to a healthy route. */
export const probeSampleSchema = z.strictObject({
  t: offsetMs,
  /** Null when the probe got no answer before the client timeout. */
  ms: ms.nullable(),
  status: z.int().nullable(),
  /** Unanswered probes: how long it waited before giving up (client timeout, or the end of the run). */
  waitedMs: ms.optional(),
});

export const collateralSchema = z.strictObject({
  path: z.string(),
  probes: count,
  /** Probes answered 200. */
  ok: count,
  /**
   * How long probes waited: answered ones until their answer, unanswered ones until they gave
   * up (a lower bound, so a starved route is not made to look fast). Null if none was sent.
   */
  latencyMs: z.strictObject({ p50: ms, p99: ms, max: ms }).nullable(),
  samples: z.array(probeSampleSchema),
});
export type Collateral = z.infer<typeof collateralSchema>;

export const circuitTransitionSchema = z.strictObject({
  from: circuitStateSchema,
  to: circuitStateSchema,
  at: z.iso.datetime(),
  t: offsetMs,
});

export const circuitSchema = z.strictObject({
  /** v2's /circuit-status polled during the run (every pollMs). */
  pollMs: ms,
  samples: z.array(z.strictObject({ t: offsetMs, state: circuitStateSchema })),
  /** As v2 itself recorded them, during this run. */
  transitions: z.array(circuitTransitionSchema),
});
export type CircuitRecord = z.infer<typeof circuitSchema>;

/** One gateway's results within one phase (e.g. only while the dependency hung). */
export const phaseStatsSchema = z.strictObject({
  mode: z.string(),
  startMs: offsetMs,
  endMs: offsetMs,
  outcomes: outcomeCounts,
  /** Full + degraded responses per second within the phase. */
  usefulPerSecond: z.number().min(0),
  /** The worst per-second p99 within the phase (null when nothing completed). */
  worstP99: ms.nullable(),
});
export type PhaseStats = z.infer<typeof phaseStatsSchema>;

export const gatewayRunSchema = z.strictObject({
  gateway: gatewaySchema,
  url: z.string(),
  path: z.string(),
  connections: count,
  /** When this gateway's load started and how long it ran, relative to the scenario start. */
  startMs: offsetMs,
  durationMs: ms,
  requests: z.strictObject({
    /** Responses received (full + degraded + failed). */
    total: count,
    perSecond: z.number().min(0),
    /** Full + degraded responses per second: what users could use. */
    usefulPerSecond: z.number().min(0),
  }),
  latencyMs: latencySummary,
  statusCodes: z.record(z.string().regex(/^\d{3}$/), count),
  outcomes: outcomeCounts,
  /** Client timeouts (also counted as the `timeout` outcome). */
  timeouts: count,
  /** Connection errors other than timeouts (counted as `failed`). */
  errors: count,
  /** (full + degraded) / all attempts, 0..1. */
  usefulRate: z.number().min(0).max(1),
  collateral: collateralSchema,
  samples: z.array(secondSampleSchema),
  /** v2 only. */
  circuit: circuitSchema.nullable(),
  /**
   * Per phase of the scenario. Connections are closed-loop: a stuck gateway is sent fewer
   * requests, so its share of failed requests understates the outage; per-phase rates do not.
   */
  phases: z.array(phaseStatsSchema).optional(),
});
export type GatewayRun = z.infer<typeof gatewayRunSchema>;

/** A stretch of the scenario with one failure mode, for shading the outage on charts. */
export const phaseSchema = z.strictObject({
  mode: z.string(),
  startMs: offsetMs,
  endMs: offsetMs,
});
export type Phase = z.infer<typeof phaseSchema>;

const ratio = z.number().min(0).nullable();

export const comparisonSchema = z.strictObject({
  /** v2 req/s ÷ v1 req/s (all responses). Null when v1 completed none. */
  throughputRatio: ratio,
  /** v2 useful req/s ÷ v1 useful req/s. Null when v1 had no useful response. */
  usefulThroughputRatio: ratio,
  /** v1 latency ÷ v2 latency: how many times faster v2 answered. */
  latencyRatios: z.strictObject({ p50: ratio, p99: ratio, mean: ratio }),
  usefulRate: z.strictObject({ v1: z.number().min(0).max(1), v2: z.number().min(0).max(1) }),
  /** v1 probe p99 ÷ v2 probe p99 on the healthy route. */
  collateralP99Ratio: ratio,
  /** How long after the dependency healed each gateway served useful answers at half its healthy rate again (timeline). */
  recoveryMs: z.strictObject({ v1: ms.nullable(), v2: ms.nullable() }).optional(),
  /** From the start of the hang to v2's breaker first opening. */
  breakerOpenedAfterMs: ms.nullable().optional(),
  verdict: z.string(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const SCENARIOS = ['outage', 'timeline'] as const;
export const scenarioNameSchema = z.enum(SCENARIOS);
export type ScenarioName = z.infer<typeof scenarioNameSchema>;

export const scenarioSchema = z.strictObject({
  name: scenarioNameSchema,
  description: z.string(),
  startedAt: z.iso.datetime(),
  durationMs: ms,
  phases: z.array(phaseSchema),
  gateways: z.strictObject({ v1: gatewayRunSchema, v2: gatewayRunSchema }),
  comparison: comparisonSchema,
});
export type ScenarioResult = z.infer<typeof scenarioSchema>;

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  config: z.strictObject({
    quick: z.boolean(),
    scenarios: z.array(scenarioNameSchema),
    clientTimeoutMs: ms,
    outage: z.strictObject({ connections: count, durationMs: ms }),
    timeline: z.strictObject({
      connections: count,
      healthyMs: ms,
      hangMs: ms,
      recoveryMs: ms,
    }),
    /** The services' settings that shape the result. */
    services: z.strictObject({
      hangMs: ms,
      v1: z.strictObject({ upstreamTimeoutMs: ms, maxSockets: count }),
      v2: z.strictObject({
        timeoutMs: ms,
        errorThresholdPercentage: z.number(),
        volumeThreshold: count,
        resetTimeoutMs: ms,
        capacity: count,
        rollingWindowMs: ms.optional(),
      }),
    }),
    targets: z.record(z.string(), z.string()),
  }),
  environment: z.strictObject({
    node: z.string(),
    platform: z.string(),
    arch: z.string(),
    cpus: count,
    cpuModel: z.string(),
    memoryGb: z.number(),
    versions: z.record(z.string(), z.string()),
  }),
  scenarios: z.strictObject({
    outage: scenarioSchema.optional(),
    timeline: scenarioSchema.optional(),
  }),
  /** The lead scenario's verdict (the outage's, when it ran), for the top of the report. */
  headline: z.string(),
});
export type Report = z.infer<typeof reportSchema>;
