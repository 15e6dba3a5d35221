import { CALLER_HEADER, findProduct, relatedProducts } from '@cbd/common';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bulkyRecommendations,
  longRecommendations,
  recommendationsReply,
  timedGet,
  type GatewayHarness,
} from '@cbd/common/tools';
import { poolStatusSchema } from '../src/contract.js';
import { startV1 } from './helpers.js';

let v1: GatewayHarness;
afterEach(() => v1.close());

const get = (path: string) => timedGet(`${v1.gateway.url}${path}`);

describe('gateway-v1', () => {
  it('when both services answer, then the product and its recommendations come back', async () => {
    v1 = await startV1();

    const { status, body } = await get('/product-details/3');

    expect(status).toBe(200);
    expect(body.product).toEqual(findProduct(3));
    expect(body.recommendations).toEqual(relatedProducts(3));
    expect(body.degradedMode).toBe(false);
    expect(Date.parse(body.timestamp)).not.toBeNaN();
  });

  it('when recommendations hang, then it waits its whole timeout and the user gets nothing', async () => {
    v1 = await startV1({ upstreamTimeoutMs: 150 });
    v1.recommendations.script(() => ({ hang: true }));

    const { status, body, ms } = await get('/product-details/1');

    expect(status).toBe(504);
    expect(body).toEqual({
      error: {
        code: 'UPSTREAM_TIMEOUT',
        message: 'recommendations-service did not answer within 150 ms',
      },
    });
    expect(ms).toBeGreaterThanOrEqual(140);
  });

  it('when recommendations fail, then the whole request fails with 502', async () => {
    v1 = await startV1();
    v1.recommendations.script(() => ({ status: 503, body: {} }));

    const { status, body } = await get('/product-details/1');

    expect(status).toBe(502);
    expect(body.error.code).toBe('UPSTREAM_ERROR');
    expect(body.product).toBeUndefined();
  });

  it('when the product does not exist, then 404 and recommendations are never asked', async () => {
    v1 = await startV1();

    const { status, body } = await get('/product-details/999');

    expect(status).toBe(404);
    expect(body.error.code).toBe('PRODUCT_NOT_FOUND');
    expect(v1.recommendations.hits()).toBe(0);
  });

  it('when the id is invalid, then 400 and no upstream is called', async () => {
    v1 = await startV1();

    const { status, body } = await get('/product-details/abc');

    expect(status).toBe(400);
    expect(body.error.code).toBe('INVALID_PRODUCT_ID');
    expect(v1.product.hits() + v1.recommendations.hits()).toBe(0);
  });

  it('when product-service is down, then 502 UPSTREAM_UNAVAILABLE', async () => {
    v1 = await startV1();
    await v1.product.close();

    const { status, body } = await get('/products/1');

    expect(status).toBe(502);
    expect(body.error).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'product-service is unreachable (ECONNREFUSED)',
    });
  });

  it('when the product alone is asked for, then recommendations are not called', async () => {
    v1 = await startV1();

    const { status, body } = await get('/products/5');

    expect(status).toBe(200);
    expect(body).toEqual(findProduct(5));
    expect(v1.recommendations.hits()).toBe(0);
  });

  it('when hung recommendation calls hold the whole pool, then /products/:id waits behind them', async () => {
    v1 = await startV1({ poolSize: 2, upstreamTimeoutMs: 300 });
    v1.recommendations.script(() => ({ hang: true }));
    const hung = [get('/product-details/1'), get('/product-details/2')];
    await expect.poll(() => v1.recommendations.pending).toBe(2);

    const { status, ms } = await get('/products/3');

    expect(status).toBe(200);
    // It could only start once a hung call timed out and gave its place back.
    expect(ms).toBeGreaterThanOrEqual(200);
    expect((await Promise.all(hung)).map((r) => r.status)).toEqual([504, 504]);
  });

  it('when hung calls fill the pool, then /pool-status shows it full and the rest waiting', async () => {
    v1 = await startV1({ poolSize: 2, upstreamTimeoutMs: 2000 });
    v1.recommendations.script(() => ({ hang: true }));
    const hung = [1, 2, 3].map((id) => get(`/product-details/${id}`));
    await expect.poll(async () => (await get('/pool-status')).body.waiting).toBe(1);

    const { status, body } = await get('/pool-status');

    expect(status).toBe(200);
    expect(body).toEqual({ size: 2, active: 2, waiting: 1, upstreamTimeoutMs: 2000, retries: 0 });
    expect(poolStatusSchema.safeParse(body).success).toBe(true);
    await v1.close();
    await Promise.allSettled(hung);
  });

  it('when the pool is free, then /products/:id answers at once', async () => {
    v1 = await startV1({ poolSize: 2, upstreamTimeoutMs: 300 });

    const { status, ms } = await get('/products/3');

    expect(status).toBe(200);
    expect(ms).toBeLessThan(200);
  });

  it('when recommendations send more than UPSTREAM_MAX_BODY_BYTES, then 502 UPSTREAM_BAD_RESPONSE and the download is cut off', async () => {
    v1 = await startV1({ upstreamMaxBodyBytes: 64 * 1024, upstreamTimeoutMs: 5000 });
    v1.recommendations.script(() => bulkyRecommendations(1, 50 * 1024 * 1024));

    const { status, body } = await get('/product-details/1');

    expect(status).toBe(502);
    expect(body.error).toEqual({
      code: 'UPSTREAM_BAD_RESPONSE',
      message: 'recommendations-service sent more than 65536 bytes',
    });
    await expect.poll(() => v1.recommendations.abandoned).toBe(1);
  });

  it('when recommendations list more than MAX_RECOMMENDATIONS products, then 502 UPSTREAM_BAD_RESPONSE', async () => {
    v1 = await startV1({ maxRecommendations: 10 });
    v1.recommendations.script(() => longRecommendations(1, 11));

    const { status, body } = await get('/product-details/1');

    expect(status).toBe(502);
    expect(body.error.code).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('when recommendations list exactly MAX_RECOMMENDATIONS products, then they are passed on', async () => {
    v1 = await startV1({ maxRecommendations: 10 });
    v1.recommendations.script(() => longRecommendations(1, 10));

    const { status, body } = await get('/product-details/1');

    expect(status).toBe(200);
    expect(body.recommendations).toHaveLength(10);
  });

  it('when product-service answers an HTML page with 200, then 502 UPSTREAM_BAD_RESPONSE', async () => {
    v1 = await startV1();
    v1.product.script(() => ({ contentType: 'text/html', text: '<html>maintenance</html>' }));

    const { status, body } = await get('/products/1');

    expect(status).toBe(502);
    expect(body.error).toEqual({
      code: 'UPSTREAM_BAD_RESPONSE',
      message: 'product-service sent an unexpected body',
    });
  });

  it('when it calls an upstream, then it names itself in the caller header', async () => {
    const callers: unknown[] = [];
    v1 = await startV1();
    v1.recommendations.script((req) => {
      callers.push(req.headers[CALLER_HEADER]);
      return recommendationsReply(req);
    });

    await get('/product-details/2');

    expect(callers).toEqual(['gateway-v1']);
  });
});

describe('gateway-v1 with V1_RETRIES', () => {
  it('when recommendations keep failing, then each call is tried 1 + V1_RETRIES times and the request fails', async () => {
    v1 = await startV1({ retries: 2 });
    v1.recommendations.script(() => ({ status: 503, body: {} }));

    const { status, body } = await get('/product-details/1');

    expect(status).toBe(502);
    expect(body.error.code).toBe('UPSTREAM_ERROR');
    expect(v1.recommendations.hits()).toBe(3);
    expect((await get('/pool-status')).body.retries).toBe(2);
  });

  it('when a retry succeeds, then the user gets the whole page', async () => {
    v1 = await startV1({ retries: 2 });
    let calls = 0;
    v1.recommendations.script((req) => {
      calls += 1;
      return calls === 1 ? { status: 429, body: {} } : recommendationsReply(req);
    });

    const { status, body } = await get('/product-details/3');

    expect(status).toBe(200);
    expect(body.recommendations).toEqual(relatedProducts(3));
    expect(v1.recommendations.hits()).toBe(2);
  });

  it.each([
    ['a 408', { status: 408, body: {} }],
    ['a bad body', { body: { nothing: true } }],
    ['a dropped connection', { reset: true }],
  ])('when recommendations answer %s, then it is retried', async (_what, reply) => {
    v1 = await startV1({ retries: 1 });
    v1.recommendations.script(() => reply);

    await get('/product-details/1');

    expect(v1.recommendations.hits()).toBe(2);
  });

  it('when an upstream answers 404, then it is not retried', async () => {
    v1 = await startV1({ retries: 3 });
    v1.recommendations.script(() => ({ status: 404, body: {} }));

    await get('/product-details/1');
    const unknown = await get('/products/999');

    expect(v1.recommendations.hits()).toBe(1);
    expect(unknown.status).toBe(404);
    expect(v1.product.hits('/products/999')).toBe(1);
  });

  it('when recommendations hang, then every attempt waits the whole timeout in the same place of the pool', async () => {
    v1 = await startV1({ retries: 1, poolSize: 1, upstreamTimeoutMs: 150 });
    v1.recommendations.script(() => ({ hang: true }));
    const pending = get('/product-details/1');
    await expect.poll(() => v1.recommendations.hits()).toBe(2);

    const pool = (await get('/pool-status')).body;
    const { status, ms } = await pending;

    expect(pool).toMatchObject({ active: 1, waiting: 0 });
    expect(status).toBe(504);
    expect(ms).toBeGreaterThanOrEqual(290);
    await expect.poll(() => v1.recommendations.abandoned).toBe(2);
  });
});
