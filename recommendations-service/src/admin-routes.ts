import { FAILURE_MODES, type Logger } from '@cbd/common';
import express, { Router } from 'express';
import { z } from 'zod';
import { RecommendationsErrors } from './errors.js';
import type { FailureController } from './failure-controller.js';

const MAX_MS = 600_000;

// strictObject: a misspelt field ("latency") is an error, not a silently ignored no-op.
const failureChange = z.strictObject({
  mode: z.enum(FAILURE_MODES),
  hangMs: z.int().min(0).max(MAX_MS).optional(),
  latencyMs: z.int().min(0).max(MAX_MS).optional(),
  errorRate: z.number().min(0).max(1).optional(),
});

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

export function adminRoutes(failure: FailureController, logger: Logger): Router {
  const router = Router();

  router.get('/admin/failure', (_req, res) => {
    res.json(failure.state());
  });

  router.post('/admin/failure', express.json({ limit: '1kb', strict: true }), (req, res) => {
    const parsed = failureChange.safeParse(req.body);
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
