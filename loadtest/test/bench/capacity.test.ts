import { startStubUpstream, type StubUpstream } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { measureAlternating, measureThroughput, toTarget } from '../../src/bench/capacity.js';

let stub: StubUpstream | undefined;
let other: StubUpstream | undefined;
afterEach(async () => {
  await Promise.all([stub?.close(), other?.close()]);
  stub = undefined;
  other = undefined;
});

describe('measureThroughput', () => {
  it('when a server answers, then its answers per second, latency, degraded answers, CPU time and RSS are measured', async () => {
    stub = await startStubUpstream(() => ({ body: { product: { id: 1 }, degradedMode: true } }));

    const run = await measureThroughput(
      { name: 'stub', url: `${stub.url}/x`, pid: process.pid },
      4,
      600,
    );

    expect(run.responses).toBeLessThanOrEqual(stub.hits());
    expect(run.responses).toBeGreaterThanOrEqual(stub.hits() - 4);
    expect(run.reqPerSec).toBeGreaterThan(50);
    expect(run.failed).toBe(0);
    expect(run.degraded).toBe(run.responses);
    expect(run.cpuUsPerRequest).toBeGreaterThan(0);
    expect(run.peakRssMb).toBeGreaterThan(10);
  });

  it('when the answers are errors and no process is named, then they count as failed and no CPU figure is made', async () => {
    stub = await startStubUpstream(() => ({ status: 503, body: {} }));

    const run = await measureThroughput({ name: 'stub', url: `${stub.url}/x` }, 2, 300);

    expect(run.failed).toBe(run.responses);
    expect(run.degraded).toBe(0);
    expect(run.cpuUsPerRequest).toBeNull();
  });
});

describe('measureAlternating', () => {
  it('when two targets are measured, then each round runs them in the reverse order of the last and each keeps its own runs', async () => {
    stub = await startStubUpstream(() => ({ body: { product: { id: 1 }, degradedMode: true } }));
    other = await startStubUpstream(() => ({ body: { product: { id: 1 }, degradedMode: true } }));
    const order: string[] = [];

    const results = await measureAlternating(
      [
        { name: 'a', url: `${stub.url}/x` },
        { name: 'b', url: `${other.url}/x` },
      ],
      {
        connections: 2,
        warmupMs: 100,
        runMs: 150,
        rounds: 3,
        onRun: (round, name) => order.push(`${round}${name}`),
      },
    );

    expect(order).toEqual(['1a', '1b', '2b', '2a', '3a', '3b']);
    expect(results.a?.runs).toHaveLength(3);
    expect(results.b?.runs).toHaveLength(3);
    expect(results.a?.url).toBe(`${stub.url}/x`);
  });
});

describe('toTarget', () => {
  it('when runs differ, then each figure is their median and a missing figure stays missing', () => {
    const run = (reqPerSec: number) => ({
      durationMs: 1,
      reqPerSec,
      p50Ms: 1,
      p99Ms: reqPerSec / 10,
      responses: 1,
      failed: 0,
      degraded: 0,
      cpuUsPerRequest: null,
      peakRssMb: null,
    });

    const target = toTarget('http://x', [run(100), run(300), run(200)]);

    expect(target.median).toEqual({
      reqPerSec: 200,
      p50Ms: 1,
      p99Ms: 20,
      cpuUsPerRequest: null,
      peakRssMb: null,
    });
  });
});
