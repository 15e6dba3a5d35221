import type { GatewayHarness } from '@cbd/common/tools';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { getter, startV2 } from './helpers.js';

let v2: GatewayHarness;
const get = getter(() => v2);
afterEach(() => v2.close());

const TOKEN = 'gateway-v2-admin-token';
const JSON_TYPE = { 'content-type': 'application/json' };

/** The admin routes, each with a body it accepts. */
const ADMIN_ROUTES = [
  ['/circuit/reset', undefined],
  ['/circuit/config', '{"volumeThreshold":9}'],
  ['/circuit/config/reset', undefined],
] as const;

async function tripBreaker() {
  v2.recommendations.script(() => ({ status: 503, body: {} }));
  for (let i = 0; i < 3; i += 1) await get('/product-details/1');
  expect((await get('/circuit-status')).body.state).toBe('OPEN');
}

/** What an admin route could change: the circuit's state and options. */
async function adminState() {
  const { body } = await get('/circuit-status');
  return { state: body.state, options: body.options, changedAt: body.optionsChangedAt };
}

function post(path: string, headers: Record<string, string>, body?: string) {
  const req = request(v2.gateway.url).post(path).set(headers);
  return body === undefined ? req : req.send(body);
}

describe('gateway-v2 admin routes', () => {
  it.each(ADMIN_ROUTES)(
    'when %s is posted without the JSON content type (a form from any page), then 415 and nothing changes',
    async (path, body) => {
      v2 = await startV2({ breaker: { resetTimeoutMs: 60_000 } });
      await tripBreaker();
      const before = await adminState();

      const plain = await post(path, { 'content-type': 'text/plain' }, body ?? '');
      const none = await post(path, {});

      expect([plain.status, none.status]).toEqual([415, 415]);
      expect(plain.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await adminState()).toEqual(before);
    },
  );

  it.each(ADMIN_ROUTES)(
    'when %s names a foreign Host (DNS rebinding), then 403 FORBIDDEN_HOST and nothing changes',
    async (path, body) => {
      v2 = await startV2({ breaker: { resetTimeoutMs: 60_000 } });
      await tripBreaker();
      const before = await adminState();

      const res = await post(path, { ...JSON_TYPE, host: 'rebind.evil.example:8090' }, body);

      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN_HOST');
      expect(await adminState()).toEqual(before);
    },
  );

  it.each(ADMIN_ROUTES)(
    'when %s comes from a page on another site, then 403 FORBIDDEN_ORIGIN and nothing changes',
    async (path, body) => {
      v2 = await startV2({ breaker: { resetTimeoutMs: 60_000 } });
      await tripBreaker();
      const before = await adminState();

      const res = await post(path, { ...JSON_TYPE, origin: 'https://evil.example' }, body);

      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN_ORIGIN');
      expect(await adminState()).toEqual(before);
    },
  );

  it.each(ADMIN_ROUTES)(
    'when ADMIN_TOKEN is set and %s is posted without it, then 401 and nothing changes; with it, the change is made',
    async (path, body) => {
      v2 = await startV2({ adminToken: TOKEN, breaker: { resetTimeoutMs: 60_000 } });
      await tripBreaker();
      const before = await adminState();

      const without = await post(path, JSON_TYPE, body);
      const after = await adminState();
      const withToken = await post(path, { ...JSON_TYPE, authorization: `Bearer ${TOKEN}` }, body);

      expect(without.status).toBe(401);
      expect(without.body.error.code).toBe('ADMIN_TOKEN_REQUIRED');
      expect(after).toEqual(before);
      expect(withToken.status).toBe(200);
    },
  );

  it('when ADMIN_TOKEN is set, then the circuit and its options can still be read without it', async () => {
    v2 = await startV2({ adminToken: TOKEN });

    const statuses = await Promise.all(
      ['/circuit-status', '/circuit/config', '/circuit-status/product-service'].map(
        async (path) => (await get(path)).status,
      ),
    );

    expect(statuses).toEqual([200, 200, 200]);
  });

  it('when the reset is posted with the JSON content type and no body, from localhost, then the circuit closes', async () => {
    v2 = await startV2({ breaker: { resetTimeoutMs: 60_000 } });
    await tripBreaker();

    const res = await post('/circuit/reset', { ...JSON_TYPE, host: 'localhost:8090' });

    expect(res.status).toBe(200);
    expect(res.body.state).toBe('CLOSED');
  });
});
