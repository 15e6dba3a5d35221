// What recommendations-service says about its sickness, its capacity and its callers
// (GET /admin/failure), for the tools that switch and read it: the load runner, the live page
// and the tour.
import { z } from 'zod';
import type { CapacityState } from './capacity.js';
import { settings } from './config.js';
import { FAILURE_MODES } from './failure-controller.js';

export { settings } from './config.js';
export { FAILURE_MODES, type FailureMode } from './failure-controller.js';

/** Where its failure mode is read (GET) and switched (POST). */
export const FAILURE_PATH = '/admin/failure';

export const failureModeSchema = z.enum(FAILURE_MODES);

const count = z.int().min(0);

/**
 * The body of POST /admin/failure; fields left out keep their values. `capacity` and `workMs`
 * change CAPACITY and WORK_MS (GET shows them as `capacity.limit` and `capacity.workMs`).
 */
export const failureChangeSchema = z.strictObject({
  mode: failureModeSchema,
  hangMs: settings.hangMs.schema.optional(),
  latencyMs: settings.latencyMs.schema.optional(),
  errorRate: settings.errorRate.schema.optional(),
  capacity: settings.capacity.schema.optional(),
  workMs: settings.workMs.schema.optional(),
});
export type FailureChange = z.infer<typeof failureChangeSchema>;

/** The service's workers now. */
export const capacityStateSchema = z.strictObject({
  /** Calls served at once; 0: no limit. */
  limit: settings.capacity.schema,
  /** How long a healthy or partial call holds its place. */
  workMs: settings.workMs.schema,
  /** Calls holding a place now, those whose caller has gone included. */
  busy: count,
  /** Calls waiting in line for a place. */
  queued: count,
}) satisfies z.ZodType<CapacityState>;
export type { CapacityState };

/**
 * Recommendations calls received, by the caller named in the `x-caller` header (`unknown`
 * without one; `other` for a name that is not plain, or past the 20 kept).
 */
export const callerCountsSchema = z.record(
  z.string(),
  z.strictObject({
    /** Since the service started; per-second figures are differences of successive reads. */
    total: count,
    /** Received and not yet finished: in line, or holding a place. */
    inFlight: count,
  }),
);
export type CallerCounts = z.infer<typeof callerCountsSchema>;

/** GET /admin/failure, and the answer to POST /admin/failure. */
export const failureStateSchema = z.strictObject({
  mode: failureModeSchema,
  hangMs: settings.hangMs.schema,
  latencyMs: settings.latencyMs.schema,
  errorRate: settings.errorRate.schema,
  /** Requests held by the `hang` mode right now, with their caller still waiting. */
  hanging: count,
  /** Datetime of the last change. */
  changedAt: z.iso.datetime(),
  capacity: capacityStateSchema,
  callers: callerCountsSchema,
});
export type FailureState = z.infer<typeof failureStateSchema>;
