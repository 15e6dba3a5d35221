import { describe, expect, it } from 'vitest';
import { formatMs, formatPercent } from '../../src/browser/format.js';
import { narrative } from '../../src/report/narrative.js';
import { loadFixture } from './fixtures.js';

describe('narrative', () => {
  it.each(['report', 'report-closed', 'report-outage-only'] as const)(
    'when told from the %s fixture, then every sentence is made of figures, never NaN or undefined',
    (name) => {
      const lines = narrative(loadFixture(name));

      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines) expect(line).not.toMatch(/NaN|undefined|null|Infinity/);
    },
  );

  it('when the timeline ran, then it tells each gateway’s share of users served during the hang', () => {
    const report = loadFixture('report');
    const { v1, v2 } = report.scenarios.timeline!.gateways;
    const hang = (run: typeof v1) => run.phases.find((p) => p.mode === 'hang')!.users;

    const during = narrative(report).find((l) => l.startsWith('While recommendations hung'));

    expect(during).toContain(
      `of the ${hang(v1).arrivals} users at gateway-v1, ${formatPercent(hang(v1).usefulShare)} got the product in time`,
    );
    expect(during).toContain(
      `of the ${hang(v2).arrivals} users at gateway-v2, ${formatPercent(hang(v2).usefulShare)}`,
    );
  });

  it('when the load was a closed loop, then it says the shares count requests, not users', () => {
    expect(narrative(loadFixture('report-closed')).join(' ')).toContain(
      'count requests, not users',
    );
    expect(narrative(loadFixture('report')).join(' ')).not.toContain('closed loop');
  });

  it('when the runner fell behind its schedule, then it says by how much', () => {
    const report = structuredClone(loadFixture('report'));
    const v1 = report.scenarios.outage!.gateways.v1;
    v1.schedule = { scheduled: 100, lagMs: { p50: 1, p99: 80, max: 120 }, fellBehind: true };

    expect(narrative(report).join(' ')).toContain(
      `more than ${formatMs(80)} late (worst ${formatMs(120)})`,
    );
  });

  it('when the breaker opened, then the outage counts its time from gateway-v2’s first user and the timeline from the hang', () => {
    const opened = narrative(loadFixture('report')).filter((l) =>
      l.includes('gateway-v2’s breaker opened'),
    );

    expect(opened).toHaveLength(2);
    expect(opened.filter((l) => /opened [^;]+ after its first user arrived/.test(l))).toHaveLength(
      1,
    );
    expect(
      opened.filter((l) => /opened [^;]+ after the dependency began to hang/.test(l)),
    ).toHaveLength(1);
  });

  it('when the runner fell behind its schedule in the partial failure, then its story says so', () => {
    const report = structuredClone(loadFixture('report-partial'));
    report.scenarios.partial!.gateways.v2.schedule = {
      scheduled: 100,
      lagMs: { p50: 1, p99: 90, max: 140 },
      fellBehind: true,
    };

    expect(narrative(report).join(' ')).toContain(
      `more than ${formatMs(90)} late (worst ${formatMs(140)})`,
    );
  });

  it('when no scenario ran, then it says there is nothing to tell', () => {
    const report = { ...loadFixture('report'), scenarios: {} };

    expect(narrative(report)).toEqual(['No scenario was run, so there is nothing to tell yet.']);
  });
});
