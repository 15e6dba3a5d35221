import { startStubUpstream, type StubUpstream } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThroughputRun } from '../../src/bench/schema.js';
import { measureThroughput, median, toTarget } from '../../src/bench/throughput.js';

let stub: StubUpstream | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const details = { product: { id: 1 }, recommendations: [], degradedMode: true };

const run = (reqPerSec: number, p99Ms: number, cpu: number | null = null): ThroughputRun => ({
  durationMs: 5000,
  reqPerSec,
  p50Ms: p99Ms / 2,
  p99Ms,
  responses: reqPerSec * 5,
  failed: 0,
  cpuUsPerRequest: cpu,
  peakRssMb: null,
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
    [[null, 5, null, 1], 3],
    [[], null],
    [[null], null],
  ])('when the values are %j, then the median is %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('toTarget', () => {
  it('when one of five runs was slowed by a busy neighbour, then the medians ignore it', () => {
    const runs = [
      run(4000, 40, 250),
      run(4100, 38, 240),
      run(1200, 400, 600),
      run(3900, 42, 260),
      run(4050, 39, 245),
    ];

    const target = toTarget('http://x/product-details/1', runs);

    expect(target.median).toEqual({
      reqPerSec: 4000,
      p50Ms: 20,
      p99Ms: 40,
      cpuUsPerRequest: 250,
      peakRssMb: null,
    });
    expect(target.runs).toHaveLength(5);
  });
});

describe('measureThroughput', () => {
  it('when a server answers, then its answers per second, latency, CPU time and RSS are measured', async () => {
    stub = await startStubUpstream(() => ({ body: details }));

    const result = await measureThroughput({
      url: `${stub.url}/product-details/1`,
      connections: 4,
      durationMs: 500,
      pid: process.pid,
    });

    expect(result.responses).toBeGreaterThan(20);
    expect(result.failed).toBe(0);
    expect(result.reqPerSec).toBeCloseTo(result.responses / (result.durationMs / 1000), 0);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    expect(result.cpuUsPerRequest).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeGreaterThan(10);
  });

  it('when a server answers with errors, then they are counted as failed, and no pid means no CPU figure', async () => {
    stub = await startStubUpstream(() => ({
      status: 502,
      body: { error: { code: 'X', message: 'x' } },
    }));

    const result = await measureThroughput({
      url: `${stub.url}/product-details/1`,
      connections: 2,
      durationMs: 300,
    });

    expect(result.failed).toBe(result.responses);
    expect(result.cpuUsPerRequest).toBeNull();
    expect(result.peakRssMb).toBeNull();
  });
});
