// What gateway-v2 says about its breakers (GET /circuit-status, GET /circuit/config), for the
// tools that read it: the load runner, the report, the live page and the tour.
import { settingsSchema } from '@cbd/common';
import { z } from 'zod';
import { breakerSettings, PROTECTIONS } from './config.js';

export {
  breakerSettings,
  settings,
  PROTECTIONS,
  type BreakerOptions,
  type Protection,
} from './config.js';
/** GET /pool-status, served while the bulkhead is off: the same as gateway-v1's. */
export { POOL_STATUS_PATH, poolStatusSchema, type PoolStatus } from '@cbd/common';

/** Where gateway-v2 serves its breakers: read them, close them, change their options. */
export const CIRCUIT_PATHS = {
  status: '/circuit-status',
  reset: '/circuit/reset',
  config: '/circuit/config',
  configReset: '/circuit/config/reset',
} as const;

export const protectionSchema = z.enum(PROTECTIONS);

export const CIRCUIT_STATES = ['CLOSED', 'OPEN', 'HALF_OPEN'] as const;
export const circuitStateSchema = z.enum(CIRCUIT_STATES);
export type CircuitState = z.infer<typeof circuitStateSchema>;

export const breakerOptionsSchema = settingsSchema(breakerSettings);

export const circuitTransitionSchema = z.strictObject({
  from: circuitStateSchema,
  to: circuitStateSchema,
  /** Datetime of the change. */
  at: z.iso.datetime(),
});
export type CircuitTransition = z.infer<typeof circuitTransitionSchema>;

const count = z.int().min(0);

/** Calls and what became of them; /circuit-status gives them since start and over the rolling window. */
export const breakerCountsSchema = z.strictObject({
  fires: count,
  successes: count,
  failures: count,
  timeouts: count,
  rejects: count,
  fallbacks: count,
  semaphoreRejections: count,
});
export type BreakerCounts = z.infer<typeof breakerCountsSchema>;

export const PROBE_RESULTS = ['success', 'failure', 'timeout'] as const;

/** The one call a half-open circuit let through, and what it decided. */
export const halfOpenProbeSchema = z.strictObject({
  /** Datetime the probe's answer (or its failure) came. */
  at: z.iso.datetime(),
  latencyMs: z.number().min(0),
  result: z.enum(PROBE_RESULTS),
  /** The state it left the circuit in. */
  to: circuitStateSchema,
});
export type HalfOpenProbe = z.infer<typeof halfOpenProbeSchema>;

export const circuitStatusSchema = z.strictObject({
  name: z.string(),
  /** Always CLOSED while the breaker is off (see `protections`). */
  state: circuitStateSchema,
  /** Over the breaker's rolling window; with the breaker off, since the gateway started. */
  stats: breakerCountsSchema,
  /** Since the gateway started; with the breaker off, the calls made and how they ended. */
  totals: breakerCountsSchema,
  /**
   * The options in force now: `timeoutMs` is UNPROTECTED_TIMEOUT_MS while `timeout` is off, and
   * `capacity` is null for a call without a bulkhead of its own (the product's, or any while
   * `bulkhead` is off). The thresholds apply only while `breaker` is on.
   */
  options: breakerOptionsSchema.extend({ capacity: z.int().min(1).nullable() }),
  /** The protections on (PROTECTIONS), in the order of the ladder. */
  protections: z.array(protectionSchema),
  /** Datetime the options last changed (POST /circuit/config); null if they are the start-up ones. */
  optionsChangedAt: z.iso.datetime().nullable(),
  lastTransition: circuitTransitionSchema.nullable(),
  /** While OPEN: datetime the next probe may go through. */
  nextAttemptAt: z.iso.datetime().nullable(),
  /** The last 50 state changes, oldest first. */
  transitions: z.array(circuitTransitionSchema),
  /** The last 50 half-open probes, oldest first. */
  probes: z.array(halfOpenProbeSchema),
});
export type CircuitStatus = z.infer<typeof circuitStatusSchema>;

/**
 * GET /circuit/config and the answer to POST /circuit/config: the recommendations breaker's
 * options as set; each applies while its protection is on (`timeoutMs`: timeout, `capacity`:
 * bulkhead, the rest: breaker).
 */
export const circuitConfigSchema = z.strictObject({
  options: breakerOptionsSchema,
  /** What the gateway started with (POST /circuit/config/reset goes back to them). */
  startup: breakerOptionsSchema,
  changedAt: z.iso.datetime().nullable(),
});
export type CircuitConfig = z.infer<typeof circuitConfigSchema>;

/** The body of POST /circuit/config: one or more options, each within its start-up rule. */
export const circuitConfigChangeSchema = breakerOptionsSchema
  .partial()
  .refine((change) => Object.keys(change).length > 0, {
    error: `name at least one of ${Object.keys(breakerSettings).join(', ')}`,
  });
