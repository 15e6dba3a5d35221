import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/browser/format.js';
import { evaluateGoals } from '../../src/bench/goals.js';
import type { BenchMeasurements, Goal } from '../../src/bench/schema.js';
import { loadBench } from './fixtures.js';

const byId = (goals: Goal[], id: Goal['id']) => goals.find((g) => g.id === id)!;

describe('evaluateGoals', () => {
  it('when the fixture is judged again, then the same goals and verdicts come out', () => {
    const bench = loadBench();

    expect(evaluateGoals(bench.measurements, bench.settings)).toEqual(bench.goals);
  });

  it('when v2 open serves 0.95× the bare proxy at 1.1× its p99, then both goals pass with their ratios', () => {
    const { measurements, settings } = loadBench();
    const m = structuredClone(measurements);
    m.bare.median = { ...m.bare.median, reqPerSec: 4000, p99Ms: 40 };
    m.v2Open.median = { ...m.v2Open.median, reqPerSec: 3800, p99Ms: 44 };

    const goals = evaluateGoals(m, settings);

    expect(byId(goals, 'open-vs-bare-throughput')).toMatchObject({
      measured: 0.95,
      result: 'pass',
    });
    expect(byId(goals, 'open-vs-bare-p99')).toMatchObject({ measured: 1.1, result: 'pass' });
  });

  it('when v2 open is at 0.85× the throughput and 1.3× the p99, then both are misses', () => {
    const { measurements, settings } = loadBench();
    const m = structuredClone(measurements);
    m.bare.median = { ...m.bare.median, reqPerSec: 4000, p99Ms: 40 };
    m.v2Open.median = { ...m.v2Open.median, reqPerSec: 3400, p99Ms: 52 };

    const goals = evaluateGoals(m, settings);

    expect(byId(goals, 'open-vs-bare-throughput').result).toBe('miss');
    expect(byId(goals, 'open-vs-bare-p99').result).toBe('miss');
  });

  it('when the rounds disagree, then the throughput figure gives the ratio’s range round by round', () => {
    const { measurements, settings } = loadBench();
    const m = structuredClone(measurements);
    const rounds = (rates: number[]) =>
      rates.map((reqPerSec, i) => ({ ...m.bare.runs[i % m.bare.runs.length]!, reqPerSec }));
    m.bare.runs = rounds([5000, 4000, 5000]);
    m.v2Open.runs = rounds([4300, 3800, 4600]);

    const throughput = byId(evaluateGoals(m, settings), 'open-vs-bare-throughput');

    expect(throughput.detail).toMatch(/; 0\.86–0\.95× round by round$/);
  });

  it('when there was one round only, then no range is given', () => {
    const { measurements, settings } = loadBench();
    const m = structuredClone(measurements);
    m.bare.runs = m.bare.runs.slice(0, 1);
    m.v2Open.runs = m.v2Open.runs.slice(0, 1);

    const throughput = byId(evaluateGoals(m, settings), 'open-vs-bare-throughput');

    expect(throughput.detail).not.toContain('round by round');
  });

  it('when some of v2’s healthy answers came from the fallback, then the healthy figure says how many had recommendations', () => {
    const { measurements, settings } = loadBench();
    const m = structuredClone(measurements);
    m.v2Healthy.runs = m.v2Healthy.runs.map((r) => ({
      ...r,
      responses: 1000,
      failed: 100,
      degraded: 150,
    }));

    const healthy = byId(evaluateGoals(m, settings), 'healthy-vs-bare-throughput');

    expect(healthy.detail).toContain(`${formatPercent(0.75)} of its answers with recommendations`);
  });

  it('when the time goals are judged, then their limits follow the breaker settings of the run', () => {
    const { measurements, settings } = loadBench();
    const full = {
      ...settings,
      services: {
        ...settings.services,
        v2: { ...settings.services.v2, timeoutMs: 2000, resetTimeoutMs: 10_000 },
      },
    };
    const m: BenchMeasurements = {
      ...measurements,
      protection: { ...measurements.protection, timeToProtectMs: 1100, timeToHealMs: 10_900 },
    };

    const goals = evaluateGoals(m, full);

    expect(byId(goals, 'time-to-protect')).toMatchObject({
      goal: { op: 'max', value: 1000 },
      result: 'miss',
    });
    expect(byId(goals, 'time-to-heal')).toMatchObject({
      goal: { op: 'max', value: 11_000 },
      result: 'pass',
    });
  });

  it('when a figure could not be measured, then it is "unmeasured", neither pass nor miss', () => {
    const { measurements, settings } = loadBench();
    const m = structuredClone(measurements);
    m.protection.timeToHealMs = null;
    m.outage.v2.peakRssMb = null;

    const goals = evaluateGoals(m, settings);

    for (const id of ['time-to-heal', 'rss-v2'] as const)
      expect(byId(goals, id).result).toBe('unmeasured');
  });

  it('when the bulkhead dropped the recommendations of a user in 500 with nothing wrong, then the burst goal is missed', () => {
    const { measurements, settings } = loadBench();
    const m = structuredClone(measurements);
    const sized = m.bursts.find(
      (b) => b.dependencyLatencyMs === 0 && b.capacity === m.protection.capacity,
    )!;
    sized.rejectedShare = 0.002;

    expect(byId(evaluateGoals(m, settings), 'burst-rejections')).toMatchObject({
      measured: 0.002,
      result: 'miss',
    });
  });

  it("when the breaker overhead is judged, then it is a share of v2's CPU time per request", () => {
    const { measurements, settings } = loadBench();
    const m = structuredClone(measurements);
    m.v2Open.median.cpuUsPerRequest = 200;
    m.breakerOverhead.openOverheadNs = 4000;
    m.breakerOverhead.closedOverheadNs = 12_000;

    const goals = evaluateGoals(m, settings);

    expect(byId(goals, 'breaker-open-share')).toMatchObject({ measured: 0.02, result: 'pass' });
    expect(byId(goals, 'breaker-closed-share')).toMatchObject({ measured: 0.06, result: 'miss' });
  });

  it('when /proc could not give the CPU time, then a request costs one second over its req/s', () => {
    const { measurements, settings } = loadBench();
    const m = structuredClone(measurements);
    m.v2Open.median = { ...m.v2Open.median, cpuUsPerRequest: null, reqPerSec: 5000 };
    m.breakerOverhead.openOverheadNs = 2000;

    expect(byId(evaluateGoals(m, settings), 'breaker-open-share').measured).toBe(0.01);
  });

  it('when figures are only reported, then they have no goal and the result "info"', () => {
    const bench = loadBench();

    const info = evaluateGoals(bench.measurements, bench.settings).filter((g) => g.goal === null);

    expect(info.every((g) => g.result === 'info' || g.result === 'unmeasured')).toBe(true);
    expect(info.map((g) => g.id)).toContain('time-to-protect-wide');
  });
});
