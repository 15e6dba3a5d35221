import { adminGuard, describeIssues, jsonBody, type AdminSettings, type Logger } from '@cbd/common';
import { Router } from 'express';
import type { CallCounter } from './callers.js';
import type { Capacity } from './capacity.js';
import { FAILURE_PATH, failureChangeSchema, type FailureState } from './contract.js';
import { RecommendationsErrors } from './errors.js';
import type { FailureController } from './failure-controller.js';

/** Reading the state is open; changing it passes the admin guard (own Host and Origin, JSON, token). */
export function adminRoutes(
  failure: FailureController,
  capacity: Capacity,
  callers: CallCounter,
  logger: Logger,
  admin: AdminSettings,
): Router {
  const router = Router();
  const state = (): FailureState => ({
    ...failure.state(),
    capacity: capacity.state(),
    callers: callers.snapshot(),
  });

  router.get(FAILURE_PATH, (_req, res) => {
    res.json(state());
  });

  // strictObject: a misspelt field ("latency") is an error, not a silently ignored no-op.
  router.post(FAILURE_PATH, adminGuard(admin), jsonBody(), (req, res) => {
    const parsed = failureChangeSchema.safeParse(req.body);
    if (!parsed.success)
      throw RecommendationsErrors.invalidFailureSettings(describeIssues(parsed.error));
    const { capacity: limit, workMs, ...mode } = parsed.data;
    const before = failure.settings.mode;
    failure.update(mode);
    capacity.configure({
      ...(limit === undefined ? {} : { limit }),
      ...(workMs === undefined ? {} : { workMs }),
    });
    const after = state();
    logger.info(
      { from: before, to: after.mode, settings: parsed.data },
      `failure mode: ${after.mode}`,
    );
    res.json(after);
  });

  return router;
}
