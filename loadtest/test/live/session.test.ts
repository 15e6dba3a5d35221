import { scrapeMetrics, startStubUpstream, sumSamples } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { startLiveSession, type LiveSession } from '../../src/live/session.js';
import { startStatusPoll } from '../../src/live/status-poll.js';
import type { LiveStatus } from '../../src/live/types.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';
import { until } from './dashboard-harness.js';
import { circuit, FAILURE } from './fake-feed.js';

let stack: InProcessStack | undefined;
let session: LiveSession | undefined;
afterEach(async () => {
  await session?.stop();
  await stack?.close();
  session = undefined;
  stack = undefined;
});

describe('startLiveSession', () => {
  it('when it runs, then both gateways are loaded, a sample comes each second and the services are read', async () => {
    // Arrange
    stack = await startInProcessStack();
    const live = startLiveSession({
      targets: stack.targets,
      connections: 2,
      clientTimeoutMs: 1000,
      statusPollMs: 100,
      windowSeconds: 2,
    });
    session = live;
    const kinds: string[] = [];
    live.subscribe((event) => kinds.push(event.type));

    // Act
    await until('three samples', () => kinds.filter((k) => k === 'sample').length >= 3, 6000);
    const { samples, status, windowSeconds } = live.snapshot();

    // Assert
    expect(windowSeconds).toBe(2);
    // The oldest seconds were let go: two consecutive ones are left.
    expect(samples).toHaveLength(2);
    expect(samples[0]!.t).toBeGreaterThanOrEqual(1);
    expect(samples[1]!.t).toBe(samples[0]!.t + 1);
    for (const s of samples) {
      expect(s.gateways.v1.outcomes.full).toBeGreaterThan(0);
      expect(s.gateways.v2.outcomes.full).toBeGreaterThan(0);
    }
    expect(status.circuit?.state).toBe('CLOSED');
    expect(status.failure?.mode).toBe('healthy');
    expect(status.pool?.size).toBe(4);
  });

  it('when stopped, then no event comes after and the gateways get no more load', async () => {
    // Arrange
    stack = await startInProcessStack();
    const live = startLiveSession({
      targets: stack.targets,
      connections: 2,
      clientTimeoutMs: 1000,
    });
    session = live;
    let events = 0;
    live.subscribe(() => (events += 1));
    await until('a first sample', () => live.snapshot().samples.length > 0);

    // Act
    await live.stop();
    const after = events;
    const served = async () =>
      sumSamples(
        await scrapeMetrics(stack!.targets['gateway-v1']),
        'gateway_http_request_duration_seconds_count',
        { route: '/product-details/:id' },
      );
    const atStop = await served();
    // Not readiness: a stretch of time in which nothing may happen.
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Assert
    expect(events).toBe(after);
    // Requests already on their way when it stopped may still finish: one per connection.
    expect((await served()) - atStop).toBeLessThanOrEqual(2);
  });
});

describe('startStatusPoll', () => {
  it('when one service does not answer, then its part is null and the others are still read', async () => {
    // Arrange
    const v2 = await startStubUpstream(() => ({ body: circuit() }));
    const recs = await startStubUpstream(() => ({ body: FAILURE }));
    const reads: LiveStatus[] = [];

    // Act
    const poll = startStatusPoll({
      targets: {
        'gateway-v1': 'http://127.0.0.1:9',
        'gateway-v2': v2.url,
        'recommendations-service': recs.url,
      },
      intervalMs: 50,
      onStatus: (s) => reads.push(s),
    });
    await until('two reads', () => reads.length >= 2);
    await poll.stop();
    await Promise.all([v2.close(), recs.close()]);

    // Assert
    expect(reads[0]).toMatchObject({
      pool: null,
      failure: { mode: 'healthy' },
      circuit: { state: 'CLOSED' },
    });
  });
});
