import { describe, expect, it } from 'vitest';
import { probeVerdict } from '../../src/browser/format.js';
import { circuitSegments } from '../../src/model/circuit.js';
import { OUTCOMES } from '../../src/model/outcome.js';
import { sickWindow } from '../../src/model/phases.js';
import { scenarioCharts, type ChartDef } from '../../src/report/html-charts.js';
import { loadFixture } from './fixtures.js';

const report = loadFixture('report');
const timeline = report.scenarios.timeline!;
const outage = report.scenarios.outage!;
const chartsOf = (s = timeline) => scenarioCharts(report, s);
const chart = (id: string, s = timeline): ChartDef => {
  const found = chartsOf(s).find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
};
const series = (c: ChartDef, label: string) => {
  const found = c.spec.series.find((s) => s.label === label);
  if (!found) throw new Error(`no series ${label} in ${c.id}`);
  return found;
};

describe('scenarioCharts', () => {
  it('when the scenario is the timeline, then it has the charts over time, then the summaries, in reading order', () => {
    expect(chartsOf().map((c) => c.id)).toEqual([
      'timeline-arrivals',
      'timeline-waiting',
      'timeline-pool',
      'timeline-breaker',
      'timeline-p99',
      'timeline-latency',
      'timeline-outcomes',
      'timeline-collateral',
    ]);
  });

  it('when the scenario is the outage, then only the breaker is drawn over time (the gateways ran in turn)', () => {
    expect(chartsOf(outage).map((c) => c.id)).toEqual([
      'outage-breaker',
      'outage-latency',
      'outage-outcomes',
      'outage-collateral',
    ]);
  });

  it('when drawn, then users waiting are each gateway’s per-second samples at the end of their second', () => {
    const c = chart('timeline-waiting');

    for (const g of ['v1', 'v2'] as const)
      expect(series(c, `gateway-${g}: users waiting`).points).toEqual(
        timeline.gateways[g].samples.map((s) => ({ x: s.t + 1, y: s.waiting })),
      );
    expect(c.spec.y.max).toBeGreaterThan(
      Math.max(...timeline.gateways.v1.samples.map((s) => s.waiting)),
    );
  });

  it('when drawn, then users arriving and answered in time per second come from the samples', () => {
    const c = chart('timeline-arrivals');
    const v1 = timeline.gateways.v1.samples;

    expect(series(c, 'gateway-v1: users arriving').points?.map((p) => p.y)).toEqual(
      v1.map((s) => s.arrivals),
    );
    expect(series(c, 'gateway-v1: answered in time').points?.map((p) => p.y)).toEqual(
      v1.map((s) => s.answeredInTime),
    );
  });

  it('when drawn, then gateway-v1’s pool shows its places in use and its queue, with its size marked', () => {
    const c = chart('timeline-pool');
    const pool = timeline.gateways.v1.pool!;

    expect(series(c, 'places in use').points).toEqual(
      pool.map((p) => ({ x: p.t / 1000, y: p.active })),
    );
    const queue = c.spec.series.find((s) => s.axis === 'y2');
    expect(queue?.points?.map((p) => p.y)).toEqual(pool.map((p) => p.waiting));
    expect(c.spec.y2?.max).toBeGreaterThanOrEqual(Math.max(...pool.map((p) => p.waiting)));
    expect(c.spec.backdrop?.lines).toEqual([
      { value: pool[0]!.size, label: expect.stringContaining('pool size') },
    ]);
  });

  it('when drawn, then the breaker’s band is its recorded states and each half-open probe is a mark and a line of text', () => {
    const c = chart('timeline-breaker');
    const v2 = timeline.gateways.v2;
    const probes = v2.circuit!.probes;

    expect(c.spec.backdrop?.circuit).toEqual(
      circuitSegments(v2.circuit!, v2.startMs, timeline.durationMs).map((s) => ({
        state: s.state,
        fromS: s.startMs / 1000,
        toS: s.endMs / 1000,
      })),
    );
    const marks = c.spec.series.flatMap((s) => s.points ?? []);
    expect(marks.map((p) => p.x).sort()).toEqual(probes.map((p) => p.t / 1000).sort());
    expect(c.list).toHaveLength(probes.length);
    probes.forEach((p, i) => expect(c.list[i]).toContain(probeVerdict(p)));
    expect(c.spec.backdrop?.lines?.[0]?.value).toBe(report.config.services.v2.timeoutMs);
  });

  it('when the dependency was sick for a stretch, then that stretch is shaded on the charts over time', () => {
    const sick = sickWindow(timeline.phases)!;

    for (const id of ['timeline-arrivals', 'timeline-waiting', 'timeline-p99'])
      expect(chart(id).spec.backdrop?.sick).toEqual([
        {
          fromS: sick.startMs / 1000,
          toS: sick.healedAtMs! / 1000,
          label: 'recommendations: hang',
        },
      ]);
    expect(chart('outage-collateral', outage).spec.backdrop?.sick).toBeUndefined();
  });

  it('when drawn, then what users got is each outcome’s share of the users who arrived, summing to 100 %', () => {
    const c = chart('timeline-outcomes');

    OUTCOMES.forEach((o, i) => {
      const values = c.spec.series[i]?.values ?? [];
      (['v1', 'v2'] as const).forEach((g, j) => {
        const { outcomes, arrivals } = timeline.gateways[g].users;
        expect(values[j]).toBeCloseTo((outcomes[o] / arrivals) * 100, 6);
      });
    });
    for (const j of [0, 1]) {
      const sum = c.spec.series.reduce((total, s) => total + (s.values?.[j] ?? 0), 0);
      expect(sum).toBeCloseTo(100, 6);
    }
  });

  it('when drawn, then the latency bars are each gateway’s percentiles from arrival', () => {
    const c = chart('timeline-latency');

    (['v1', 'v2'] as const).forEach((g, i) => {
      const l = timeline.gateways[g].users.latencyMs!;
      expect(c.spec.series[i]?.values).toEqual([l.p50, l.p90, l.p99, l.max]);
    });
    expect(c.spec.y.kind).toBe('log');
  });

  it('when a probe got no answer, then it is marked where it was sent, at how long it waited', () => {
    const c = chart('outage-collateral', outage);
    const lost = outage.gateways.v1.collateral.samples.filter((p) => p.ms === null);

    expect(lost.length).toBeGreaterThan(0);
    expect(lost.length).toBe(outage.gateways.v1.collateral.unanswered);
    expect(series(c, 'gateway-v1: no answer (drawn at how long it waited)').points).toEqual(
      lost.map((p) => ({ x: p.t / 1000, y: Math.max(p.waitedMs ?? 0, 0.5) })),
    );
  });

  it('when serialized, then every chart survives JSON unchanged and holds no NaN', () => {
    for (const s of [timeline, outage])
      for (const c of chartsOf(s)) {
        const text = JSON.stringify(c.spec);
        expect(JSON.parse(text)).toEqual(c.spec);
        expect(text).not.toMatch(/NaN|Infinity/);
      }
  });
});
