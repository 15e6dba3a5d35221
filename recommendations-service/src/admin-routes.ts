import { describeIssues, jsonBody, type Logger } from '@cbd/common';
import { Router } from 'express';
import { failureChangeSchema } from './contract.js';
import { RecommendationsErrors } from './errors.js';
import type { FailureController } from './failure-controller.js';

export function adminRoutes(failure: FailureController, logger: Logger): Router {
  const router = Router();

  router.get('/admin/failure', (_req, res) => {
    res.json(failure.state());
  });

  // strictObject: a misspelt field ("latency") is an error, not a silently ignored no-op.
  router.post('/admin/failure', jsonBody(), (req, res) => {
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
