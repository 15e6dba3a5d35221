import { adminGuard, describeIssues, jsonBody, type AdminSettings, type Logger } from '@cbd/common';
import { Router } from 'express';
import { failureChangeSchema } from './contract.js';
import { RecommendationsErrors } from './errors.js';
import type { FailureController } from './failure-controller.js';

/** Reading the mode is open; changing it passes the admin guard (own Host and Origin, JSON, token). */
export function adminRoutes(
  failure: FailureController,
  logger: Logger,
  admin: AdminSettings,
): Router {
  const router = Router();

  router.get('/admin/failure', (_req, res) => {
    res.json(failure.state());
  });

  // strictObject: a misspelt field ("latency") is an error, not a silently ignored no-op.
  router.post('/admin/failure', adminGuard(admin), jsonBody(), (req, res) => {
    const parsed = failureChangeSchema.safeParse(req.body);
    if (!parsed.success)
      throw RecommendationsErrors.invalidFailureSettings(describeIssues(parsed.error));
    const before = failure.settings.mode;
    const state = failure.update(parsed.data);
    logger.info(
      { from: before, to: state.mode, settings: parsed.data },
      `failure mode: ${state.mode}`,
    );
    res.json(state);
  });

  return router;
}
