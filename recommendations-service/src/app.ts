import { createBaseApp, finishApp, type HealthBody, type Logger } from '@cbd/common';
import type { Express } from 'express';
import { adminRoutes } from './admin-routes.js';
import type { RecommendationsConfig } from './config.js';
import { FailureController } from './failure-controller.js';
import { recommendationsRoutes } from './recommendations-routes.js';

export interface RecommendationsDeps {
  logger: Logger;
  /** Decides which requests `partial` fails; tests pass a scripted one. */
  random?: () => number;
}

export function createApp(
  config: RecommendationsConfig,
  { logger, random = Math.random }: RecommendationsDeps,
): Express {
  const app = createBaseApp(logger);
  const failure = new FailureController(config.failure);
  const health: HealthBody = { status: 'ok', service: 'recommendations-service' };

  // Healthy in every failure mode: the process is up, only the endpoint is sick.
  app.get('/health', (_req, res) => {
    res.json(health);
  });
  app.use(recommendationsRoutes(failure, random));
  app.use(adminRoutes(failure, logger));

  return finishApp(app, logger);
}
