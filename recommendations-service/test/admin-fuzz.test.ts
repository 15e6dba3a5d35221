import { isPrototypePolluted, pollutingBodies } from '@cbd/common/tools';
import { FAILURE_MODES } from '../src/contract.js';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { appWith } from './helpers.js';
import {
  INVALID_JSON_BODIES,
  anyValue,
  foreignHost,
  foreignOrigin,
  notJson,
  notJsonType,
  seeded,
  wrongAuthorization,
} from './fuzz-bodies.js';

const CASES_PER_KIND = 30;
const SEED = 20_261_123;

/** POSTs a raw body; checks the refusal (status, JSON error shape) and that nothing changed. */
async function refuses(
  app: ReturnType<typeof appWith>,
  body: string,
  type: string,
  status: number,
  headers: Record<string, string> = {},
) {
  const before = (await request(app).get('/admin/failure')).body;

  const res = await request(app)
    .post('/admin/failure')
    .set({ 'content-type': type, ...headers })
    .send(body);

  expect(res.status, `${JSON.stringify(headers)} ${body.slice(0, 200)}`).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(res.body.error.code).toMatch(/^[A-Z_]+$/);
  expect(typeof res.body.error.message).toBe('string');
  expect((await request(app).get('/admin/failure')).body).toEqual(before);
}

describe('admin failure endpoint, fuzzed', () => {
  it.each(Object.entries(INVALID_JSON_BODIES))(
    'when %s is posted (30 seeded bodies), then each is a 400 in the error shape and the state is unchanged',
    async (_kind, make) => {
      const r = seeded(SEED);
      const app = appWith({ mode: 'slow', latencyMs: 123, hangMs: 456, errorRate: 0.25 });
      for (let i = 0; i < CASES_PER_KIND; i += 1) {
        await refuses(app, JSON.stringify(make(r)), 'application/json', 400);
      }
    },
  );

  it('when text that is not JSON is posted (30 seeded texts), then each is a 400 INVALID_JSON-shaped error', async () => {
    const r = seeded(SEED + 1);
    const app = appWith({ mode: 'error' });
    for (let i = 0; i < CASES_PER_KIND; i += 1) {
      await refuses(app, notJson(r), 'application/json', 400);
    }
  });

  it('when bodies over 1 KiB are posted, even valid ones, then each is a 413 and the state is unchanged', async () => {
    const r = seeded(SEED + 2);
    const app = appWith({ mode: 'error' });
    for (let i = 0; i < 10; i += 1) {
      const body = { mode: r.pick(FAILURE_MODES), pad: 'x'.repeat(1024 + r.int(100_000)) };
      await refuses(app, JSON.stringify(body), 'application/json', 413);
    }
  });

  it('when a valid body comes with another content type, then it is not read: 415, state unchanged', async () => {
    const app = appWith({ mode: 'error' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      await refuses(app, JSON.stringify({ mode: 'healthy' }), type, 415);
    }
  });

  it('when a valid body comes with a seeded content type that is not JSON (30), then each is a 415, state unchanged', async () => {
    const r = seeded(SEED + 3);
    const app = appWith({ mode: 'error' });
    for (let i = 0; i < CASES_PER_KIND; i += 1) {
      await refuses(app, '{"mode":"healthy"}', notJsonType(r), 415);
    }
  });

  it('when a valid switch names a foreign Host (30 seeded rebinding names), then each is a 403, state unchanged', async () => {
    const r = seeded(SEED + 4);
    const app = appWith({ mode: 'error' });
    for (let i = 0; i < CASES_PER_KIND; i += 1) {
      await refuses(app, '{"mode":"healthy"}', 'application/json', 403, { host: foreignHost(r) });
    }
  });

  it('when a valid switch comes from a foreign Origin (30 seeded pages), then each is a 403, state unchanged', async () => {
    const r = seeded(SEED + 5);
    const app = appWith({ mode: 'error' });
    for (let i = 0; i < CASES_PER_KIND; i += 1) {
      const origin = foreignOrigin(r);
      await refuses(app, '{"mode":"healthy"}', 'application/json', 403, { origin });
    }
  });

  it('when ADMIN_TOKEN is set and a valid switch carries a near miss (30 seeded), then each is a 401, state unchanged', async () => {
    const r = seeded(SEED + 6);
    const token = 'the-classroom-admin-token';
    const app = appWith({ mode: 'error' }, undefined, { env: { ADMIN_TOKEN: token } });
    for (let i = 0; i < CASES_PER_KIND; i += 1) {
      const authorization = wrongAuthorization(r, token);
      await refuses(app, '{"mode":"healthy"}', 'application/json', 401, { authorization });
    }
  });

  it('when a body tries to pollute the prototype (__proto__, constructor.prototype), then each is a 400, state unchanged, nothing polluted', async () => {
    const app = appWith({ mode: 'error' });
    const bodies = [
      ...pollutingBodies({ mode: 'healthy' }),
      ...pollutingBodies({ mode: 'slow', latencyMs: 5, hangMs: 5, errorRate: 0.5 }),
    ];
    for (const body of bodies) {
      await refuses(app, body, 'application/json', 400);
    }

    expect(isPrototypePolluted()).toBe(false);
    expect((await request(app).get('/recommendations/1')).status).toBe(503);
  });

  it('when the generator makes garbage, then it is varied: the same seed gives the same bodies, another seed others', () => {
    const bodies = (seed: number) => {
      const r = seeded(seed);
      return Array.from({ length: 20 }, () => JSON.stringify(anyValue(r)));
    };

    expect(bodies(1)).toEqual(bodies(1));
    expect(bodies(1)).not.toEqual(bodies(2));
    expect(new Set(bodies(1)).size).toBeGreaterThan(10);
  });
});
