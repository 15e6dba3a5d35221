import { startStubUpstream, type StubUpstream } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { startStatusPoll, type PolledStatus } from '../../src/live/status-poll.js';

const FAILURE = {
  mode: 'healthy',
  hangMs: 300,
  latencyMs: 100,
  errorRate: 0.5,
  hanging: 0,
  changedAt: '2026-01-01T00:00:00.000Z',
  capacity: { limit: 0, workMs: 0, busy: 0, queued: 0 },
  callers: {},
};
const NOWHERE = 'http://127.0.0.1:9';

let stub: StubUpstream | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function poll(body: () => unknown, reads: number): Promise<PolledStatus[]> {
  stub = await startStubUpstream(() => ({ body: body() }));
  const seen: PolledStatus[] = [];
  const running = startStatusPoll({
    targets: { 'gateway-v1': NOWHERE, 'gateway-v2': NOWHERE, 'recommendations-service': stub.url },
    intervalMs: 50,
    onStatus: (s) => seen.push(s),
  });
  await expect.poll(() => seen.length, { timeout: 5000 }).toBeGreaterThanOrEqual(reads);
  await running.stop();
  return seen;
}

describe('startStatusPoll', () => {
  it('when no gateway has called yet, then both show no calls, and the unreachable gateways are null', async () => {
    const seen = await poll(() => FAILURE, 2);

    expect(seen[0]?.failure).toMatchObject({ mode: 'healthy', hangMs: 300 });
    expect(seen[1]?.dependency?.gateways.v1).toEqual({ perSecond: 0, inFlight: 0 });
    expect(seen[0]?.circuit).toBeNull();
    expect(seen[0]?.pool).toBeNull();
  });

  it('when it reports running totals per caller, then calls per second come from two reads in a row', async () => {
    let reads = 0;
    const body = () => {
      reads += 1;
      return {
        ...FAILURE,
        callers: {
          'gateway-v1': { total: reads * 10, inFlight: 4 },
          'gateway-v2': { total: 7, inFlight: 0 },
        },
        capacity: { limit: 8, workMs: 5, busy: 3, queued: 2 },
      };
    };

    const seen = await poll(body, 3);

    expect(seen[0]?.dependency?.gateways.v1.perSecond).toBeNull();
    const second = seen[1]!;
    const gapS = (Date.parse(second.readAt) - Date.parse(seen[0]!.readAt)) / 1000;
    expect(second.dependency?.gateways.v1.perSecond).toBeCloseTo(10 / gapS, 0);
    expect(second.dependency?.gateways.v1.inFlight).toBe(4);
    expect(second.dependency?.gateways.v2.perSecond).toBe(0);
    expect(second.dependency?.capacity).toEqual({ limit: 8, workMs: 5, busy: 3, queued: 2 });
  });

  it('when the service answers outside its contract, then its part is null rather than wrong', async () => {
    const [first] = await poll(() => ({ ...FAILURE, mode: 'chaos' }), 1);

    expect(first?.failure).toBeNull();
    expect(first?.dependency).toBeNull();
  });
});
