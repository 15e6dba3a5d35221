import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { createBaseApp, finishApp } from '../src/http-app.js';
import { silentLogger } from '../src/logger.js';

function appThatThrows(error: unknown) {
  const app = createBaseApp(silentLogger);
  app.get('/boom', () => {
    throw error;
  });
  app.post('/echo', express.json({ limit: 64 }), (req, res) => {
    res.json(req.body);
  });
  return finishApp(app, silentLogger);
}

describe('error handler', () => {
  it('when a route throws an AppError, then its status, code and message are sent', async () => {
    const app = appThatThrows(new AppError(418, 'TEAPOT', 'I am a teapot'));

    const res = await request(app).get('/boom');

    expect(res.status).toBe(418);
    expect(res.body).toEqual({ error: { code: 'TEAPOT', message: 'I am a teapot' } });
  });

  it('when a route throws an unexpected error, then a generic 500 hides its details', async () => {
    const app = appThatThrows(new Error('password=hunter2 at db.internal:5432'));

    const res = await request(app).get('/boom');

    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Internal server error' },
    });
    expect(res.text).not.toContain('hunter2');
  });

  it('when a rejected promise escapes an async route, then it is handled the same way', async () => {
    const app = createBaseApp(silentLogger);
    app.get('/async', async () => Promise.reject(new Error('secret')));
    finishApp(app, silentLogger);

    const res = await request(app).get('/async');

    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL_ERROR');
  });

  it('when the route does not exist, then 404 ROUTE_NOT_FOUND in the JSON shape', async () => {
    const res = await request(appThatThrows(null)).delete('/nowhere');

    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'No route for DELETE /nowhere' },
    });
  });

  it('when the body is not JSON, then 400 INVALID_JSON', async () => {
    const res = await request(appThatThrows(null))
      .post('/echo')
      .set('content-type', 'application/json')
      .send('{"mode":');

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_JSON');
  });

  it('when the body is over the limit, then 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await request(appThatThrows(null))
      .post('/echo')
      .send({ padding: 'x'.repeat(200) });

    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Request body is larger than 64 bytes',
    });
  });

  it('when any response is sent, then X-Powered-By is absent', async () => {
    const res = await request(appThatThrows(null)).get('/nowhere');

    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
