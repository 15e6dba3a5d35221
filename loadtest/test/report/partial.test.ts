import { describe, expect, it } from 'vitest';
import { formatPercent, formatRate } from '../../src/browser/format.js';
import { openShare } from '../../src/model/circuit.js';
import { byErrorRate } from '../../src/report/build.js';
import { partialAnswer } from '../../src/report/narrative.js';
import type { ErrorRateRow } from '../../src/report/schema.js';
import { errorRateRows, renderTable } from '../../src/report/table.js';
import { BROKEN_VALUES, loadFixture, plain } from './fixtures.js';

const report = loadFixture('report-partial');
const partial = report.scenarios.partial!;

const row = (errorRate: number, v1: number, v2: number, open: number): ErrorRateRow => ({
  errorRate,
  startMs: 0,
  endMs: 1000,
  v1: { usefulShare: v1, usersPerSecond: 100, callsPerSecond: 100 },
  v2: {
    usefulShare: v2,
    usersPerSecond: 100,
    callsPerSecond: open > 0.5 ? 10 : 100,
    openShare: open,
  },
});

describe('the partial failure in the report', () => {
  it('when built from a real run, then one row per share failed, each from its own phase', () => {
    const rows = partial.byErrorRate!;

    expect(rows.map((r) => r.errorRate)).toEqual(report.config.partial.errorRates);
    expect(rows).toEqual(byErrorRate(partial.phases, partial.gateways.v1, partial.gateways.v2));
    const last = rows.at(-1)!;
    expect(last.v2.openShare).toBeCloseTo(
      openShare(partial.gateways.v2.circuit!, last.startMs, last.endMs),
      2,
    );
  });

  it('when built, then each gateway’s users per second are the arrivals of its own phase', () => {
    for (const [i, r] of partial.byErrorRate!.entries()) {
      const seconds = (r.endMs - r.startMs) / 1000;
      for (const gateway of ['v1', 'v2'] as const) {
        const arrivals = partial.gateways[gateway].phases[i]!.users.arrivals;
        expect(r[gateway].usersPerSecond).toBeCloseTo(arrivals / seconds, 0);
      }
    }
  });

  it('when printed, then each share shows both gateways’ users per second, v1 first', () => {
    const r = row(0.5, 0.5, 1, 0.6);
    const cells = errorRateRows([{ ...r, v2: { ...r.v2, usersPerSecond: 98 } }])[0]!;

    expect(cells[1]).toBe(`${formatRate(100)} / ${formatRate(98)}`);
  });

  it('when printed, then the rows follow the main table and the answer is the verdict', () => {
    const text = plain(renderTable(report));

    expect(text).toContain('│ calls failed │');
    for (const r of partial.byErrorRate!)
      expect(text).toContain(plain(formatPercent(r.v2.openShare)));
    expect(partial.comparison.verdict).toMatch(
      /^Does the breaker still help when only some calls fail\?/,
    );
    expect(text).not.toMatch(BROKEN_VALUES);
  });
});

describe('partialAnswer', () => {
  it('when the circuit opened only above the threshold, then the answer says where it spared the dependency and that the fallback served the users', () => {
    const text = partialAnswer(
      [row(0.3, 0.7, 1, 0), row(0.5, 0.5, 1, 0.6), row(0.7, 0.3, 1, 0.9)],
      50,
    );

    expect(text).toContain(
      `At ${formatPercent(0.3)} failing, gateway-v2 served ${formatPercent(1)}`,
    );
    expect(text).toContain(`sent ${formatRate(10)} calls/s to recommendations`);
    expect(text).toContain(
      `spared recommendations at ${formatPercent(0.5)} and ${formatPercent(0.7)} and barely opened at ${formatPercent(0.3)}`,
    );
    expect(text).toContain('the fallback, not the breaker');
  });

  it('when the circuit never opened, then it says so', () => {
    expect(partialAnswer([row(0.1, 0.9, 1, 0)], 50)).toContain('barely opened at any of them');
  });

  it('when gateway-v2 did not serve more users, then it does not credit the fallback', () => {
    expect(partialAnswer([row(0.1, 0.9, 0.9, 0)], 50)).not.toContain('fallback');
  });
});
