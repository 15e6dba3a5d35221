import { scrapeMetrics, sumSamples } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { startLiveSession, type LiveSession } from '../../src/live/session.js';
import type { LiveEvent, LiveSecond } from '../../src/live/types.js';
import type { LoadSpec } from '../../src/model/load.js';
import { arrivalsOf } from '../../src/model/outcome.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';

const RATE = 30;
const OPEN: LoadSpec = {
  model: 'open',
  rate: RATE,
  arrivals: 'uniform',
  seed: 1,
  socketBudget: 200,
  patienceMs: 500,
  clientTimeoutMs: 2000,
};

let stack: InProcessStack | undefined;
let session: LiveSession | undefined;
afterEach(async () => {
  await session?.stop();
  await stack?.close();
  session = undefined;
  stack = undefined;
});

function record(live: LiveSession) {
  const events: LiveEvent[] = [];
  live.subscribe((event) => events.push(event));
  const seconds = () =>
    events
      .filter((e): e is Extract<LiveEvent, { type: 'second' }> => e.type === 'second')
      .map((e) => e.second);
  return { events, seconds };
}

describe('startLiveSession', () => {
  it('when it runs, then users arrive at both gateways at the rate, a second comes each second and the services are read', async () => {
    stack = await startInProcessStack();
    const live = startLiveSession({
      targets: stack.targets,
      load: OPEN,
      statusPollMs: 100,
      probeIntervalMs: 100,
      windowSeconds: 2,
    });
    session = live;
    const { seconds } = record(live);

    await expect
      .poll(() => seconds().length, { timeout: 8000, interval: 100 })
      .toBeGreaterThanOrEqual(3);
    const snapshot = live.snapshot();

    const all = seconds();
    const last: LiveSecond = all.at(-1)!;
    for (const g of ['v1', 'v2'] as const) {
      // Each second is read a little after it ends: the total, not each second, is exact.
      const arrived = all.reduce((n, x) => n + x.gateways[g].arrived, 0);
      expect(arrived).toBeGreaterThanOrEqual(RATE * (all.length - 0.5));
      expect(arrived).toBeLessThanOrEqual(RATE * (all.length + 1));
      const s = last.gateways[g];
      expect(s.outcomes.full).toBeGreaterThan(0);
      expect(s.answeredInTime).toBe(s.outcomes.full + s.outcomes.degraded);
      expect(arrivalsOf(s.outcomes)).toBeGreaterThan(0);
      expect(s.probes.ended).toBeGreaterThan(0);
      expect(s.probes.inTime).toBe(s.probes.ended);
    }
    expect(last.circuit).toBe('CLOSED');
    expect(last.mode).toBe('healthy');
    expect(last.pool?.size).toBe(4);
    expect(snapshot.seconds.map((s) => s.t)).toEqual(
      seconds()
        .slice(-2)
        .map((s) => s.t),
    );
    expect(snapshot.load).toEqual(OPEN);
    expect(snapshot.status.circuit?.state).toBe('CLOSED');
    expect(snapshot.status.breakerConfig?.startup.timeoutMs).toBe(50);
    expect(snapshot.status.failure?.mode).toBe('healthy');
    expect(snapshot.status.users.v1.probe.last?.inTime).toBe(true);
    expect(snapshot.status.dependency?.gateways.v1.perSecond).toBeGreaterThan(0);
    expect(snapshot.status.dependency?.gateways.v2.perSecond).toBeGreaterThan(0);
  });

  it('when recommendations hang, then gateway-v1’s users wait and its pool fills, while gateway-v2’s do not', async () => {
    stack = await startInProcessStack({ HANG_MS: '1500', V1_UPSTREAM_TIMEOUT_MS: '3000' });
    const live = startLiveSession({ targets: stack.targets, load: OPEN, statusPollMs: 100 });
    session = live;
    await expect
      .poll(() => live.snapshot().status.failure?.mode, { timeout: 5000 })
      .toBe('healthy');

    await fetch(`${stack.targets['recommendations-service']}/admin/failure`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"mode":"hang"}',
    });

    await expect
      .poll(() => live.snapshot().status.users.v1.waiting, { timeout: 5000 })
      .toBeGreaterThan(10);
    await expect
      .poll(() => live.snapshot().status.pool?.waiting ?? 0, { timeout: 5000 })
      .toBeGreaterThan(0);
    expect(live.snapshot().status.pool?.active).toBe(4);
    expect(live.snapshot().status.users.v2.waiting).toBeLessThan(5);
    await expect
      .poll(() => live.snapshot().status.circuit?.state, { timeout: 5000 })
      .not.toBe('CLOSED');
  });

  it('when given a closed loop, then that is the load it puts on the gateways', async () => {
    stack = await startInProcessStack();
    const closed: LoadSpec = {
      model: 'closed',
      connections: 2,
      patienceMs: 500,
      clientTimeoutMs: 2000,
    };
    const live = startLiveSession({ targets: stack.targets, load: closed });
    session = live;
    const { seconds } = record(live);

    await expect.poll(() => seconds().length, { timeout: 5000 }).toBeGreaterThanOrEqual(1);

    expect(live.snapshot().load).toEqual(closed);
    expect(seconds()[0]?.gateways.v1.outcomes.full).toBeGreaterThan(0);
    expect(live.snapshot().status.users.v1.waiting).toBe(2);
  });

  it('when given no users, then it only probes and reads the services, and the page is told so', async () => {
    stack = await startInProcessStack();
    const live = startLiveSession({
      targets: stack.targets,
      load: null,
      statusPollMs: 50,
      probeIntervalMs: 50,
    });
    session = live;
    const { seconds } = record(live);

    await expect
      .poll(() => seconds().length, { timeout: 5000, interval: 100 })
      .toBeGreaterThanOrEqual(2);
    const last = seconds().at(-1)!;

    expect(live.snapshot()).toMatchObject({ load: null, patienceMs: 5000 });
    for (const g of ['v1', 'v2'] as const) {
      expect(last.gateways[g].arrived).toBe(0);
      expect(last.gateways[g].probes.ended).toBeGreaterThan(0);
    }
    expect(last.circuit).toBe('CLOSED');
  });

  it('when stopped, then no event comes after and the gateways get no more load', async () => {
    stack = await startInProcessStack();
    const live = startLiveSession({ targets: stack.targets, load: OPEN, statusPollMs: 100 });
    session = live;
    const { events, seconds } = record(live);
    await expect.poll(() => seconds().length, { timeout: 5000 }).toBeGreaterThan(0);

    await live.stop();
    const after = events.length;
    const served = async () =>
      sumSamples(
        await scrapeMetrics(stack!.targets['gateway-v1']),
        'gateway_http_request_duration_seconds_count',
        {
          route: '/product-details/:id',
        },
      );
    const atStop = await served();
    // Not readiness: a stretch of time in which nothing may happen.
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(events.length).toBe(after);
    // Requests already in the gateway when it stopped may still be counted: a few at most.
    expect(await served()).toBeLessThanOrEqual(atStop + 2);
  });
});
