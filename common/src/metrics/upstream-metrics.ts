import { Histogram, type Registry } from 'prom-client';
import type { UpstreamError } from '../upstream.js';
import { LATENCY_BUCKETS } from './registry.js';

/**
 * How one upstream call ended: `client_error` is a 4xx (e.g. an unknown product, or the
 * recommendations service's 408 after a hang), `server_error` a 5xx, `unavailable` no
 * connection, `bad_body` an answer the gateway could not use.
 */
export type UpstreamResult =
  'ok' | 'timeout' | 'unavailable' | 'client_error' | 'server_error' | 'bad_body';

/** Called once per upstream call that was really made (a breaker's rejection makes none). */
export type UpstreamObserver = (upstream: string, result: UpstreamResult, seconds: number) => void;

export function upstreamResultOf(err: UpstreamError): UpstreamResult {
  switch (err.failure) {
    case 'timeout':
      return 'timeout';
    case 'unavailable':
      return 'unavailable';
    case 'body':
      return 'bad_body';
    case 'status':
      return (err.status ?? 500) < 500 ? 'client_error' : 'server_error';
  }
}

/** Times upstream calls into `gateway_upstream_request_duration_seconds`. */
export function upstreamMetrics(registry: Registry): UpstreamObserver {
  const histogram = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Time one upstream call took, by upstream service and result',
    labelNames: ['upstream', 'result'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return (upstream, result, seconds) => histogram.observe({ upstream, result }, seconds);
}
