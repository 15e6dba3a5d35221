import { FAILURE_MODES } from '../src/contract.js';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { appWith } from './helpers.js';
import { INVALID_JSON_BODIES, anyValue, notJson, seeded } from './fuzz-bodies.js';

const CASES_PER_KIND = 30;
const SEED = 20_261_123;

/** POSTs a raw body; checks the refusal (status, JSON error shape) and that nothing changed. */
async function refuses(
  app: ReturnType<typeof appWith>,
  body: string,
  type: string,
  status: number,
) {
  const before = (await request(app).get('/admin/failure')).body;

  const res = await request(app).post('/admin/failure').set('content-type', type).send(body);

  expect(res.status, body.slice(0, 200)).toBe(status);
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
