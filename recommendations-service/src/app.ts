import { createBaseApp, finishApp, healthHandler, type Logger } from '@cbd/common';
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
  const app = createBaseApp(config, logger);
  const failure = new FailureController(config.failure);

  app.get('/health', healthHandler('recommendations-service'));
  app.use(recommendationsRoutes(failure, random));
  app.use(adminRoutes(failure, logger, config));

  return finishApp(app, logger);
}
