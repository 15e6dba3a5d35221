// What recommendations-service says about its sickness (GET /admin/failure), for the tools that
// switch and read it: the load runner, the live page and the tour.
import { z } from 'zod';

import { FAILURE_MODES } from './failure-controller.js';

export { settings } from './config.js';
export { FAILURE_MODES, type FailureMode } from './failure-controller.js';

export const failureModeSchema = z.enum(FAILURE_MODES);

const ms = z.int().min(0).max(600_000);

/** The body of POST /admin/failure; fields left out keep their values. */
export const failureChangeSchema = z.strictObject({
  mode: failureModeSchema,
  hangMs: ms.optional(),
  latencyMs: ms.optional(),
  errorRate: z.number().min(0).max(1).optional(),
});
export type FailureChange = z.infer<typeof failureChangeSchema>;

/** GET /admin/failure, and the answer to POST /admin/failure. */
export const failureStateSchema = z.strictObject({
  mode: failureModeSchema,
  hangMs: ms,
  latencyMs: ms,
  errorRate: z.number().min(0).max(1),
  /** Requests being held right now by the `hang` mode. */
  hanging: z.int().min(0),
  /** Datetime of the last change. */
  changedAt: z.iso.datetime(),
});
export type FailureState = z.infer<typeof failureStateSchema>;
