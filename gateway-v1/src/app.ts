import {
  allOrNothingDetails,
  createBaseApp,
  finishApp,
  healthHandler,
  parseProductId,
  POOL_STATUS_PATH,
  poolStatusHandler,
  type Logger,
} from '@cbd/common';
import type { Express } from 'express';
import type { Registry } from 'prom-client';
import type { GatewayV1Config } from './config.js';
import type { V1Upstreams } from './upstreams.js';

export interface GatewayV1Deps {
  logger: Logger;
  upstreams: V1Upstreams;
  /** This gateway's own registry, served at GET /metrics (left out: no metrics). */
  metrics?: Registry;
}

export function createApp(
  config: GatewayV1Config,
  { logger, upstreams, metrics }: GatewayV1Deps,
): Express {
  const app = createBaseApp(logger, metrics);

  app.get('/health', healthHandler('gateway-v1'));

  app.get('/products/:id', async (req, res) => {
    res.json(await upstreams.product(parseProductId(req.params.id)));
  });

  // All or nothing, one call after the other: if recommendations fail, the user gets nothing.
  app.get(
    '/product-details/:id',
    allOrNothingDetails(
      (id) => upstreams.product(id),
      (id) => upstreams.recommendations(id),
    ),
  );

  // What the class watches fill up during an outage: the shared pool and its queue.
  app.get(
    POOL_STATUS_PATH,
    poolStatusHandler(
      () => upstreams.pool(),
      () => ({
        upstreamTimeoutMs: config.upstreamTimeoutMs,
        retries: config.retries,
      }),
    ),
  );

  return finishApp(app, logger);
}
