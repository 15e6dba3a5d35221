import { createServer, request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { closeServer, listen, serverUrl, StartupError } from '../src/serve.js';

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
