import { createServer, request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { closeServer, listen, serverUrl, StartupError } from '../src/serve.js';
import { exchangeRaw } from '../src/tools/index.js';

const neverAnswers = () => undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((fn) => fn()));
});

function get(url: string): Promise<'answered' | 'closed'> {
  return new Promise((resolve) => {
    const req = httpRequest(url, (res) => {
      res.resume();
      res.on('end', () => resolve('answered'));
    });
    req.on('error', () => resolve('closed'));
    req.end();
  });
}

describe('listen', () => {
  it('when the port is taken, then a StartupError names the port', async () => {
    const first = await listen(neverAnswers, '127.0.0.1', 0);
    cleanups.push(() => closeServer(first, 0));
    const port = Number(new URL(serverUrl(first)).port);

    const attempt = listen(neverAnswers, '127.0.0.1', port);

    await expect(attempt).rejects.toThrow(StartupError);
    await expect(attempt).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
  });
});

describe('listen, requests the HTTP parser refuses', () => {
  it('when the headers are too large, then 431 HEADERS_TOO_LARGE in the JSON shape, and the connection closes', async () => {
    const server = await listen(neverAnswers, '127.0.0.1', 0);
    cleanups.push(() => closeServer(server, 0));

    const res = await fetch(serverUrl(server), { headers: { 'x-big': 'a'.repeat(100_000) } });

    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({
      error: { code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large' },
    });
  });

  it.each([
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n'],
    ['a bad Content-Length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'],
  ])('when it sends %s, then a complete 400 BAD_REQUEST in the JSON shape', async (_what, raw) => {
    const server = await listen(neverAnswers, '127.0.0.1', 0);
    cleanups.push(() => closeServer(server, 0));

    const answer = await exchangeRaw(serverUrl(server), raw);

    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(head.toLowerCase()).toContain('connection: close');
    expect(head.toLowerCase()).toContain(`content-length: ${Buffer.byteLength(body)}`);
    expect(JSON.parse(body)).toEqual({
      error: { code: 'BAD_REQUEST', message: 'The request is not valid HTTP/1.1' },
    });
  });

  it('when a bad request follows a good one on the same connection, then the first answer stays whole', async () => {
    const server = await listen((_req, res) => res.end('ok'), '127.0.0.1', 0);
    cleanups.push(() => closeServer(server, 0));

    const answer = await exchangeRaw(
      serverUrl(server),
      'GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nno colon\r\n\r\n',
    );

    expect(answer.startsWith('HTTP/1.1 200 OK')).toBe(true);
    expect(answer).toContain('\r\n\r\nok');
  });
});

describe('closeServer', () => {
  it('when a request hangs, then closing ends it after the grace period', async () => {
    const server = await listen(neverAnswers, '127.0.0.1', 0);
    const pending = get(serverUrl(server));
    await new Promise((resolve) => server.once('request', resolve));
    const started = performance.now();

    await closeServer(server, 50);

    expect(await pending).toBe('closed');
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(server.listening).toBe(false);
  });

  it('when requests finish within the grace period, then they are answered', async () => {
    const server = await listen((_req, res) => setTimeout(() => res.end('ok'), 20), '127.0.0.1', 0);
    const pending = get(serverUrl(server));
    await new Promise((resolve) => server.once('request', resolve));
    const started = performance.now();

    await closeServer(server, 2000);

    expect(await pending).toBe('answered');
    // Closed once the answer went out, not when the grace period ran out.
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('when the server is not listening, then closing is a no-op', async () => {
    await expect(closeServer(createServer(), 10)).resolves.toBeUndefined();
  });
});
