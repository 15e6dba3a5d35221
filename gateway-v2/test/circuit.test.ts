import type { GatewayHarness } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { getter, startV2 } from './helpers.js';

let v2: GatewayHarness;
const get = getter(() => v2);
afterEach(() => v2.close());

const state = async () => (await get('/circuit-status')).body.state as string;

/** Trips the recommendations breaker: three timed-out calls with volumeThreshold 3. */
async function tripBreaker() {
  v2.recommendations.script(() => ({ hang: true }));
  for (let i = 0; i < 3; i += 1) await get('/product-details/1');
  expect(await state()).toBe('OPEN');
}

describe('gateway-v2 recommendations breaker', () => {
  it('when recommendations hang, then the product comes back with [] within the breaker timeout', async () => {
    v2 = await startV2();
    v2.recommendations.script(() => ({ hang: true }));

    const { status, body, ms } = await get('/product-details/4');

    expect(status).toBe(200);
    expect(body.product.id).toBe(4);
    expect(body).toMatchObject({
      recommendations: [],
      degradedMode: true,
      degradedReason: 'ETIMEDOUT',
    });
    expect(ms).toBeGreaterThanOrEqual(90);
    expect(ms).toBeLessThan(1000);
  });

  it('when v2 times out, then the upstream sees its connection closed', async () => {
    v2 = await startV2();
    v2.recommendations.script(() => ({ hang: true }));

    await get('/product-details/1');

    await expect.poll(() => v2.recommendations.abandoned).toBe(1);
    expect(v2.recommendations.pending).toBe(0);
  });

  it('when volumeThreshold calls have failed, then it is OPEN and further calls never reach the service', async () => {
    v2 = await startV2();
    await tripBreaker();
    const hitsWhenOpened = v2.recommendations.hits();

    const answers = await Promise.all([1, 2, 3, 4, 5].map((id) => get(`/product-details/${id}`)));

    expect(v2.recommendations.hits()).toBe(hitsWhenOpened);
    for (const { status, body, ms } of answers) {
      expect(status).toBe(200);
      expect(body.degradedReason).toBe('EOPENBREAKER');
      // Answered without waiting for the 100 ms timeout.
      expect(ms).toBeLessThan(90);
    }
  });

  it('when the reset timeout has passed, then exactly one probe goes through and its failure reopens', async () => {
    v2 = await startV2();
    await tripBreaker();
    await expect.poll(state, { timeout: 2000 }).toBe('HALF_OPEN');
    const hitsBefore = v2.recommendations.hits();

    const answers = await Promise.all([1, 2, 3, 4, 5].map((id) => get(`/product-details/${id}`)));

    expect(v2.recommendations.hits()).toBe(hitsBefore + 1);
    const reasons = answers.map((a) => a.body.degradedReason).sort();
    expect(reasons).toEqual([
      'EOPENBREAKER',
      'EOPENBREAKER',
      'EOPENBREAKER',
      'EOPENBREAKER',
      'ETIMEDOUT',
    ]);
    expect(await state()).toBe('OPEN');
  });

  it('when the probe succeeds, then the circuit closes and live recommendations return', async () => {
    v2 = await startV2();
    await tripBreaker();
    await expect.poll(state, { timeout: 2000 }).toBe('HALF_OPEN');
    v2.recommendations.script((req) => ({
      body: { productId: Number(req.url?.split('/').pop()), recommendations: [] },
    }));

    const { body } = await get('/product-details/1');

    expect(body.degradedMode).toBe(false);
    expect(await state()).toBe('CLOSED');
  });

  it('when the circuit is reset by hand, then it closes at once and calls go through again', async () => {
    v2 = await startV2({ breaker: { resetTimeoutMs: 60_000 } });
    await tripBreaker();
    const hits = v2.recommendations.hits();

    const reset = await get('/circuit/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    await get('/product-details/1');

    expect(reset.status).toBe(200);
    expect(reset.body.state).toBe('CLOSED');
    expect(v2.recommendations.hits()).toBe(hits + 1);
  });

  it('when more calls are in flight than the capacity, then the extra ones fall back at once (bulkhead)', async () => {
    v2 = await startV2({ breaker: { capacity: 2, volumeThreshold: 100, timeoutMs: 300 } });
    v2.recommendations.script(() => ({ hang: true }));
    const held = [get('/product-details/1'), get('/product-details/2')];
    await expect.poll(() => v2.recommendations.pending).toBe(2);

    const extra = await get('/product-details/3');

    expect(extra.body.degradedReason).toBe('ESEMLOCKED');
    expect(extra.ms).toBeLessThan(250);
    expect(v2.recommendations.hits()).toBe(2);
    await Promise.all(held);
  });

  it('when recommendations answer 503, then it degrades and counts a failure', async () => {
    v2 = await startV2();
    v2.recommendations.script(() => ({ status: 503, body: {} }));

    const { body } = await get('/product-details/1');
    const status = await get('/circuit-status');

    expect(body.degradedReason).toBe('UPSTREAM_ERROR');
    expect(status.body.totals.failures).toBe(1);
  });

  it('when recommendations answer 404, then it degrades but the breaker counts no failure', async () => {
    v2 = await startV2();
    v2.recommendations.script(() => ({ status: 404, body: {} }));

    for (let i = 0; i < 5; i += 1) {
      expect((await get('/product-details/1')).body.degradedReason).toBe('UPSTREAM_ERROR');
    }
    const { body } = await get('/circuit-status');

    expect(body.state).toBe('CLOSED');
    expect(body.totals).toMatchObject({ fires: 5, failures: 0 });
  });
});

describe('gateway-v2 half-open probes', () => {
  it('when a probe fails and then one succeeds, then both are listed with their latency and verdict', async () => {
    v2 = await startV2();
    await tripBreaker();
    await expect.poll(state, { timeout: 2000 }).toBe('HALF_OPEN');
    await get('/product-details/1');
    await expect.poll(state, { timeout: 2000 }).toBe('HALF_OPEN');
    v2.recommendations.script((req) => ({
      delayMs: 20,
      body: { productId: Number(req.url?.split('/').pop()), recommendations: [] },
    }));
    await get('/product-details/1');

    const { body } = await get('/circuit-status');

    expect(body.probes).toHaveLength(2);
    const [failed, succeeded] = body.probes;
    expect(failed).toMatchObject({ result: 'timeout', to: 'OPEN' });
    expect(failed.latencyMs).toBeGreaterThanOrEqual(90);
    expect(succeeded).toMatchObject({ result: 'success', to: 'CLOSED' });
    expect(succeeded.latencyMs).toBeGreaterThanOrEqual(15);
    expect(succeeded.latencyMs).toBeLessThan(90);
  });

  it('when a half-open circuit is closed by hand, then no probe is recorded', async () => {
    v2 = await startV2();
    await tripBreaker();
    await expect.poll(state, { timeout: 2000 }).toBe('HALF_OPEN');

    await get('/circuit/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    v2.recommendations.script((req) => ({
      body: { productId: Number(req.url?.split('/').pop()), recommendations: [] },
    }));
    await get('/product-details/1');

    expect((await get('/circuit-status')).body.probes).toEqual([]);
  });
});
