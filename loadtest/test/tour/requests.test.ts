import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlLine, TourHttp } from '../../src/tour/requests.js';
import { NO_STACK } from './fake-io.js';

const { targets } = NO_STACK;

describe('curlLine', () => {
  it('when a GET is shown, then it is the bare curl a student types', () => {
    expect(curlLine({ service: 'gateway-v2', path: '/circuit-status' }, targets, undefined)).toBe(
      'curl -s http://127.0.0.1:9/circuit-status',
    );
  });

  it('when an admin POST with a body is shown, then it says it sends JSON and quotes the body for a shell', () => {
    const line = curlLine(
      {
        method: 'POST',
        service: 'recommendations-service',
        path: '/admin/failure',
        body: { mode: "it's" },
      },
      targets,
      undefined,
    );

    expect(line).toBe(
      `curl -s -X POST http://127.0.0.1:9/admin/failure -H 'content-type: application/json' -d '{"mode":"it'\\''s"}'`,
    );
  });

  it('when a token is set, then the line carries $ADMIN_TOKEN, never the token itself', () => {
    const line = curlLine(
      { method: 'POST', service: 'gateway-v2', path: '/circuit/reset' },
      targets,
      's3cret',
    );

    expect(line).toContain(`-H "authorization: Bearer $ADMIN_TOKEN"`);
    expect(line).not.toContain('s3cret');
  });

  it('when timed with a limit, in a loop or in the background, then the line is the shell loop that does it', () => {
    const req = {
      service: 'gateway-v1',
      path: '/product-details/1',
      time: true,
      maxTimeMs: 34_500,
    } as const;

    expect(curlLine(req, targets, undefined)).toBe(
      'time curl -s --max-time 35 http://127.0.0.1:9/product-details/1',
    );
    expect(curlLine(req, targets, undefined, { background: 50 })).toBe(
      'for i in {1..50}; do time curl -s -o /dev/null --max-time 35 http://127.0.0.1:9/product-details/1 & done',
    );
    expect(curlLine({ service: 'gateway-v2', path: '/x' }, targets, undefined, { loop: 3 })).toBe(
      `for i in {1..3}; do curl -s -w ' %{http_code} %{time_total}s\\n' http://127.0.0.1:9/x; done`,
    );
  });
});

describe('TourHttp', () => {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    if (req.url === '/slow') return void setTimeout(() => res.end('{}'), 2000);
    res.setHeader('content-type', 'application/json');
    res.end(req.url === '/text' ? 'not json' : '{"ok":true}');
  });
  let http: TourHttp;
  let stack: typeof targets;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stack = { 'gateway-v1': url, 'gateway-v2': url, 'recommendations-service': url };
    http = new TourHttp(stack, 'tok', 5000);
  });
  afterAll(async () => {
    await http.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('when it POSTs, then it sends the headers the curl line shows, and parses the JSON answer', async () => {
    const answer = await http.send(
      { method: 'POST', service: 'gateway-v2', path: '/circuit/reset' },
      new AbortController().signal,
    );

    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(seen.at(-1)?.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer tok',
    });
  });

  it('when the answer is not JSON, then the body is its text', async () => {
    const answer = await http.send(
      { service: 'gateway-v1', path: '/text' },
      new AbortController().signal,
    );

    expect(answer.body).toBe('not json');
  });

  it('when no answer comes within --max-time, then it says it timed out, with no status', async () => {
    const answer = await http.send(
      { service: 'gateway-v1', path: '/slow', maxTimeMs: 50 },
      new AbortController().signal,
    );

    expect(answer).toMatchObject({ status: null, error: 'timed out' });
    expect(answer.ms).toBeLessThan(1000);
  });

  it('when the tour quits during a call, then the call rejects with the abort', async () => {
    const quit = new AbortController();
    const pending = http.send({ service: 'gateway-v1', path: '/slow' }, quit.signal);
    quit.abort(new DOMException('quit', 'AbortError'));

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
