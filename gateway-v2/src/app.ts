import {
  createBaseApp,
  finishApp,
  healthHandler,
  parseProductId,
  setOutcome,
  type Logger,
  type ProductDetails,
} from '@cbd/common';
import type { Express } from 'express';
import type { Registry } from 'prom-client';
import type { GatewayV2Config } from './config.js';
import { GatewayV2Errors } from './errors.js';
import type { V2Upstreams } from './upstreams.js';

export interface GatewayV2Deps {
  logger: Logger;
  upstreams: V2Upstreams;
  /** This gateway's own registry, served at GET /metrics (left out: no metrics). */
  metrics?: Registry;
}

export function createApp(
  _config: GatewayV2Config,
  { logger, upstreams, metrics }: GatewayV2Deps,
): Express {
  const app = createBaseApp(logger, metrics);
  const { breakers } = upstreams;

  app.get('/health', healthHandler('gateway-v2'));

  app.get('/products/:id', async (req, res) => {
    res.json(await upstreams.product(parseProductId(req.params.id)));
  });

  app.get('/product-details/:id', async (req, res) => {
    // Counted as full, degraded or failed (not ok/error) in the request metrics.
    setOutcome(res, 'failed');
    const id = parseProductId(req.params.id);
    // Both calls at once. Recommendations never reject, so if the product call fails first
    // and this handler returns early, nothing is left unhandled.
    const pending = upstreams.recommendations(id);
    const product = await upstreams.product(id);
    const { recommendations, degradedReason } = await pending;
    const body: ProductDetails = {
      product,
      recommendations,
      degradedMode: degradedReason !== undefined,
      ...(degradedReason ? { degradedReason } : {}),
      timestamp: new Date().toISOString(),
    };
    setOutcome(res, degradedReason === undefined ? 'full' : 'degraded');
    res.json(body);
  });

  app.get('/circuit-status', (_req, res) => {
    res.json(breakers['recommendations-service'].status());
  });

  app.get('/circuit-status/:name', (req, res) => {
    const monitor = Object.entries(breakers).find(([name]) => name === req.params.name)?.[1];
    if (!monitor) throw GatewayV2Errors.breakerNotFound(req.params.name);
    res.json(monitor.status());
  });

  app.post('/circuit/reset', (_req, res) => {
    upstreams.reset();
    res.json(breakers['recommendations-service'].status());
  });

  return finishApp(app, logger);
}
