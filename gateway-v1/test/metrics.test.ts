import { scrapeMetrics, sumSamples, timedGet, type GatewayHarness } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { startV1 } from './helpers.js';

let v1: GatewayHarness;
afterEach(() => v1.close());

const REQUESTS = 'gateway_http_request_duration_seconds_count';
const UPSTREAM = 'gateway_upstream_request_duration_seconds_count';
const get = (path: string) => timedGet(`${v1.gateway.url}${path}`);
const scrape = () => scrapeMetrics(v1.gateway.url);

describe('gateway-v1 metrics', () => {
  it('when /metrics is scraped, then it is valid Prometheus text labelled gateway="v1"', async () => {
    v1 = await startV1();

    const metrics = await scrape();

    expect(metrics.get('gateway_upstream_pool_capacity')?.samples).toEqual([
      { name: 'gateway_upstream_pool_capacity', labels: { gateway: 'v1' }, value: 50 },
    ]);
    expect(metrics.has('process_resident_memory_bytes')).toBe(true);
  });

  it('when product details come back whole, then the request counts as full and both upstream calls as ok', async () => {
    v1 = await startV1();

    await get('/product-details/3');
    const metrics = await scrape();

    const route = '/product-details/:id';
    expect(sumSamples(metrics, REQUESTS, { route, status_code: '200', outcome: 'full' })).toBe(1);
    expect(sumSamples(metrics, UPSTREAM, { upstream: 'product-service', result: 'ok' })).toBe(1);
    expect(
      sumSamples(metrics, UPSTREAM, { upstream: 'recommendations-service', result: 'ok' }),
    ).toBe(1);
  });

  it('when recommendations hang, then the request counts as failed with 504 and the call as a timeout', async () => {
    v1 = await startV1({ upstreamTimeoutMs: 100 });
    v1.recommendations.script(() => ({ hang: true }));

    await get('/product-details/1');
    const metrics = await scrape();

    expect(
      sumSamples(metrics, REQUESTS, {
        route: '/product-details/:id',
        status_code: '504',
        outcome: 'failed',
      }),
    ).toBe(1);
    const timeouts = { upstream: 'recommendations-service', result: 'timeout' };
    expect(sumSamples(metrics, UPSTREAM, timeouts)).toBe(1);
    expect(
      sumSamples(metrics, 'gateway_upstream_request_duration_seconds_bucket', {
        ...timeouts,
        le: '0.05',
      }),
    ).toBe(0);
  });

  it('when hung calls hold the whole pool, then the pool gauges show them in flight and the rest waiting', async () => {
    v1 = await startV1({ poolSize: 2, upstreamTimeoutMs: 2000 });
    v1.recommendations.script(() => ({ hang: true }));
    const pending = [1, 2, 3].map((id) => get(`/product-details/${id}`));
    await expect.poll(() => v1.recommendations.pending).toBe(2);

    const metrics = await scrape();

    expect(sumSamples(metrics, 'gateway_upstream_pool_calls_in_flight')).toBe(2);
    expect(sumSamples(metrics, 'gateway_upstream_pool_calls_waiting')).toBe(1);
    await v1.recommendations.close();
    await Promise.all(pending);
  });

  it('when calls are retried, then every attempt is an upstream call in the metrics', async () => {
    v1 = await startV1({ retries: 2 });
    v1.recommendations.script(() => ({ status: 500, body: {} }));

    await get('/product-details/1');
    const metrics = await scrape();

    expect(
      sumSamples(metrics, UPSTREAM, {
        upstream: 'recommendations-service',
        result: 'server_error',
      }),
    ).toBe(3);
  });
});
