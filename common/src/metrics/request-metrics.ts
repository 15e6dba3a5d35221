import type { RequestHandler, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';
import type { AnswerKind } from '../types.js';
import { LATENCY_BUCKETS } from './registry.js';

// A product-details answer is labelled with its AnswerKind; every other route `ok` or `error`.
const OUTCOME = 'metricsOutcome';
const STARTED = 'metricsStartedAt';
/** nginx's code for "client closed request": the client left before the answer was sent. */
const CLIENT_CLOSED = 499;
/** 404s for unknown paths: the raw URL would give every scanner's path its own series. */
const UNMATCHED = 'unmatched';

/** Tells the request metrics what this answer gave the user, in the terms of the demo's report. */
export function setAnswerKind(res: Response, kind: AnswerKind): void {
  res.locals[OUTCOME] = kind;
}

function outcomeOf(res: Response, status: number): string {
  const declared = res.locals[OUTCOME] as AnswerKind | undefined;
  if (declared === undefined) return status >= 400 ? 'error' : 'ok';
  return status >= 400 ? 'failed' : declared;
}

/**
 * Times every request into `gateway_http_request_duration_seconds`. Labels are read once the
 * response is over: only then is `req.route` (the pattern, e.g. /products/:id) known.
 */
export function requestMetrics(registry: Registry): RequestHandler {
  const histogram = new Histogram({
    name: 'gateway_http_request_duration_seconds',
    help: 'Time from request to the end of the response, by route pattern, status and outcome',
    labelNames: ['method', 'route', 'status_code', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  // One function for every response, with `this` as the response: no closure per request.
  // 'close' rather than 'finish': a client that gives up (v1 under a hang) is counted too.
  function record(this: Response): void {
    const status = this.writableFinished ? this.statusCode : CLIENT_CLOSED;
    const route = (this.req.route as { path?: string } | undefined)?.path ?? UNMATCHED;
    const seconds = (performance.now() - (this.locals[STARTED] as number)) / 1000;
    histogram.observe(
      { method: this.req.method, route, status_code: status, outcome: outcomeOf(this, status) },
      seconds,
    );
  }

  return (_req, res, next) => {
    res.locals[STARTED] = performance.now();
    res.on('close', record);
    next();
  };
}
