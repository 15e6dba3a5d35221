import { CALLER_HEADER, findProduct, relatedProducts } from '@cbd/common';
import type { IncomingMessage } from 'node:http';
import {
  bulkyRecommendations,
  longRecommendations,
  productReply,
  recommendationsReply,
  type GatewayHarness,
  type StubReply,
} from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { circuitStatusSchema } from '../src/contract.js';
import { getter, startV2 } from './helpers.js';

let v2: GatewayHarness;
const get = getter(() => v2);
afterEach(() => v2.close());

describe('gateway-v2', () => {
  it('when both services answer, then the product and live recommendations come back', async () => {
    v2 = await startV2();

    const { status, body } = await get('/product-details/8');

    expect(status).toBe(200);
    expect(body.product).toEqual(findProduct(8));
    expect(body.recommendations).toEqual(relatedProducts(8));
    expect(body.degradedMode).toBe(false);
    expect(body.degradedReason).toBeUndefined();
  });

  it('when the product does not exist, then 404 and no breaker counts a failure', async () => {
    v2 = await startV2();

    for (let i = 0; i < 5; i += 1) {
      const { status, body } = await get('/product-details/999');
      expect(status).toBe(404);
      expect(body.error.code).toBe('PRODUCT_NOT_FOUND');
    }
    const product = await get('/circuit-status/product-service');
    const recommendations = await get('/circuit-status');

    expect(product.body).toMatchObject({ state: 'CLOSED', totals: { failures: 0 } });
    expect(recommendations.body).toMatchObject({ state: 'CLOSED', totals: { failures: 0 } });
  });

  it('when the id is invalid, then 400 and no upstream is called', async () => {
    v2 = await startV2();

    const { status } = await get('/product-details/-1');

    expect(status).toBe(400);
    expect(v2.product.hits() + v2.recommendations.hits()).toBe(0);
  });

  it('when product-service is down, then 502 at once, and 503 fast once its breaker opens', async () => {
    v2 = await startV2();
    await v2.product.close();

    const first = await get('/product-details/1');
    await get('/product-details/1');
    await get('/product-details/1');
    const later = await get('/product-details/1');

    expect(first.status).toBe(502);
    expect(first.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(later.status).toBe(503);
    expect(later.body.error.code).toBe('PRODUCT_SERVICE_UNAVAILABLE');
    expect((await get('/circuit-status/product-service')).body.state).toBe('OPEN');
  });

  it('when product-service hangs, then 504 after the product timeout', async () => {
    v2 = await startV2({ productTimeoutMs: 80 });
    v2.product.script(() => ({ hang: true }));

    const { status, body, ms } = await get('/products/1');

    expect(status).toBe(504);
    expect(body.error).toEqual({
      code: 'UPSTREAM_TIMEOUT',
      message: 'product-service did not answer within 80 ms',
    });
    expect(ms).toBeLessThan(1000);
  });

  it('when the circuit status is read, then it has the contract fields', async () => {
    v2 = await startV2();

    const { body } = await get('/circuit-status');

    expect(body).toMatchObject({
      name: 'recommendations-service',
      state: 'CLOSED',
      options: {
        timeoutMs: 100,
        errorThresholdPercentage: 50,
        volumeThreshold: 3,
        resetTimeoutMs: 300,
      },
      lastTransition: null,
      nextAttemptAt: null,
      transitions: [],
    });
    expect(Object.keys(body.stats).sort()).toEqual(Object.keys(body.totals).sort());
    expect(body.protections).toEqual(['timeout', 'fallback', 'breaker', 'bulkhead']);
    expect(circuitStatusSchema.safeParse(body).success).toBe(true);
  });

  it('when the circuit is OPEN, then the status says when the next probe is due and how it got there', async () => {
    v2 = await startV2({ breaker: { resetTimeoutMs: 5000 } });
    v2.recommendations.script(() => ({ status: 503, body: {} }));
    for (let i = 0; i < 3; i += 1) await get('/product-details/1');

    const { body } = await get('/circuit-status');

    expect(body.state).toBe('OPEN');
    expect(body.lastTransition).toMatchObject({ from: 'CLOSED', to: 'OPEN' });
    const dueIn = Date.parse(body.nextAttemptAt) - Date.parse(body.lastTransition.at);
    expect(dueIn).toBe(5000);
  });

  it('when an unknown breaker is asked for, then 404 BREAKER_NOT_FOUND', async () => {
    v2 = await startV2();

    const { status, body } = await get('/circuit-status/payments');

    expect(status).toBe(404);
    expect(body.error.code).toBe('BREAKER_NOT_FOUND');
  });

  it('when recommendations send more than UPSTREAM_MAX_BODY_BYTES, then the fallback answers, the breaker counts a failure and the download is cut off', async () => {
    v2 = await startV2({ upstreamMaxBodyBytes: 64 * 1024, breaker: { timeoutMs: 5000 } });
    v2.recommendations.script(() => bulkyRecommendations(1, 50 * 1024 * 1024));

    const { status, body } = await get('/product-details/1');

    expect(status).toBe(200);
    expect(body).toMatchObject({
      product: findProduct(1),
      recommendations: [],
      degradedMode: true,
      degradedReason: 'UPSTREAM_ERROR',
    });
    expect((await get('/circuit-status')).body.totals).toMatchObject({
      failures: 1,
      successes: 0,
    });
    await expect.poll(() => v2.recommendations.abandoned).toBe(1);
  });

  it('when recommendations keep sending oversized answers, then the circuit opens and they are no longer downloaded', async () => {
    v2 = await startV2({ upstreamMaxBodyBytes: 64 * 1024, breaker: { timeoutMs: 5000 } });
    v2.recommendations.script(() => bulkyRecommendations(1, 5 * 1024 * 1024));

    for (let i = 0; i < 3; i += 1) await get('/product-details/1');
    const { body } = await get('/product-details/1');

    expect(body.degradedReason).toBe('EOPENBREAKER');
    expect(v2.recommendations.hits()).toBe(3);
  });

  it('when recommendations list more than MAX_RECOMMENDATIONS products, then the fallback answers and the breaker counts a failure', async () => {
    v2 = await startV2({ maxRecommendations: 10 });
    v2.recommendations.script(() => longRecommendations(1, 11));

    const { body } = await get('/product-details/1');

    expect(body).toMatchObject({ degradedMode: true, degradedReason: 'UPSTREAM_ERROR' });
    expect((await get('/circuit-status')).body.totals.failures).toBe(1);
  });

  it('when recommendations answer an HTML page with 200, then the fallback answers and the breaker counts a failure', async () => {
    v2 = await startV2();
    v2.recommendations.script(() => ({ contentType: 'text/html', text: '<h1>It works!</h1>' }));

    const { body } = await get('/product-details/1');

    expect(body).toMatchObject({ degradedMode: true, degradedReason: 'UPSTREAM_ERROR' });
    expect((await get('/circuit-status')).body.totals.failures).toBe(1);
  });

  it('when it calls the upstreams, then it names itself in the caller header to both', async () => {
    v2 = await startV2();
    const callers: unknown[] = [];
    const record = (reply: (req: IncomingMessage) => StubReply) => (req: IncomingMessage) => {
      callers.push(req.headers[CALLER_HEADER]);
      return reply(req);
    };
    v2.product.script(record(productReply));
    v2.recommendations.script(record(recommendationsReply));

    await get('/product-details/2');

    expect(callers).toEqual(['gateway-v2', 'gateway-v2']);
  });
});
