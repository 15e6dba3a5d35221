import { silentLogger } from '@cbd/common';
import { readEventStream, startApp, type RunningApp } from '@cbd/common/tools';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadBrowserAssets, type PageAssets } from '../../src/pages/assets.js';
import { presetChange } from '../../src/live/buttons.js';
import { createDashboardApp, type DashboardDeps } from '../../src/live/dashboard-app.js';
import type { PageSnapshot } from '../../src/live/types.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';
import { FakeFeed, FakeTour, STATUS, liveSecond } from './fake-feed.js';

let stack: InProcessStack;
let assets: PageAssets;
let feed: FakeFeed;

beforeAll(async () => {
  [stack, assets] = await Promise.all([
    startInProcessStack(),
    loadBrowserAssets().then((a) => a.live),
  ]);
});
afterAll(async () => {
  await stack?.close();
});
beforeEach(() => {
  feed = new FakeFeed();
});
afterEach(async () => {
  const post = (path: string, body: string) =>
    fetch(
      `${stack.targets[path.startsWith('/admin') ? 'recommendations-service' : 'gateway-v2']}${path}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      },
    );
  await post('/admin/failure', '{"mode":"healthy","errorRate":0.1}');
  await post('/circuit/config/reset', '');
});

const app = (deps: Partial<DashboardDeps> = {}) =>
  createDashboardApp({ targets: stack.targets }, { logger: silentLogger, feed, assets, ...deps });
const json = (path: string, body: unknown, deps?: Partial<DashboardDeps>) =>
  request(app(deps)).post(path).set('content-type', 'application/json').send(JSON.stringify(body));
const circuitStatus = async () =>
  (await fetch(`${stack.targets['gateway-v2']}/circuit-status`)).json() as Promise<{
    options: Record<string, number>;
  }>;
const failureState = async () =>
  (await fetch(`${stack.targets['recommendations-service']}/admin/failure`)).json() as Promise<
    Record<string, unknown>
  >;

describe('the dashboard page', () => {
  it('when loaded, then its policy keeps it on this server, and its script and style are served here', async () => {
    const res = await request(app()).get('/');
    const refs = [...res.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    const files = await Promise.all(
      refs.filter((r) => r.startsWith('/assets/')).map((r) => request(app()).get(r)),
    );

    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(res.text).not.toMatch(/<script>|<style>| on[a-z]+=/);
    expect(refs.every((r) => r.startsWith('/assets/') || r.startsWith('data:'))).toBe(true);
    expect(files.map((f) => f.status)).toEqual([200, 200]);
    expect(files.map((f) => f.text).sort()).toEqual([assets.script, assets.style].sort());
  });

  it.each(['nope.js', 'constructor', '..%2Fsession.ts'])(
    'when the asset %s is asked for, then it is a 404 in the JSON error shape',
    async (name) => {
      const res = await request(app()).get(`/assets/${name}`);

      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    },
  );

  it('when there is no tour, then the page has no tour panel and no route to move it on', async () => {
    const page = await request(app()).get('/');
    const next = await json('/api/tour/next', {});

    expect(page.text).not.toContain('id="tour"');
    expect(next.status).toBe(404);
  });
});

describe('GET /events and /api/snapshot', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('when a page connects, then it gets the history and the tour first, then each second, status and step as they come', async () => {
    const tour = new FakeTour(['Break it', 'Heal it']);
    running = await startApp(app({ tour }));
    const stream = await readEventStream(`${running.url}/events`);

    const snapshot = JSON.parse(
      (await stream.waitFor((e) => e.event === 'snapshot')).data,
    ) as PageSnapshot;
    feed.emit({ type: 'second', second: liveSecond(2) });
    feed.emit({ type: 'status', status: { ...STATUS, readAt: '2026-01-01T00:00:05.000Z' } });
    await tour.next();
    const second = await stream.waitFor((e) => e.event === 'second');
    const status = await stream.waitFor((e) => e.event === 'status');
    const step = await stream.waitFor((e) => e.event === 'tour');
    stream.close();

    expect(stream.contentType).toMatch(/^text\/event-stream/);
    expect(stream.events[0]?.event).toBe('snapshot');
    expect(snapshot.seconds.map((s) => s.t)).toEqual([0, 1]);
    expect(snapshot.tour?.title).toBe('Break it');
    expect(JSON.parse(second.data).t).toBe(2);
    expect(JSON.parse(status.data).readAt).toBe('2026-01-01T00:00:05.000Z');
    expect(JSON.parse(step.data).title).toBe('Heal it');
  });

  it('when the page goes away, then its stream stops listening to the feed and the tour', async () => {
    const tour = new FakeTour(['one']);
    running = await startApp(app({ tour }));
    const stream = await readEventStream(`${running.url}/events`);
    await stream.waitFor((e) => e.event === 'snapshot');
    expect(feed.listeners).toBe(1);

    stream.close();

    await expect.poll(() => feed.listeners + tour.listeners).toBe(0);
  });

  it('when the dashboard is closing, then open streams end and the server closes at once', async () => {
    const closing = new AbortController();
    running = await startApp(app({ closing: closing.signal }));
    const stream = await readEventStream(`${running.url}/events`);
    await stream.waitFor((e) => e.event === 'snapshot');

    closing.abort();

    await expect.poll(() => feed.listeners).toBe(0);
    const started = Date.now();
    await running.close();
    running = undefined;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('when the snapshot is read as JSON, then it is what a page is sent first', async () => {
    const res = await request(app()).get('/api/snapshot');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      windowSeconds: 60,
      load: { model: 'open', rate: 10 },
      tour: null,
    });
    expect(res.body.seconds).toHaveLength(2);
  });
});

describe('the buttons', () => {
  it('when partial is pressed, then recommendations fail half the calls and the page is refreshed at once', async () => {
    const res = await json('/api/failure-mode', { mode: 'partial' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'partial', errorRate: 0.5 });
    expect(await failureState()).toMatchObject({ mode: 'partial', errorRate: 0.5 });
    expect(feed.refreshes).toBe(1);
  });

  it.each([
    ['{"mode":"chaos"}', 'application/json', 400, 'INVALID_CONTROL'],
    ['{"mode":"reset"}', 'application/json', 400, 'INVALID_CONTROL'],
    ['{"mode":"hang","hangMs":5}', 'application/json', 400, 'INVALID_CONTROL'],
    ['["hang"]', 'application/json', 400, 'INVALID_CONTROL'],
    ['{"mode":', 'application/json', 400, 'INVALID_JSON'],
    ['mode=hang', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [`{"mode":"hang","x":"${'x'.repeat(2000)}"}`, 'application/json', 413, 'PAYLOAD_TOO_LARGE'],
  ])(
    'when the body is %j (%s), then %i %s and nothing changes',
    async (body, type, status, code) => {
      const res = await request(app())
        .post('/api/failure-mode')
        .set('content-type', type)
        .send(body);

      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(await failureState()).toMatchObject({ mode: 'healthy', errorRate: 0.1 });
      expect(feed.refreshes).toBe(0);
    },
  );

  it.each([
    ['a page on another site', { origin: 'http://evil.example' }],
    ['a rebound DNS name', { host: 'evil.example:8099', origin: 'http://evil.example:8099' }],
  ])('when %s presses a button, then it is refused and nothing changes', async (_who, headers) => {
    const res = await request(app())
      .post('/api/failure-mode')
      .set('content-type', 'application/json')
      .set(headers)
      .send('{"mode":"hang"}');

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FOREIGN_REQUEST');
    expect(await failureState()).toMatchObject({ mode: 'healthy' });
  });

  it('when the service does not answer, then 502 names it', async () => {
    const gone = createDashboardApp(
      { targets: { ...stack.targets, 'recommendations-service': 'http://127.0.0.1:9' } },
      { logger: silentLogger, feed, assets },
    );

    const res = await request(gone)
      .post('/api/failure-mode')
      .set('content-type', 'application/json')
      .send('{"mode":"hang"}');

    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('UPSTREAM_ERROR');
    expect(res.body.error.message).toContain('recommendations-service');
  });

  it('when reset is pressed, then gateway-v2’s open circuit is closed', async () => {
    const v2 = stack.targets['gateway-v2'];
    const post = (url: string, body: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await post(`${v2}/circuit/config`, '{"resetTimeoutMs":60000}');
    await post(`${stack.targets['recommendations-service']}/admin/failure`, '{"mode":"error"}');
    await expect
      .poll(async () => {
        await fetch(`${v2}/product-details/1`).then((r) => r.arrayBuffer());
        return (await (await fetch(`${v2}/circuit-status`)).json()).state;
      })
      .toBe('OPEN');

    const res = await json('/api/circuit/reset', {});
    const withField = await json('/api/circuit/reset', { force: true });

    expect(res.status).toBe(200);
    expect((await (await fetch(`${v2}/circuit-status`)).json()).state).toBe('CLOSED');
    expect(feed.refreshes).toBe(1);
    expect(withField.status).toBe(400);
  });

  it('when a preset is pressed, then gateway-v2’s breaker takes it, and default puts back its start-up options', async () => {
    const before = await circuitStatus();
    const { startup } = (await (
      await fetch(`${stack.targets['gateway-v2']}/circuit/config`)
    ).json()) as {
      startup: Parameters<typeof presetChange>[1];
    };

    const aggressive = await json('/api/circuit/preset', { preset: 'aggressive' });
    const during = await circuitStatus();
    const back = await json('/api/circuit/preset', { preset: 'default' });
    const after = await circuitStatus();
    const unknown = await json('/api/circuit/preset', { preset: 'reckless' });

    expect(aggressive.status).toBe(200);
    expect(during.options).toMatchObject(presetChange('aggressive', startup)!);
    expect(during.options.timeoutMs).not.toBe(before.options.timeoutMs);
    expect(back.status).toBe(200);
    expect(after.options).toEqual(before.options);
    expect(unknown.status).toBe(400);
    expect(feed.refreshes).toBe(2);
  });

  it('when the tour’s next button is pressed, then the tour moves on and the new step is answered', async () => {
    const tour = new FakeTour(['Break it', 'Heal it']);

    const page = await request(app({ tour })).get('/');
    const res = await json('/api/tour/next', {}, { tour });

    expect(page.text).toContain('id="tour"');
    expect(res.status).toBe(200);
    expect(tour.nexts).toBe(1);
    expect(res.body.step).toMatchObject({ index: 1, count: 2, title: 'Heal it' });
  });

  it('when the tour cannot move on, then 502 says so', async () => {
    const tour = new FakeTour(['one']);
    tour.next = () => Promise.reject(new Error('the stack is gone'));

    const res = await json('/api/tour/next', {}, { tour });

    expect(res.status).toBe(502);
    expect(res.body.error).toEqual({
      code: 'TOUR_STEP_FAILED',
      message: expect.stringContaining('the stack is gone'),
    });
  });
});
