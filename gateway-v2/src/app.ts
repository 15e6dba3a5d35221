import {
  adminGuard,
  allOrNothingDetails,
  createBaseApp,
  finishApp,
  healthHandler,
  jsonBody,
  parseProductId,
  POOL_STATUS_PATH,
  poolStatusHandler,
  setAnswerKind,
  type Logger,
  type ProductDetails,
} from '@cbd/common';
import type { Express } from 'express';
import type { Registry } from 'prom-client';
import type { GatewayV2Config } from './config.js';
import { CIRCUIT_PATHS, circuitConfigChangeSchema } from './contract.js';
import { GatewayV2Errors } from './errors.js';
import { BREAKER_NAMES, type BreakerName, type V2Upstreams } from './upstreams.js';

export interface GatewayV2Deps {
  logger: Logger;
  upstreams: V2Upstreams;
  /** This gateway's own registry, served at GET /metrics (left out: no metrics). */
  metrics?: Registry;
}

const isBreakerName = (name: string): name is BreakerName =>
  (BREAKER_NAMES as readonly string[]).includes(name);

export function createApp(
  config: GatewayV2Config,
  { logger, upstreams, metrics }: GatewayV2Deps,
): Express {
  const app = createBaseApp(logger, metrics);
  // Reading the circuit is open; changing it passes the guard (own Host and Origin, JSON, token).
  const admin = adminGuard(config);

  app.get('/health', healthHandler('gateway-v2'));

  app.get('/products/:id', async (req, res) => {
    res.json(await upstreams.product(parseProductId(req.params.id)));
  });

  // With the fallback, both calls at once: recommendations never reject, so if the product
  // call fails first and this handler returns early, nothing is left unhandled. Without it the
  // page is all or nothing, as on gateway-v1: recommendations are asked once the product is
  // there, so an unknown product never reaches them and a request holds one place at a time.
  app.get(
    '/product-details/:id',
    config.protections.includes('fallback')
      ? async (req, res) => {
          setAnswerKind(res, 'failed');
          const id = parseProductId(req.params.id);
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
          setAnswerKind(res, degradedReason === undefined ? 'full' : 'degraded');
          res.json(body);
        }
      : allOrNothingDetails(
          (id) => upstreams.product(id),
          async (id) => (await upstreams.recommendations(id)).recommendations,
        ),
  );

  // Only while the bulkhead is off: then both upstreams share one pool, as gateway-v1's do.
  const { pool } = upstreams;
  if (pool) {
    app.get(
      POOL_STATUS_PATH,
      poolStatusHandler(pool, () => ({
        upstreamTimeoutMs: upstreams.status('recommendations-service').options.timeoutMs,
        retries: 0,
      })),
    );
  }

  app.get(CIRCUIT_PATHS.status, (_req, res) => {
    res.json(upstreams.status('recommendations-service'));
  });

  app.get(`${CIRCUIT_PATHS.status}/:name`, (req, res) => {
    const { name } = req.params;
    if (!isBreakerName(name)) throw GatewayV2Errors.breakerNotFound(name);
    res.json(upstreams.status(name));
  });

  app.post(CIRCUIT_PATHS.reset, admin, (_req, res) => {
    upstreams.reset();
    res.json(upstreams.status('recommendations-service'));
  });

  app.get(CIRCUIT_PATHS.config, (_req, res) => {
    res.json(upstreams.config());
  });

  app.post(CIRCUIT_PATHS.config, admin, jsonBody(), (req, res) => {
    const change = circuitConfigChangeSchema.safeParse(req.body);
    if (!change.success) throw GatewayV2Errors.invalidCircuitConfig(change.error);
    res.json(upstreams.configure(change.data));
  });

  app.post(CIRCUIT_PATHS.configReset, admin, (_req, res) => {
    res.json(upstreams.restoreConfig());
  });

  return finishApp(app, logger);
}
