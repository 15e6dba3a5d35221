import { protectionSchema } from '@cbd/gateway-v2/contract';
import { z } from 'zod';
import { circuitRecordSchema } from '../model/circuit.js';
import { collateralSchema } from '../model/collateral.js';
import { GATEWAYS } from '../model/gateways.js';
import {
  loadSpecSchema,
  offsetMs,
  scheduleSchema,
  secondSampleSchema,
  usersSummarySchema,
} from '../model/load.js';
import { rungFiguresSchema } from '../model/ladder.js';
import { dependencySampleSchema, poolSampleSchema } from '../model/observed.js';
import { phaseSchema, phaseStatsSchema, recoverySchema } from '../model/phases.js';
import { stackSettingsSchema } from '../runner/control.js';
import { RUNG_IDS } from '../scenarios/ladder.js';
import { GATEWAY_SCENARIOS, SCENARIOS, scenarioSettingsSchema } from '../scenarios/settings.js';

// The comparison report's format (reports/comparison_report.json), made of the model's parts.
// Documented in loadtest/README.md; bump SCHEMA_VERSION on any change that breaks a reader.
export const SCHEMA_VERSION = 4;

const count = z.int().min(0);
const ms = z.number().min(0);
const share = z.number().min(0).max(1);
const ratio = z.number().min(0).nullable();

export const gatewaySchema = z.enum(GATEWAYS);
export const gatewayScenarioSchema = z.enum(GATEWAY_SCENARIOS);
export const scenarioNameSchema = z.enum(SCENARIOS);

/** One gateway's part of a scenario, every figure per user who arrived. */
export const gatewayRunSchema = z.strictObject({
  gateway: gatewaySchema,
  url: z.string(),
  path: z.string(),
  load: loadSpecSchema,
  /** When users started arriving, for how long, and when the last outcome was known. */
  startMs: offsetMs,
  durationMs: ms,
  endMs: offsetMs,
  users: usersSummarySchema,
  /** Useful answers per second of arrivals. */
  usefulPerSecond: z.number().min(0),
  /** open: how late users were sent; null for a closed loop. */
  schedule: scheduleSchema.nullable(),
  /** Users still waiting when the run ended (counted as timed out). */
  cutOff: count,
  /** The most users waiting at the end of any second. */
  peakWaiting: count,
  collateral: collateralSchema,
  samples: z.array(secondSampleSchema),
  /** gateway-v1: its shared pool over time; null for gateway-v2. */
  pool: z.array(poolSampleSchema).nullable(),
  /** gateway-v2: its breaker over time; null for gateway-v1. */
  circuit: circuitRecordSchema.nullable(),
  /** The calls it made to recommendations-service over time, as the service counted them. */
  dependency: z.array(dependencySampleSchema),
  phases: z.array(phaseStatsSchema),
  /** After the dependency healed (timeline); null without a heal. */
  recovery: recoverySchema.nullable(),
});
export type GatewayRun = z.infer<typeof gatewayRunSchema>;

export const comparisonSchema = z.strictObject({
  /** Each gateway's useful share over the whole run... */
  usefulShare: z.strictObject({ v1: share, v2: share }),
  /** ...and over the users who arrived while the dependency was sick. */
  sickUsefulShare: z.strictObject({ v1: share, v2: share }),
  /** v2 ÷ v1 useful answers per second. Null when v1 gave none. */
  usefulPerSecondRatio: ratio,
  /** v1 ÷ v2 latency from arrival: how many times faster v2 answered. */
  latencyRatios: z.strictObject({ p50: ratio, p99: ratio }),
  /** v1 ÷ v2 probe p99 on the healthy route (waits of unanswered probes included). */
  collateralP99Ratio: ratio,
  /** From the start of the sickness (outage: v2's first user) to v2's breaker first opening. */
  breakerOpenedAfterMs: ms.nullable(),
  verdict: z.string(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** partial: what each gateway did while recommendations failed one share of calls. */
export const errorRateRowSchema = z.strictObject({
  errorRate: share,
  startMs: offsetMs,
  endMs: offsetMs,
  v1: z.strictObject({
    usefulShare: share,
    /** Users who arrived in the stretch, per second of it: what the calls per second follow. */
    usersPerSecond: z.number().min(0),
    callsPerSecond: z.number().min(0),
  }),
  v2: z.strictObject({
    usefulShare: share,
    usersPerSecond: z.number().min(0),
    callsPerSecond: z.number().min(0),
    /** The share of the stretch gateway-v2's circuit was open. */
    openShare: share,
  }),
});
export type ErrorRateRow = z.infer<typeof errorRateRowSchema>;

export const scenarioSchema = z.strictObject({
  name: gatewayScenarioSchema,
  description: z.string(),
  startedAt: z.iso.datetime(),
  durationMs: ms,
  phases: z.array(phaseSchema),
  gateways: z.strictObject({ v1: gatewayRunSchema, v2: gatewayRunSchema }),
  comparison: comparisonSchema,
  /** partial only: one row per share of calls failed, in run order. */
  byErrorRate: z.array(errorRateRowSchema).optional(),
});
export type ScenarioResult = z.infer<typeof scenarioSchema>;

/** One rung of the ladder: what it ran, its run under the users, and what it bought. */
export const rungResultSchema = z.strictObject({
  id: z.enum(RUNG_IDS),
  label: z.string(),
  adds: z.string(),
  /** The rung it is compared with; null for the bottom one. */
  below: z.enum(RUNG_IDS).nullable(),
  gateway: gatewaySchema,
  protections: z.array(protectionSchema),
  retries: count,
  /** gateway-v1 with a short timeout on every try and no pool limit (the fast retries). */
  fast: z.boolean(),
  run: gatewayRunSchema,
  figures: rungFiguresSchema,
  /** What this rung bought over the one below, from the figures. */
  sentence: z.string(),
});
export type RungResult = z.infer<typeof rungResultSchema>;

export const layersSchema = z.strictObject({
  name: z.literal('layers'),
  description: z.string(),
  startedAt: z.iso.datetime(),
  durationMs: ms,
  phases: z.array(phaseSchema),
  /** Each rung's recommendations-service: calls served at once, and how long each takes. */
  capacity: z.strictObject({ limit: count, workMs: ms }),
  rungs: z.array(rungResultSchema),
  verdict: z.string(),
});
export type LayersResult = z.infer<typeof layersSchema>;

export const environmentSchema = z.strictObject({
  node: z.string(),
  platform: z.string(),
  arch: z.string(),
  cpus: count,
  cpuModel: z.string(),
  memoryGb: z.number(),
  versions: z.record(z.string(), z.string()),
});
export type Environment = z.infer<typeof environmentSchema>;

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  /** The run's settings, less how often it sampled, and what it ran against. */
  config: scenarioSettingsSchema.omit({ probeIntervalMs: true, pollMs: true }).extend({
    /** The scenarios run, in run order: a report is written only once all asked for have run. */
    scenarios: z.array(scenarioNameSchema),
    services: stackSettingsSchema,
    targets: z.record(z.string(), z.string()),
  }),
  environment: environmentSchema,
  scenarios: z.strictObject({
    outage: scenarioSchema.optional(),
    timeline: scenarioSchema.optional(),
    partial: scenarioSchema.optional(),
    layers: layersSchema.optional(),
  }),
  /** The lead scenario's verdict (the timeline's, when it ran), for the top of the report. */
  headline: z.string(),
});
export type Report = z.infer<typeof reportSchema>;
