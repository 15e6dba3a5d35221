import { Histogram, type Registry } from 'prom-client';
import type { UpstreamObserver } from '../upstream.js';
import { LATENCY_BUCKETS } from './registry.js';

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
