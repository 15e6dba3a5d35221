import { describe, expect, it } from 'vitest';
import { formatCount, formatMs, formatPercent } from '../../src/browser/format.js';
import { closedLoopCaveat } from '../../src/report/narrative.js';
import { renderTable } from '../../src/report/table.js';
import { loadFixture } from './fixtures.js';

const rowOf = (text: string, metric: string) =>
  text.split('\n').find((line) => line.includes(`│ ${metric} `)) ?? '';

describe('renderTable', () => {
  it('when both scenarios ran, then each has its table of per-user figures from the report', () => {
    const report = loadFixture('report');
    const { v1, v2 } = report.scenarios.timeline!.gateways;

    const text = renderTable(report);

    expect(text.startsWith(report.headline)).toBe(true);
    expect(text).toContain('Outage: recommendations hang');
    expect(text).toContain('Timeline: healthy → hang → healthy');
    const users = text.split('\n').filter((l) => l.includes('│ users (arrivals) '));
    expect(users[1]).toContain(formatCount(v1.users.arrivals));
    const inTime = text.split('\n').filter((l) => l.includes('│ got the product in time '));
    expect(inTime[1]).toContain(formatPercent(v1.users.usefulShare));
    expect(inTime[1]).toContain(formatPercent(v2.users.usefulShare));
    expect(rowOf(text, '... while recommendations hung')).not.toBe('');
  });

  it('when only the outage ran, then the timeline says why it is missing', () => {
    const text = renderTable(loadFixture('report-outage-only'));

    expect(text).toContain('Not in this report: it was not part of this run (run: outage).');
  });

  it('when the load was a closed loop, then each scenario’s caveat is said once', () => {
    const report = loadFixture('report-closed');
    const text = renderTable(report);

    for (const s of [report.scenarios.outage!, report.scenarios.timeline!]) {
      const caveat = closedLoopCaveat(s.gateways.v1.load)!;
      expect(text.split(caveat).length - 1).toBe(1);
    }
  });

  it('when the runner fell behind its schedule, then the scenario’s block says by how much', () => {
    const report = structuredClone(loadFixture('report'));
    report.scenarios.outage!.gateways.v1.schedule = {
      scheduled: 100,
      lagMs: { p50: 1, p99: 80, max: 120 },
      fellBehind: true,
    };

    const [, outage, timeline] = renderTable(report).split('\n\n');

    expect(outage).toContain(`more than ${formatMs(80)} late (worst ${formatMs(120)})`);
    expect(timeline).not.toContain('fell behind its schedule');
  });

  it('when a ladder rung fell behind its schedule, then the ladder’s block says so', () => {
    const report = loadFixture('report-layers');
    const worst = Math.max(...report.scenarios.layers!.rungs.map((r) => r.run.schedule!.lagMs.max));

    expect(renderTable(report)).toContain(`late (worst ${formatMs(worst)})`);
  });

  it('when rendered, then it is plain text: no colour codes', () => {
    // eslint-disable-next-line no-control-regex
    expect(renderTable(loadFixture('report'))).not.toMatch(/\u001b\[/);
  });
});
