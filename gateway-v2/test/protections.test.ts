import { scrapeMetrics, sumSamples, type GatewayHarness } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { circuitStatusSchema, poolStatusSchema, type Protection } from '../src/contract.js';
import { getter, startV2 } from './helpers.js';

let v2: GatewayHarness;
const get = getter(() => v2);
afterEach(() => v2.close());

const ALL: Protection[] = ['timeout', 'fallback', 'breaker', 'bulkhead'];
const without = (...off: Protection[]) => ALL.filter((p) => !off.includes(p));
const DETAILS = '/product-details/:id';

describe('gateway-v2 with the timeout off', () => {
  it('when recommendations hang, then the call waits UNPROTECTED_TIMEOUT_MS, not the breaker timeout', async () => {
    v2 = await startV2({ protections: without('timeout') });
    v2.recommendations.script(() => ({ hang: true }));

    const { body, ms } = await get('/product-details/1');
    const status = (await get('/circuit-status')).body;

    expect(body).toMatchObject({ degradedMode: true, degradedReason: 'ETIMEDOUT' });
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(status.options.timeoutMs).toBe(300);
    expect(status.protections).toEqual(['fallback', 'breaker', 'bulkhead']);
  });

  it('when product-service hangs, then the product call waits the same long timeout', async () => {
    v2 = await startV2({ protections: without('timeout') });
    v2.product.script(() => ({ hang: true }));

    const { status, body, ms } = await get('/products/1');

    expect(status).toBe(504);
    expect(body.error.message).toBe('product-service did not answer within 300 ms');
    expect(ms).toBeGreaterThanOrEqual(290);
  });
});

describe('gateway-v2 with the fallback off', () => {
  it('when recommendations fail, then the whole request fails as on gateway-v1, counted as failed', async () => {
    v2 = await startV2({ protections: without('fallback') });
    v2.recommendations.script(() => ({ status: 503, body: {} }));

    const { status, body } = await get('/product-details/1');
    const failed = async () =>
      sumSamples(
        await scrapeMetrics(v2.gateway.url),
        'gateway_http_request_duration_seconds_count',
        { route: DETAILS, outcome: 'failed' },
      );

    expect(status).toBe(502);
    expect(body).toEqual({
      error: { code: 'UPSTREAM_ERROR', message: 'recommendations-service answered 503' },
    });
    // The request is counted when its response closes, which may come just after the answer.
    await expect.poll(failed).toBe(1);
    expect((await get('/circuit-status')).body.totals.fallbacks).toBe(0);
  });

  it('when recommendations hang, then 504 after the breaker timeout', async () => {
    v2 = await startV2({ protections: without('fallback') });
    v2.recommendations.script(() => ({ hang: true }));

    const { status, body } = await get('/product-details/1');

    expect(status).toBe(504);
    expect(body.error).toEqual({
      code: 'UPSTREAM_TIMEOUT',
      message: 'recommendations-service did not answer within 100 ms',
    });
  });

  it('when the circuit is open, then the request fails at once with 503', async () => {
    v2 = await startV2({ protections: without('fallback'), breaker: { resetTimeoutMs: 60_000 } });
    v2.recommendations.script(() => ({ status: 503, body: {} }));
    for (let i = 0; i < 3; i += 1) await get('/product-details/1');

    const { status, body, ms } = await get('/product-details/1');

    expect(status).toBe(503);
    expect(body.error.code).toBe('RECOMMENDATIONS_SERVICE_UNAVAILABLE');
    expect(ms).toBeLessThan(90);
  });

  it('when the product does not exist, then recommendations are never asked', async () => {
    v2 = await startV2({ protections: without('fallback') });

    const { status } = await get('/product-details/999');

    expect(status).toBe(404);
    expect(v2.recommendations.hits()).toBe(0);
  });

  it('when both answer, then the page is whole', async () => {
    v2 = await startV2({ protections: without('fallback') });

    const { status, body } = await get('/product-details/2');

    expect(status).toBe(200);
    expect(body).toMatchObject({ degradedMode: false });
    expect(body.recommendations.length).toBeGreaterThan(0);
  });
});

describe('gateway-v2 with the breaker off', () => {
  it('when recommendations keep failing, then every call still reaches them and falls back, and the circuit never opens', async () => {
    v2 = await startV2({ protections: without('breaker') });
    v2.recommendations.script(() => ({ status: 503, body: {} }));

    for (let i = 0; i < 6; i += 1) {
      expect((await get('/product-details/1')).body.degradedReason).toBe('UPSTREAM_ERROR');
    }
    const { body } = await get('/circuit-status');

    expect(v2.recommendations.hits()).toBe(6);
    expect(circuitStatusSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      state: 'CLOSED',
      protections: ['timeout', 'fallback', 'bulkhead'],
      transitions: [],
      totals: { fires: 6, successes: 0, failures: 6, fallbacks: 6, rejects: 0 },
    });
    expect(body.stats).toEqual(body.totals);
  });

  it('when calls time out or find an unknown product, then they are counted as the breaker would', async () => {
    v2 = await startV2({ protections: without('breaker') });
    v2.recommendations.script(() => ({ hang: true }));
    await get('/product-details/1');
    v2.recommendations.script(() => ({ status: 404, body: {} }));
    await get('/product-details/1');

    const { totals } = (await get('/circuit-status')).body;

    expect(totals).toMatchObject({ fires: 2, timeouts: 1, failures: 1, successes: 1 });
  });

  it('when product-service is down, then every product call still tries it', async () => {
    v2 = await startV2({ protections: without('breaker') });
    await v2.product.close();

    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await get('/products/1')).status);

    expect(statuses).toEqual([502, 502, 502, 502, 502]);
    expect((await get('/circuit-status/product-service')).body.state).toBe('CLOSED');
  });

  it('when the circuit is reset or its options change, then it answers as usual', async () => {
    v2 = await startV2({ protections: without('breaker') });

    const reset = await get('/circuit/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    const changed = await get('/circuit/config', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timeoutMs: 40 }),
    });

    expect(reset.body.state).toBe('CLOSED');
    expect(changed.body.options.timeoutMs).toBe(40);
    v2.recommendations.script(() => ({ hang: true }));
    expect((await get('/product-details/1')).ms).toBeLessThan(90);
  });
});

describe('gateway-v2 with the bulkhead off', () => {
  it('when more recommendations calls are in flight than the capacity, then none is turned away', async () => {
    v2 = await startV2({
      protections: without('bulkhead'),
      breaker: { capacity: 1, volumeThreshold: 100, timeoutMs: 200 },
    });
    v2.recommendations.script(() => ({ hang: true }));

    const answers = await Promise.all([1, 2, 3].map((id) => get(`/product-details/${id}`)));

    expect(answers.map((a) => a.body.degradedReason)).toEqual([
      'ETIMEDOUT',
      'ETIMEDOUT',
      'ETIMEDOUT',
    ]);
    expect(v2.recommendations.hits()).toBe(3);
    expect((await get('/circuit-status')).body.options.capacity).toBeNull();
  });

  it('when hung calls fill the shared pool, then /pool-status and its gauges show it, and /products/:id waits', async () => {
    v2 = await startV2({ protections: [], sharedPoolSize: 2 });
    v2.recommendations.script(() => ({ hang: true }));
    const hung = [get('/product-details/1'), get('/product-details/2')];
    await expect.poll(() => v2.recommendations.pending).toBe(2);
    const waiting = get('/products/3');
    await expect.poll(async () => (await get('/pool-status')).body.waiting).toBe(1);

    const pool = (await get('/pool-status')).body;
    const metrics = await scrapeMetrics(v2.gateway.url);
    const product = await waiting;

    expect(poolStatusSchema.safeParse(pool).success).toBe(true);
    expect(pool).toEqual({ size: 2, active: 2, waiting: 1, upstreamTimeoutMs: 300, retries: 0 });
    expect(sumSamples(metrics, 'gateway_upstream_pool_capacity', { gateway: 'v2' })).toBe(2);
    expect(product.status).toBe(200);
    expect(product.ms).toBeGreaterThanOrEqual(150);
    await Promise.all(hung);
  });

  it('when the bulkhead is on, then there is no shared pool to report', async () => {
    v2 = await startV2();

    expect((await get('/pool-status')).status).toBe(404);
  });
});
