import { findProduct } from '@cbd/common';
import { startApp, timedGet, type RunningApp } from '@cbd/common/tools';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appWith } from './helpers.js';

describe('GET /recommendations/:id', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('when healthy, then 3 to 5 products of the same category come back', async () => {
    const res = await request(appWith({ mode: 'healthy' })).get('/recommendations/2');

    expect(res.status).toBe(200);
    expect(res.body.productId).toBe(2);
    expect(res.body.recommendations.length).toBeGreaterThanOrEqual(3);
    expect(res.body.recommendations.length).toBeLessThanOrEqual(5);
    for (const p of res.body.recommendations) {
      expect(p.category).toBe(findProduct(2)?.category);
      expect(p.id).not.toBe(2);
    }
  });

  it('when the product is unknown, then 404 PRODUCT_NOT_FOUND', async () => {
    const res = await request(appWith({ mode: 'healthy' })).get('/recommendations/999');

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('PRODUCT_NOT_FOUND');
  });

  it('when the id is not a positive integer, then 400, whatever the mode', async () => {
    const res = await request(appWith({ mode: 'hang' })).get('/recommendations/x1');

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_PRODUCT_ID');
  });

  it('when the mode is error, then 503 SIMULATED_FAILURE at once', async () => {
    const res = await request(appWith({ mode: 'error' })).get('/recommendations/1');

    expect(res.status).toBe(503);
    expect(res.body.error).toEqual({
      code: 'SIMULATED_FAILURE',
      message: 'Recommendations are failing on purpose (mode "error")',
    });
  });

  it('when the mode is slow, then the answer is correct but comes after latencyMs', async () => {
    const started = performance.now();

    const res = await request(appWith({ mode: 'slow', latencyMs: 80 })).get('/recommendations/1');

    expect(res.status).toBe(200);
    expect(res.body.recommendations.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('when the mode is partial, then the requests the random source picks fail and the rest succeed', async () => {
    const draws = [0.1, 0.9, 0.3, 0.7];
    const app = appWith({ mode: 'partial', errorRate: 0.5 }, () => draws.shift() ?? 1);

    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await request(app).get('/recommendations/1')).status);

    expect(statuses).toEqual([503, 200, 503, 200]);
  });

  it('when the mode is hang, then the request is held hangMs and answered 408, counted while held', async () => {
    const app = appWith({ mode: 'hang', hangMs: 300 });
    running = await startApp(app);
    const started = performance.now();

    const pending = timedGet(`${running.url}/recommendations/1`);
    await vi.waitFor(async () => {
      const state = await timedGet(`${running?.url}/admin/failure`);
      expect(state.body.hanging).toBe(1);
    });
    const res = await pending;

    expect(res.status).toBe(408);
    expect(res.body.error.code).toBe('REQUEST_TIMEOUT');
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    const after = await timedGet(`${running.url}/admin/failure`);
    expect(after.body.hanging).toBe(0);
  });

  it('when the mode is reset, then the connection is dropped without an answer', async () => {
    running = await startApp(appWith({ mode: 'reset' }));

    const attempt = fetch(`${running.url}/recommendations/1`);

    await expect(attempt).rejects.toThrow(/fetch failed/);
  });

  it.each(['healthy', 'hang', 'error', 'slow', 'partial', 'reset'] as const)(
    'when the mode is %s, then /health is still ok',
    async (mode) => {
      const res = await request(appWith({ mode })).get('/health');

      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
    },
  );

  it.each([
    ['/recommendations/1', 'GET, HEAD, OPTIONS'],
    ['/admin/failure', 'GET, HEAD, OPTIONS, POST'],
    ['/health', 'GET, HEAD, OPTIONS'],
  ])('when OPTIONS %s is asked, then 204 with Allow, as on every service', async (path, allow) => {
    const res = await request(appWith({ mode: 'healthy' })).options(path);

    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe(allow);
    expect(res.headers['content-type']).toBeUndefined();
  });

  it('when an 8 KB unknown path is asked, then the 404 quotes only its first 100 characters', async () => {
    const path = `/${'x'.repeat(8192)}`;

    const res = await request(appWith({ mode: 'healthy' })).get(path);

    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`No route for GET ${path.slice(0, 100)}…`);
  });
});
