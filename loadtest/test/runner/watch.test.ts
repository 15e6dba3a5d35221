import { startStubUpstream, type StubUpstream } from '@cbd/common/tools';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { poll, watchCircuit, watchPool } from '../../src/runner/watch.js';
import { breakerDefaults } from '../helpers/breaker.js';

let stub: StubUpstream | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const at = (ms: number) => new Date(ms).toISOString();
const counts = {
  fires: 0,
  successes: 0,
  failures: 0,
  timeouts: 0,
  rejects: 0,
  fallbacks: 0,
  semaphoreRejections: 0,
};

describe('poll', () => {
  it('when a read takes part of the interval, then the next starts an interval after the last began, one at a time', async () => {
    const starts: number[] = [];
    let inFlight = 0;
    let most = 0;
    const stop = poll(40, async () => {
      starts.push(Date.now());
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 15));
      inFlight -= 1;
    });
    await vi.waitFor(() => expect(starts.length).toBeGreaterThanOrEqual(4), {
      timeout: 2000,
      interval: 5,
    });
    await stop();
    expect(most).toBe(1);
    for (let i = 1; i < starts.length; i += 1) {
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(38);
      expect(starts[i]! - starts[i - 1]!).toBeLessThan(200);
    }
  });

  it('when stopped between reads, then it ends at once instead of waiting out the interval', async () => {
    let reads = 0;
    const stop = poll(60_000, () => {
      reads += 1;
      return Promise.resolve();
    });
    await vi.waitFor(() => expect(reads).toBe(1), { timeout: 1000, interval: 5 });
    const asked = Date.now();
    await stop();
    expect(Date.now() - asked).toBeLessThan(500);
    expect(reads).toBe(1);
  });
});

describe('watchCircuit', () => {
  it('when the breaker moves during the run, then its states are polled and its own log is kept from t0 on', async () => {
    const t0 = Date.now();
    let state = 'CLOSED';
    stub = await startStubUpstream(() => ({
      body: {
        name: 'recommendations-service',
        state,
        stats: counts,
        totals: counts,
        options: {
          ...breakerDefaults(),
          timeoutMs: 1,
          errorThresholdPercentage: 50,
          volumeThreshold: 1,
          resetTimeoutMs: 1,
          capacity: 1,
          rollingWindowMs: 10,
        },
        optionsChangedAt: null,
        lastTransition: null,
        nextAttemptAt: null,
        transitions: [
          { from: 'CLOSED', to: 'OPEN', at: at(t0 - 5000) },
          { from: 'CLOSED', to: 'OPEN', at: at(t0 + 20) },
        ],
        probes: [{ at: at(t0 + 30), latencyMs: 5, result: 'failure', to: 'OPEN' }],
        protections: ['timeout', 'fallback', 'breaker', 'bulkhead'],
      },
    }));
    const watch = watchCircuit(stub.url, 20, t0);
    await expect.poll(() => watch.state).toBe('CLOSED');
    state = 'OPEN';
    await expect.poll(() => watch.state).toBe('OPEN');

    const record = await watch.stop();

    expect(record.samples.map((s) => s.state)).toContain('OPEN');
    expect(record.transitions).toEqual([{ from: 'CLOSED', to: 'OPEN', at: at(t0 + 20), t: 20 }]);
    expect(record.probes).toMatchObject([{ t: 30, result: 'failure' }]);
  });

  it('when the gateway answers outside the contract, then the answer is not used', async () => {
    stub = await startStubUpstream(() => ({ body: { state: 'BROKEN' } }));
    const watch = watchCircuit(stub.url, 20, Date.now());
    await expect.poll(() => stub?.hits() ?? 0).toBeGreaterThan(2);

    const record = await watch.stop();

    expect(watch.state).toBeUndefined();
    expect(record.samples).toEqual([]);
  });
});

describe('watchPool', () => {
  it('when the pool fills, then each read is kept with its offset', async () => {
    let active = 0;
    stub = await startStubUpstream(() => ({
      body: {
        size: 4,
        active: Math.min(4, (active += 1)),
        waiting: 0,
        upstreamTimeoutMs: 100,
        retries: 0,
      },
    }));
    const watch = watchPool(stub.url, 10, Date.now());
    await expect.poll(() => watch.last?.active).toBe(4);

    const samples = await watch.stop();

    expect(samples.at(-1)).toMatchObject({ size: 4, active: 4, waiting: 0 });
    expect(samples.every((s, i) => i === 0 || s.t >= samples[i - 1]!.t)).toBe(true);
  });
});
