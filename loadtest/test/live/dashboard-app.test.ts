import { readEventStream, timedGet } from '@cbd/common/tools';
import { describe, expect, it } from 'vitest';
import type { SnapshotView } from '../../src/live/event-stream.js';
import { useDashboard, until } from './dashboard-harness.js';
import { circuit, liveSample, STATUS } from './fake-feed.js';

const h = useDashboard();

describe('the dashboard page', () => {
  it('when the page is loaded, then its policy keeps it on this server and every file it asks for is served here', async () => {
    // Act
    const res = await fetch(`${h.dashboard.url}/`);
    const html = await res.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    const modules = await Promise.all(
      refs.filter((r) => r.endsWith('.js')).map((r) => fetch(`${h.dashboard.url}${r}`)),
    );
    const imports = Object.values(h.assets).flatMap((a) =>
      [...a.body.matchAll(/^import .* from '\.\/([^']+)';$/gm)].map((m) => m[1]!),
    );

    // Assert
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(refs.every((r) => r.startsWith('/assets/') || r.startsWith('data:'))).toBe(true);
    expect(modules.map((m) => m.status)).toEqual(modules.map(() => 200));
    expect(imports.length).toBeGreaterThan(2);
    for (const name of imports) expect(Object.keys(h.assets)).toContain(name);
  });

  it.each(['nope.js', 'constructor', '..%2Fsession.ts'])(
    'when the asset %s is asked for, then it is a 404 in the JSON error shape',
    async (name) => {
      const { status, body } = await timedGet(`${h.dashboard.url}/assets/${name}`);

      expect(status).toBe(404);
      expect(body.error.code).toBe('ROUTE_NOT_FOUND');
    },
  );
});

describe('GET /events', () => {
  it('when a page connects, then it gets the history first, then each sample and status as they come', async () => {
    // Arrange
    const stream = await readEventStream(`${h.dashboard.url}/events`);

    // Act
    const snapshot = await stream.waitFor((e) => e.event === 'snapshot');
    h.feed.emit({ type: 'sample', sample: liveSample(2) });
    h.feed.emit({ type: 'status', status: { ...STATUS, circuit: circuit({ state: 'OPEN' }) } });
    const sample = await stream.waitFor((e) => e.event === 'sample');
    const status = await stream.waitFor((e) => e.event === 'status');
    stream.close();

    // Assert
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    expect(stream.events[0]?.event).toBe('snapshot');
    const history = JSON.parse(snapshot.data) as SnapshotView;
    expect(history.samples.map((s) => s.t)).toEqual([0, 1]);
    expect(history.status.mode.current).toBe('healthy');
    expect(JSON.parse(sample.data).gateways.v1.requests).toBe(10);
    expect(JSON.parse(status.data).circuit.label).toBe('OPEN');
  });

  it('when the page goes away, then its stream stops listening to the feed', async () => {
    // Arrange
    const stream = await readEventStream(`${h.dashboard.url}/events`);
    await stream.waitFor((e) => e.event === 'snapshot');
    expect(h.feed.listeners).toBe(1);

    // Act
    stream.close();

    // Assert
    await until('the listener to go', () => h.feed.listeners === 0);
  });

  it('when the dashboard is closing, then open streams end and the server can close', async () => {
    // Arrange
    const stream = await readEventStream(`${h.dashboard.url}/events`);
    await stream.waitFor((e) => e.event === 'snapshot');

    // Act
    h.closing.abort();

    // Assert
    await until('the stream to end', () => h.feed.listeners === 0);
    const started = Date.now();
    await h.dashboard.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('when the snapshot is read as JSON, then it holds the same views', async () => {
    const { status, body } = await timedGet(`${h.dashboard.url}/api/snapshot`);

    expect(status).toBe(200);
    expect(body).toMatchObject({ windowSeconds: 60, connections: 10 });
    expect(body.samples).toHaveLength(2);
  });
});
