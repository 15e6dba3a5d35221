import express, { type Express, type Request, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Registry } from 'prom-client';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { CommonErrors, parseProductId } from './errors.js';
import type { Logger } from './logger.js';
import type { HealthBody, Product, ProductDetails } from './types.js';
import { metricsHandler } from './metrics/metrics-route.js';
import { requestMetrics, setAnswerKind } from './metrics/request-metrics.js';

/**
 * An Express app with the settings every service shares; add routes, then call finishApp.
 * Given a registry (the gateways), it times every request and serves GET /metrics.
 */
export function createBaseApp(logger: Logger, metrics?: Registry): Express {
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
  app.use(optionsHandler(app));
  return app;
}

/** What the router's stack holds, as far as telling a path's methods goes. */
interface StackLayer {
  route?: { methods: Record<string, boolean | undefined> };
  handle?: { stack?: StackLayer[] };
  match(path: string): { path: string } | false;
}

/** The methods routes in `stack` (and in routers mounted in it) answer at `path`. */
function methodsAt(stack: readonly StackLayer[], path: string, into: Set<string>): void {
  for (const layer of stack) {
    let match: { path: string } | false;
    try {
      match = layer.match(path);
    } catch {
      continue; // a path that cannot be decoded matches nothing
    }
    if (!match) continue;
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') into.add(method.toUpperCase());
      }
      if (layer.route.methods.get) into.add('HEAD');
    } else if (layer.handle?.stack) {
      methodsAt(layer.handle.stack, path.slice(match.path.length) || '/', into);
    }
  }
}

/**
 * One answer to OPTIONS everywhere: 204 with the path's methods in Allow, or the usual 404.
 * Express would answer 200 text/plain inside a router and 404 on the app's own routes. No CORS
 * headers: no page on another origin is meant to call these services, so preflights fail.
 */
function optionsHandler(app: Express): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    const methods = new Set<string>();
    methodsAt((app.router as unknown as { stack: StackLayer[] }).stack, req.path, methods);
    if (methods.size === 0) {
      next(CommonErrors.routeNotFound(req.method, req.path));
      return;
    }
    methods.add('OPTIONS');
    res
      .set('Allow', [...methods].sort().join(', '))
      .status(204)
      .end();
  };
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

/** Whether the request says its body is JSON (a charset may follow; it is checked when read). */
export function isJsonRequest(req: Request): boolean {
  const type = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json';
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
 * A JSON body parser for one route. Anything but `content-type: application/json` is a 415,
 * also with no body at all (the type, not the body, says what the client means to send); a
 * body over `limit` is a 413 and one that is not JSON a 400. With the type and no body, the
 * route gets `{}` (as body-parser gives for an empty one), and its schema says what is missing.
 * Exported so packages that do not depend on Express themselves can parse bodies.
 */
export function jsonBody(limit = '1kb'): RequestHandler {
  const parse = express.json({ limit, strict: true });
  return (req, res, next) => {
    if (!isJsonRequest(req)) {
      next(CommonErrors.unsupportedMediaType());
      return;
    }
    parse(req, res, (err?: unknown) => {
      if (err === undefined && req.body === undefined) req.body = {};
      next(err);
    });
  };
}
