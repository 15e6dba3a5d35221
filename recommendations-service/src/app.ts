import { createBaseApp, finishApp, healthHandler, metricsHandler, type Logger } from '@cbd/common';
import type { Express } from 'express';
import type { Registry } from 'prom-client';
import { adminRoutes } from './admin-routes.js';
import { CallCounter } from './callers.js';
import { Capacity } from './capacity.js';
import type { RecommendationsConfig } from './config.js';
import { FailureController } from './failure-controller.js';
import { registerRecommendationsMetrics } from './metrics.js';
import { recommendationsRoutes } from './recommendations-routes.js';

export interface RecommendationsDeps {
  logger: Logger;
  /** Decides which requests `partial` fails; tests pass a scripted one. */
  random?: () => number;
  /** This service's own registry, served at GET /metrics (left out: no metrics). */
  metrics?: Registry;
}

export function createApp(
  config: RecommendationsConfig,
  { logger, random = Math.random, metrics }: RecommendationsDeps,
): Express {
  // No registry for createBaseApp: its request metrics are the gateways' (gateway_* series).
  const app = createBaseApp(logger);
  const failure = new FailureController(config.failure);
  const capacity = new Capacity(config.capacity);
  const callers = new CallCounter();
  if (metrics) {
    registerRecommendationsMetrics(metrics, callers, capacity);
    app.get('/metrics', metricsHandler(metrics));
  }

  app.get('/health', healthHandler('recommendations-service'));
  app.use(recommendationsRoutes({ failure, capacity, callers, random }));
  app.use(adminRoutes(failure, capacity, callers, logger, config));

  return finishApp(app, logger);
}
