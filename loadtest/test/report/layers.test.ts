import { describe, expect, it } from 'vitest';
import { formatPercent, formatRate } from '../../src/browser/format.js';
import { rungFigures } from '../../src/model/ladder.js';
import { layersVerdict, narrative, rungSentence } from '../../src/report/narrative.js';
import type { RungResult } from '../../src/report/schema.js';
import { layersRows, renderTable, rungHeads } from '../../src/report/table.js';
import { BROKEN_VALUES, loadFixture, plain } from './fixtures.js';

const report = loadFixture('report-layers');
const layers = report.scenarios.layers!;
const rung = (id: RungResult['id']) => layers.rungs.find((r) => r.id === id)!;

describe('the ladder in the report', () => {
  it('when built from a real run, then every rung carries the figures its own run gives', () => {
    expect(layers.rungs.map((r) => r.id)).toEqual([
      'none',
      'retries',
      'fast-retries',
      'timeout',
      'fallback',
      'breaker',
      'bulkhead',
    ]);
    for (const r of layers.rungs)
      expect(r.figures).toEqual(rungFigures(r.run, report.config.layers.capacity));
    expect(rung('bulkhead').protections).toEqual(['timeout', 'fallback', 'breaker', 'bulkhead']);
    expect(rung('retries')).toMatchObject({ gateway: 'v1', retries: report.config.layers.retries });
    expect(rung('fast-retries')).toMatchObject({ gateway: 'v1', fast: true, below: 'retries' });
  });

  it('when printed, then one column per rung and one row per figure, each from that rung', () => {
    const text = plain(renderTable(report));

    expect(text).toContain(
      plain(rungHeads(layers).join(' │ ').replace(/ │ /g, ' ')).split(' ')[0]!,
    );
    const inTime = text.split('\n').find((l) => l.includes('│ in time while it hung '))!;
    for (const r of layers.rungs)
      expect(inTime).toContain(plain(formatPercent(r.figures.hang.usefulShare)));
    const calls = text.split('\n').find((l) => l.includes('│ calls/s to recs while it hung '))!;
    expect(calls).toContain(plain(formatRate(rung('bulkhead').figures.callsPerSecond.hang)));
    expect(layersRows(layers).every((row) => row.length === layers.rungs.length + 1)).toBe(true);
    for (const r of layers.rungs) expect(text).toContain(plain(r.sentence));
    expect(text).not.toMatch(BROKEN_VALUES);
  });

  it('when told, then the story names every rung, and no scenario that did not run', () => {
    const lines = narrative(report);

    for (const r of layers.rungs) expect(lines).toContain(r.sentence);
    expect(lines.join(' ')).not.toMatch(BROKEN_VALUES);
    expect(lines.join(' ')).not.toContain('Timeline');
  });
});

describe('rungSentence', () => {
  const base = rung('fallback');
  const withFigures = (over: Partial<RungResult['figures']>) => ({
    ...rung('breaker'),
    figures: { ...base.figures, ...over },
  });

  it('when a rung serves more users and cuts the calls, then it says both, with the figures', () => {
    const better = withFigures({
      hang: {
        usefulShare: Math.min(1, base.figures.hang.usefulShare + 0.4),
        latencyMs: base.figures.hang.latencyMs,
      },
      callsPerSecond: {
        ...base.figures.callsPerSecond,
        hang: base.figures.callsPerSecond.hang / 4,
      },
    });

    const text = rungSentence(better, base);

    expect(text).toMatch(
      /^\+ circuit breaker \(the circuit breaker, compared with \+ fallback\): served \d+ points/,
    );
    expect(text).toContain(
      `cut the calls reaching recommendations while it hung from ${formatRate(base.figures.callsPerSecond.hang)}`,
    );
  });

  it('when nothing moved, then it says the rung changed little', () => {
    expect(rungSentence(withFigures({}), base)).toContain('changed little here');
  });

  it('when retries add no calls, then it names the pool that holds them back', () => {
    const retries = rung('retries');
    const same = {
      ...retries,
      figures: { ...retries.figures, callsPerSecond: rung('none').figures.callsPerSecond },
    };

    expect(rungSentence(same, rung('none'))).toMatch(
      /shared pool of \d+ places, each held through the hang/,
    );
  });

  it('when the dependency recovers on one rung but not the other, then it says so', () => {
    const stuck = withFigures({ dependencyRecoveredAfterMs: null });
    const fine = { ...base, figures: { ...base.figures, dependencyRecoveredAfterMs: 1500 } };

    expect(rungSentence(stuck, fine)).toContain(
      'recommendations-service was still behind on its calls',
    );
  });
});

describe('layersVerdict', () => {
  it('when the ladder ran, then it compares the bottom and top rungs and the retries from the figures', () => {
    const text = layersVerdict(layers.rungs);

    expect(text).toContain(
      `no protection served ${formatPercent(rung('none').figures.hang.usefulShare)}`,
    );
    expect(text).toContain(
      `every protection ${formatPercent(rung('bulkhead').figures.hang.usefulShare)}`,
    );
    expect(text).toContain(`${formatRate(rung('retries').figures.callsPerSecond.hang)} calls/s`);
    expect(text).toContain(
      `${rung('fast-retries').label} sent ${formatRate(rung('fast-retries').figures.callsPerSecond.hang)} calls/s`,
    );
    expect(text).toMatch(/had not recovered by the end of the run behind .*short timeout, no pool/);
  });

  it('when a rung is missing, then it does not pretend', () => {
    expect(layersVerdict(layers.rungs.filter((r) => r.id !== 'bulkhead'))).toBe(
      'The ladder did not run every rung.',
    );
  });
});
