import {
  createBaseApp,
  finishApp,
  parseProductId,
  type HealthBody,
  type Logger,
  type ProductDetails,
} from '@cbd/common';
import type { Express } from 'express';
import type { GatewayV1Config } from './config.js';
import type { V1Upstreams } from './upstreams.js';

export interface GatewayV1Deps {
  logger: Logger;
  upstreams: V1Upstreams;
}

export function createApp(_config: GatewayV1Config, { logger, upstreams }: GatewayV1Deps): Express {
  const app = createBaseApp(logger);
  const health: HealthBody = { status: 'ok', service: 'gateway-v1' };

  app.get('/health', (_req, res) => {
    res.json(health);
  });

  app.get('/products/:id', async (req, res) => {
    res.json(await upstreams.product(parseProductId(req.params.id)));
  });

  // All or nothing, one call after the other: if recommendations fail, the user gets nothing.
  app.get('/product-details/:id', async (req, res) => {
    const id = parseProductId(req.params.id);
    const product = await upstreams.product(id);
    const recommendations = await upstreams.recommendations(id);
    const body: ProductDetails = {
      product,
      recommendations,
      degradedMode: false,
      timestamp: new Date().toISOString(),
    };
    res.json(body);
  });

  return finishApp(app, logger);
}
