import type { Express } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createBaseApp, finishApp } from '../../src/http-app.js';
import { silentLogger } from '../../src/logger.js';
import { createMetricsRegistry, setAnswerKind } from '../../src/metrics/index.js';
import { parseExposition, startApp, sumSamples, type RunningApp } from '../../src/tools/index.js';

const REQUESTS = 'gateway_http_request_duration_seconds_count';
let running: RunningApp[] = [];
afterEach(async () => {
  await Promise.all(running.map((app) => app.close()));
  running = [];
});

/** An app with the routes the gateways' kinds of answers need, served on port 0. */
async function serveApp(gateway = 'test'): Promise<RunningApp> {
  const app: Express = createBaseApp(silentLogger, createMetricsRegistry(gateway));
  app.get('/items/:id', (req, res) => {
    setAnswerKind(res, 'failed');
    if (req.params.id === '0') throw new AppError(503, 'DOWN', 'down');
    setAnswerKind(res, req.params.id === '2' ? 'degraded' : 'full');
    res.json({ id: req.params.id });
  });
  app.get('/slow', (_req, res) => {
    setTimeout(() => res.json({}), 2000).unref();
  });
  const served = await startApp(finishApp(app, silentLogger));
  running.push(served);
  return served;
}

async function scrape(app: RunningApp) {
  const res = await fetch(`${app.url}/metrics`);
  return { res, exposition: parseExposition(await res.text()) };
}

describe('request metrics', () => {
  it('when /metrics is scraped, then it is valid Prometheus text with default metrics and the gateway label', async () => {
    const app = await serveApp('v9');

    const { res, exposition } = await scrape(app);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(exposition.get('process_cpu_seconds_total')?.samples[0]?.labels).toEqual({
      gateway: 'v9',
    });
    expect(exposition.get('gateway_http_request_duration_seconds')?.type).toBe('histogram');
  });

  it('when requests are answered, then each is counted by route pattern, status and outcome', async () => {
    const app = await serveApp();

    for (const id of ['1', '1', '2', '0', '77']) await fetch(`${app.url}/items/${id}`);
    const { exposition } = await scrape(app);

    const count = (labels: Record<string, string>) =>
      sumSamples(exposition, REQUESTS, { route: '/items/:id', method: 'GET', ...labels });
    expect(count({ status_code: '200', outcome: 'full' })).toBe(3);
    expect(count({ status_code: '200', outcome: 'degraded' })).toBe(1);
    expect(count({ status_code: '503', outcome: 'failed' })).toBe(1);
    expect(count({})).toBe(5);
  });

  it('when a path matches no route, then it is counted as unmatched, never by its URL, and still gets the JSON 404', async () => {
    const app = await serveApp();

    const res = await fetch(`${app.url}/no/such/path-123`);
    const { exposition } = await scrape(app);

    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    expect(sumSamples(exposition, REQUESTS, { route: 'unmatched', outcome: 'error' })).toBe(1);
    expect(exposition.get('gateway_http_request_duration_seconds')?.samples).not.toContainEqual(
      expect.objectContaining({ labels: expect.objectContaining({ route: '/no/such/path-123' }) }),
    );
  });

  it('when the client leaves before the answer, then the request is counted with status 499', async () => {
    const app = await serveApp();

    await expect(fetch(`${app.url}/slow`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();

    await expect
      .poll(async () => sumSamples((await scrape(app)).exposition, REQUESTS, { route: '/slow' }))
      .toBe(1);
    const { exposition } = await scrape(app);
    expect(sumSamples(exposition, REQUESTS, { route: '/slow', status_code: '499' })).toBe(1);
  });

  it('when two apps run in one process, then each counts only its own requests', async () => {
    const [first, second] = [await serveApp(), await serveApp()];

    await fetch(`${first.url}/items/1`);
    const [a, b] = [await scrape(first), await scrape(second)];

    expect(sumSamples(a.exposition, REQUESTS, { route: '/items/:id' })).toBe(1);
    expect(sumSamples(b.exposition, REQUESTS, { route: '/items/:id' })).toBe(0);
  });
});
