import { startStubUpstream, type StubUpstream } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { startClosedLoad } from '../../src/runner/closed-loop.js';

let stub: StubUpstream | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const LOAD = { model: 'closed', connections: 2, patienceMs: 100, clientTimeoutMs: 1000 } as const;

describe('startClosedLoad', () => {
  it('when the gateway answers, then each request is a user classified by its body and its wait', async () => {
    let n = 0;
    stub = await startStubUpstream(() => {
      n += 1;
      const degradedMode = n % 2 === 0;
      return { body: { product: { id: 1 }, degradedMode }, delayMs: n % 5 === 0 ? 150 : 0 };
    });

    const recording = await startClosedLoad({
      url: `${stub.url}/product-details/1`,
      load: LOAD,
      durationMs: 500,
      t0: Date.now(),
    }).done;

    const outcomes = new Set(recording.arrivals.map((r) => r.outcome));
    expect(outcomes).toEqual(new Set(['full', 'degraded', 'tooLate']));
    expect(recording.arrivals.length).toBe(recording.raw.requests.total);
    expect(recording.schedule).toBeNull();
    for (const r of recording.arrivals.filter((a) => a.outcome === 'tooLate'))
      expect(r.latencyMs).toBeGreaterThan(100);
  });

  it('when the gateway never answers, then each connection times out once per client timeout', async () => {
    stub = await startStubUpstream(() => ({ hang: true }));

    const recording = await startClosedLoad({
      url: `${stub.url}/product-details/1`,
      load: { ...LOAD, clientTimeoutMs: 1000 },
      durationMs: 1500,
      t0: Date.now(),
    }).done;

    expect(recording.arrivals.length).toBe(2);
    expect(recording.arrivals.every((r) => r.outcome === 'timedOut' && r.latencyMs === 1000)).toBe(
      true,
    );
  });
});
