import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { adminGuard, adminHeaders } from '../src/admin-guard.js';
import { createBaseApp, finishApp, jsonBody } from '../src/http-app.js';
import { silentLogger } from '../src/logger.js';
import { readSettings, serviceSettings, type EnvSource } from '../src/settings.js';

const TOKEN = 'a-token-of-24-characters';

/** A service with one admin route that counts the changes it made, and a GET that reads them. */
function service(env: EnvSource = {}) {
  const config = readSettings(serviceSettings(0), env);
  const app = createBaseApp(silentLogger);
  let changes = 0;
  app.get('/admin/state', (_req, res) => {
    res.json({ changes });
  });
  app.post('/admin/state', adminGuard(config), jsonBody(), (_req, res) => {
    changes += 1;
    res.json({ changes });
  });
  app.post('/admin/reset', adminGuard(config), (_req, res) => {
    changes += 1;
    res.json({ changes });
  });
  return { app: finishApp(app, silentLogger), changes: () => changes };
}

const post = (app: Express, headers: Record<string, string>, path = '/admin/state') =>
  request(app)
    .post(path)
    .set({ 'content-type': 'application/json', ...headers })
    .send('{}');

describe('admin guard: Host', () => {
  it.each([
    '127.0.0.1:8082',
    '127.0.0.1',
    'localhost:8090',
    'LOCALHOST',
    'localhost.',
    'demo.localhost:8082',
    '[::1]:8090',
    '[::ffff:127.0.0.1]',
    '192.168.1.20:8082',
    '10.0.0.7',
  ])('when the Host is %s, then the change is made', async (host) => {
    const { app, changes } = service();

    const res = await post(app, { host });

    expect(res.status).toBe(200);
    expect(changes()).toBe(1);
  });

  it.each([
    'evil.example',
    'evil.example:8082',
    'localhost.evil.example',
    '127.0.0.1.nip.io',
    'attacker.localhost.evil.example:8090',
    'evil.example@localhost',
    'localhost:8082@evil.example',
    '[::1',
    '0x7f000001',
    'recommendations-service:8082',
  ])(
    'when the Host is %s (a DNS rebinding), then 403 FORBIDDEN_HOST and nothing changes',
    async (host) => {
      const { app, changes } = service();

      const res = await post(app, { host });

      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN_HOST');
      expect(res.body.error.message).toContain('ALLOWED_HOSTS');
      expect(changes()).toBe(0);
    },
  );

  it('when a name is listed in ALLOWED_HOSTS, then it is the service own, whatever the case or port', async () => {
    const { app, changes } = service({ ALLOWED_HOSTS: 'demo.example, Recommendations-Service' });

    const listed = await post(app, { host: 'DEMO.example:9999' });
    const byName = await post(app, { host: 'recommendations-service:8082' });
    const other = await post(app, { host: 'other.example' });

    expect([listed.status, byName.status, other.status]).toEqual([200, 200, 403]);
    expect(changes()).toBe(2);
  });

  it('when the Host is very long, then the message quotes only the start of it', async () => {
    const { app } = service();

    const res = await post(app, { host: `${'a'.repeat(300)}.example` });

    expect(res.status).toBe(403);
    expect(res.body.error.message.length).toBeLessThan(250);
  });
});

describe('admin guard: Origin', () => {
  it.each([
    'http://localhost:8099',
    'http://127.0.0.1:8099',
    'https://demo.localhost',
    'http://[::1]:3000',
  ])('when the Origin is %s, then the change is made', async (origin) => {
    const { app, changes } = service();

    const res = await post(app, { host: 'localhost:8082', origin });

    expect(res.status).toBe(200);
    expect(changes()).toBe(1);
  });

  it.each([
    'https://evil.example',
    'http://localhost.evil.example',
    'null',
    'file://',
    'chrome-extension://abcdef',
    'not a url',
    'http://evil@localhost',
    'http://localhost/path',
  ])('when the Origin is %s, then 403 FORBIDDEN_ORIGIN and nothing changes', async (origin) => {
    const { app, changes } = service();

    const res = await post(app, { host: '127.0.0.1:8082', origin });

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ORIGIN');
    expect(changes()).toBe(0);
  });

  it('when a name is listed in ALLOWED_HOSTS, then a page served from it may post', async () => {
    const { app } = service({ ALLOWED_HOSTS: 'class.example' });

    const res = await post(app, { host: 'class.example', origin: 'https://class.example:8099' });

    expect(res.status).toBe(200);
  });
});

describe('admin guard: content type', () => {
  it.each([
    ['text/plain', '{}'],
    ['application/x-www-form-urlencoded', 'mode=hang'],
    ['multipart/form-data; boundary=x', '--x--'],
  ])(
    'when a form-like %s post arrives, then 415 UNSUPPORTED_MEDIA_TYPE and nothing changes',
    async (type, body) => {
      const { app, changes } = service();

      const res = await request(app).post('/admin/reset').set('content-type', type).send(body);

      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(changes()).toBe(0);
    },
  );

  it('when a route without a body is posted without the JSON type, then 415 all the same', async () => {
    const { app, changes } = service();

    const res = await request(app).post('/admin/reset');

    expect(res.status).toBe(415);
    expect(changes()).toBe(0);
  });

  it('when a route without a body is posted with the JSON type and nothing else, then it runs', async () => {
    const { app, changes } = service();

    const res = await request(app).post('/admin/reset').set('content-type', 'application/json');

    expect(res.status).toBe(200);
    expect(changes()).toBe(1);
  });
});

describe('admin guard: ADMIN_TOKEN', () => {
  it.each([
    ['no authorization', {}],
    ['another token', { authorization: `Bearer ${TOKEN.replace('a', 'b')}` }],
    ['the token cut short', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ['the token and more', { authorization: `Bearer ${TOKEN}x` }],
    ['the token without the scheme', { authorization: TOKEN }],
    ['the token as Basic', { authorization: `Basic ${TOKEN}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])(
    'when it is set and the request has %s, then 401 ADMIN_TOKEN_REQUIRED and nothing changes',
    async (_what, headers) => {
      const { app, changes } = service({ ADMIN_TOKEN: TOKEN });

      const res = await post(app, headers);

      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('ADMIN_TOKEN_REQUIRED');
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.text).not.toContain(TOKEN);
      expect(changes()).toBe(0);
    },
  );

  it('when it is set and the request carries it, then the change is made (the scheme in any case)', async () => {
    const { app, changes } = service({ ADMIN_TOKEN: TOKEN });

    const bearer = await post(app, { authorization: `Bearer ${TOKEN}` });
    const lower = await post(app, { authorization: `bearer ${TOKEN}` });

    expect([bearer.status, lower.status]).toEqual([200, 200]);
    expect(changes()).toBe(2);
  });

  it('when it is set, then reading state needs no token', async () => {
    const { app } = service({ ADMIN_TOKEN: TOKEN });

    const res = await request(app).get('/admin/state');

    expect(res.status).toBe(200);
  });

  it('when it is not set, then no authorization is asked for', async () => {
    const { app } = service();

    expect((await post(app, {})).status).toBe(200);
  });

  it('when the Host is foreign and no token is given, then the foreign Host is what is refused', async () => {
    const { app } = service({ ADMIN_TOKEN: TOKEN });

    const res = await post(app, { host: 'evil.example' });

    expect(res.status).toBe(403);
  });

  it('when adminHeaders is given the token, then a request with them passes the guard', async () => {
    const { app, changes } = service({ ADMIN_TOKEN: TOKEN });

    const res = await request(app).post('/admin/reset').set(adminHeaders(TOKEN));

    expect(res.status).toBe(200);
    expect(adminHeaders()).toEqual({ 'content-type': 'application/json' });
    expect(changes()).toBe(1);
  });
});
