import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createBaseApp, finishApp, jsonBody } from '../src/http-app.js';
import { silentLogger } from '../src/logger.js';

/** Routes on the app itself and in a router, as the services have them. */
function app() {
  const base = createBaseApp(silentLogger);
  base.get('/things/:id', (_req, res) => {
    res.json({ ok: true });
  });
  base.post('/echo', jsonBody(), (req, res) => {
    res.json({ body: req.body as unknown });
  });
  const router = express.Router();
  router.get('/admin/state', (_req, res) => {
    res.json({ ok: true });
  });
  router.post('/admin/state', (_req, res) => {
    res.json({ ok: true });
  });
  base.use(router);
  return finishApp(base, silentLogger);
}

describe('OPTIONS', () => {
  it.each([
    ['/things/1', 'GET, HEAD, OPTIONS'],
    ['/echo', 'OPTIONS, POST'],
    ['/admin/state', 'GET, HEAD, OPTIONS, POST'],
  ])(
    'when %s is a known path, on the app or in a router, then 204 with Allow and nothing else',
    async (path, allow) => {
      const res = await request(app()).options(path);

      expect(res.status).toBe(204);
      expect(res.headers.allow).toBe(allow);
      expect(res.text).toBe('');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    },
  );

  it('when the path is unknown, then 404 ROUTE_NOT_FOUND in the JSON shape', async () => {
    const res = await request(app()).options('/nowhere');

    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'No route for OPTIONS /nowhere' },
    });
  });

  it('when a preflight names a method and an origin, then it gets no CORS headers', async () => {
    const res = await request(app())
      .options('/admin/state')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type');

    expect(res.status).toBe(204);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('jsonBody', () => {
  it.each([
    ['text/plain', '{"a":1}'],
    ['application/x-www-form-urlencoded', 'a=1'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['application/xml', '<a/>'],
    ['application/json-patch+json', '[]'],
  ])('when the body is %s, then 415 UNSUPPORTED_MEDIA_TYPE', async (type, body) => {
    const res = await request(app()).post('/echo').set('content-type', type).send(body);

    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.error.message).toContain('application/json');
  });

  it('when a POST has neither a body nor a content type, then 415: a JSON route needs the type', async () => {
    const res = await request(app()).post('/echo');

    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('when a POST has the JSON type but no body at all, then the route gets an empty object', async () => {
    const res = await request(app()).post('/echo').set('content-type', 'application/json');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ body: {} });
  });

  it('when the JSON type names a charset, then utf-8 is read and another is 415', async () => {
    const utf8 = await request(app())
      .post('/echo')
      .set('content-type', 'application/json; charset=utf-8')
      .send('{"a":1}');
    const latin1 = await request(app())
      .post('/echo')
      .set('content-type', 'application/json; charset=latin1')
      .send('{"a":1}');

    expect(utf8.body).toEqual({ body: { a: 1 } });
    expect(latin1.status).toBe(415);
    expect(latin1.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
