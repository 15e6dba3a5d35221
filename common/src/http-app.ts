import express, { type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Registry } from 'prom-client';
import { errorHandler, notFoundHandler } from './error-handler.js';
import type { Logger } from './logger.js';
import type { ServiceConfig } from './settings.js';
import { parseProductId } from './errors.js';
import type { HealthBody, Product, ProductDetails } from './types.js';
import { metricsHandler } from './metrics/metrics-route.js';
import { requestMetrics, setAnswerKind } from './metrics/request-metrics.js';

/**
 * An Express app with the settings every service shares; add routes, then call finishApp.
 * Given a registry (the gateways), it times every request and serves GET /metrics.
 */
export function createBaseApp(_config: ServiceConfig, logger: Logger, metrics?: Registry): Express {
  const app = express();
  app.disable('x-powered-by');
  // Every body carries a timestamp or live state, so ETags only cost a hash per response.
  app.disable('etag');
  // Per-request logs would flood the terminal under load; they exist at debug level only.
  if (logger.isLevelEnabled('debug')) app.use(pinoHttp({ logger, useLevel: 'debug' }));
  if (metrics) {
    app.use(requestMetrics(metrics));
    app.get('/metrics', metricsHandler(metrics));
  }
  return app;
}

/** Unknown routes and every thrown error end in the one JSON error shape. */
export function finishApp(app: Express, logger: Logger): Express {
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}

/** GET /health: the process is up (it stays ok in every failure mode; only endpoints sicken). */
export function healthHandler(service: string): RequestHandler {
  const body: HealthBody = { status: 'ok', service };
  return (_req, res) => {
    res.json(body);
  };
}

/**
 * GET /product-details/:id all or nothing, one call after the other, as gateway-v1 serves it:
 * if recommendations fail, the user gets nothing (the error handler answers the failure).
 */
export function allOrNothingDetails(
  product: (id: number) => Promise<Product>,
  recommendations: (id: number) => Promise<Product[]>,
): RequestHandler {
  return async (req, res) => {
    setAnswerKind(res, 'failed');
    const id = parseProductId(req.params.id as string);
    const found = await product(id);
    const body: ProductDetails = {
      product: found,
      recommendations: await recommendations(id),
      degradedMode: false,
      timestamp: new Date().toISOString(),
    };
    setAnswerKind(res, 'full');
    res.json(body);
  };
}

/**
 * A JSON body parser for one route: a body over `limit` or not JSON reaches errorHandler as a
 * 413 or a 400. Exported so packages that do not depend on Express themselves can parse bodies.
 */
export function jsonBody(limit = '1kb'): RequestHandler {
  return express.json({ limit, strict: true });
}
