import request from 'supertest';
import { failureStateSchema } from '../src/contract.js';
import { describe, expect, it } from 'vitest';
import { appWith } from './helpers.js';

describe('admin failure endpoint', () => {
  it('when the mode is read, then it reports the mode, its parameters and nothing hanging', async () => {
    const res = await request(appWith({ mode: 'hang', hangMs: 30_000 })).get('/admin/failure');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mode: 'hang',
      hangMs: 30_000,
      hanging: 0,
      capacity: { limit: 0, workMs: 0, busy: 0, queued: 0 },
      callers: {},
    });
    expect(Date.parse(res.body.changedAt)).not.toBeNaN();
    expect(failureStateSchema.safeParse(res.body).success).toBe(true);
  });

  it('when the mode is switched at run time, then the next request follows the new mode', async () => {
    const app = appWith({ mode: 'error' });
    expect((await request(app).get('/recommendations/1')).status).toBe(503);

    const res = await request(app).post('/admin/failure').send({ mode: 'healthy' });

    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('healthy');
    expect((await request(app).get('/recommendations/1')).status).toBe(200);
  });

  it('when only some parameters are given, then the others keep their values', async () => {
    const app = appWith({ mode: 'healthy', hangMs: 111, latencyMs: 222, errorRate: 0.25 });

    const res = await request(app).post('/admin/failure').send({ mode: 'slow', latencyMs: 5 });

    expect(res.body).toMatchObject({ mode: 'slow', hangMs: 111, latencyMs: 5, errorRate: 0.25 });
  });

  it('when capacity and workMs are posted, then the workers change and the mode with them', async () => {
    const app = appWith({ mode: 'error' });

    const res = await request(app)
      .post('/admin/failure')
      .send({ mode: 'healthy', capacity: 4, workMs: 25 });
    const read = await request(app).get('/admin/failure');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'healthy', capacity: { limit: 4, workMs: 25 } });
    expect(read.body.capacity).toEqual({ limit: 4, workMs: 25, busy: 0, queued: 0 });
  });

  it('when a body with a bad capacity is posted, then the capacity is unchanged too', async () => {
    const app = appWith({ mode: 'error' });
    const before = (await request(app).get('/admin/failure')).body;

    const res = await request(app)
      .post('/admin/failure')
      .send({ mode: 'healthy', capacity: 3, workMs: -5 });

    expect(res.status).toBe(400);
    expect((await request(app).get('/admin/failure')).body).toEqual(before);
  });

  it.each([
    ['an unknown mode', { mode: 'explode' }, 'mode'],
    ['no mode', { hangMs: 10 }, 'mode'],
    ['a mode of the wrong type', { mode: 3 }, 'mode'],
    ['a negative delay', { mode: 'slow', latencyMs: -1 }, 'latencyMs'],
    ['a fractional delay', { mode: 'hang', hangMs: 1.5 }, 'hangMs'],
    ['a delay as a string', { mode: 'hang', hangMs: '100' }, 'hangMs'],
    ['an error rate over 1', { mode: 'partial', errorRate: 1.5 }, 'errorRate'],
    ['an unknown field', { mode: 'slow', latency: 100 }, 'body'],
    ['an array', [{ mode: 'hang' }], 'body'],
    ['a negative capacity', { mode: 'healthy', capacity: -1 }, 'capacity'],
    ['a capacity over 100000', { mode: 'healthy', capacity: 100_001 }, 'capacity'],
    ['a fractional work time', { mode: 'healthy', workMs: 2.5 }, 'workMs'],
    ['a work time as a string', { mode: 'healthy', workMs: '5' }, 'workMs'],
  ])(
    'when the body has %s, then 400 names the problem and nothing changes',
    async (_label, body, field) => {
      const app = appWith({ mode: 'error' });

      const res = await request(app)
        .post('/admin/failure')
        .set('content-type', 'application/json')
        .send(JSON.stringify(body));

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_FAILURE_SETTINGS');
      expect(res.body.error.message).toContain(field);
      expect((await request(app).get('/admin/failure')).body.mode).toBe('error');
    },
  );

  it.each([
    {
      label: 'malformed JSON',
      type: 'application/json',
      body: '{"mode": "hang"',
      status: 400,
      code: 'INVALID_JSON',
    },
    {
      label: 'JSON null',
      type: 'application/json',
      body: 'null',
      status: 400,
      code: 'INVALID_JSON',
    },
    {
      label: 'a form',
      type: 'application/x-www-form-urlencoded',
      body: 'mode=hang',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      label: 'JSON sent as text/plain (what a form on another site can send)',
      type: 'text/plain',
      body: '{"mode":"hang"}',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      label: 'huge',
      type: 'application/json',
      body: JSON.stringify({ mode: 'hang', pad: 'x'.repeat(5000) }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
  ])(
    'when the body is $label, then $status $code and nothing changes',
    async ({ type, body, status, code }) => {
      const app = appWith({ mode: 'error' });

      const res = await request(app).post('/admin/failure').set('content-type', type).send(body);

      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect((await request(app).get('/admin/failure')).body.mode).toBe('error');
    },
  );

  it.each([
    ['a foreign Host (DNS rebinding)', { host: 'rebind.evil.example:8082' }, 403, 'FORBIDDEN_HOST'],
    ['a page on another site', { origin: 'https://evil.example' }, 403, 'FORBIDDEN_ORIGIN'],
    ['a sandboxed page (Origin: null)', { origin: 'null' }, 403, 'FORBIDDEN_ORIGIN'],
  ])(
    'when the switch comes from %s, then it is refused in the error shape and the mode is unchanged',
    async (_what, headers, status, code) => {
      const app = appWith({ mode: 'healthy' });

      const res = await request(app)
        .post('/admin/failure')
        .set({ 'content-type': 'application/json', ...headers })
        .send('{"mode":"hang"}');

      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect((await request(app).get('/admin/failure')).body.mode).toBe('healthy');
    },
  );

  it('when a name is in ALLOWED_HOSTS, then a switch that names it is made', async () => {
    const app = appWith({ mode: 'healthy' }, undefined, {
      env: { ALLOWED_HOSTS: 'class.example' },
    });

    const res = await request(app)
      .post('/admin/failure')
      .set({ 'content-type': 'application/json', host: 'class.example:8082' })
      .send('{"mode":"hang"}');

    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('hang');
  });

  it('when ADMIN_TOKEN is set, then a switch without it is 401 and one with it is made; reading needs none', async () => {
    const token = 'recommendations-token';
    const app = appWith({ mode: 'healthy' }, undefined, { env: { ADMIN_TOKEN: token } });
    const body = '{"mode":"hang"}';

    const without = await request(app)
      .post('/admin/failure')
      .set('content-type', 'application/json')
      .send(body);
    const read = await request(app).get('/admin/failure');
    const withToken = await request(app)
      .post('/admin/failure')
      .set({ 'content-type': 'application/json', authorization: `Bearer ${token}` })
      .send(body);

    expect(without.status).toBe(401);
    expect(without.body.error.code).toBe('ADMIN_TOKEN_REQUIRED');
    expect(read.body.mode).toBe('healthy');
    expect(withToken.status).toBe(200);
    expect(withToken.body.mode).toBe('hang');
  });
});
