import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/report/table.js';
import { BROKEN_VALUES, loadFixture, plain } from './fixtures.js';
import { idleReport, withoutScenario } from './report-variants.js';

/** The table row that starts with `metric`, as its cells. */
function row(table: string, metric: string): string[] {
  const line = table.split('\n').find((l) => l.startsWith(`│ ${metric} `));
  return line
    ? line
        .split('│')
        .slice(1, -1)
        .map((cell) => cell.trim())
    : [];
}

describe('renderTable', () => {
  it('when both scenarios ran, then the outage table holds the real numbers and factors', () => {
    // Arrange
    const report = loadFixture('report');

    // Act
    const table = plain(renderTable(report));

    // Assert
    expect(row(table, 'metric')).toEqual(['metric', 'gateway-v1', 'gateway-v2', 'v2 vs v1']);
    expect(row(table, 'requests/s')).toEqual(['requests/s', '1.3', '4 591', '3 673× more']);
    expect(row(table, 'latency p99')).toEqual(['latency p99', '30.0 s', '34 ms', '884× faster']);
    expect(row(table, 'full / degraded / failed / timeout')).toEqual([
      'full / degraded / failed / timeout',
      '0 / 0 / 50 / 50',
      '0 / 183 681 / 0 / 0',
      '—',
    ]);
    expect(row(table, '/products/1 p99 (collateral)')).toEqual([
      '/products/1 p99 (collateral)',
      '35.0 s (1/81 answered)',
      '9 ms (81/81 answered)',
      '3 889× faster',
    ]);
  });

  it('when both scenarios ran, then the headline comes first and the timeline shows recovery and its verdict', () => {
    // Arrange
    const report = loadFixture('report');

    // Act
    const table = plain(renderTable(report));

    // Assert
    expect(table.startsWith(plain(report.headline))).toBe(true);
    expect(table).toContain('Timeline: both gateways loaded');
    expect(table).toContain('│ recovered after the heal           │                  10.0 s │');
    expect(table).toContain(`Verdict: ${plain(report.scenarios.timeline!.comparison.verdict)}`);
  });

  it('when only the outage ran, then the timeline says why it is missing', () => {
    // Arrange
    const report = loadFixture('report-outage-only');

    // Act
    const table = renderTable(report);

    // Assert
    expect(table).toContain('Not in this report: it was not part of this run (run: outage).');
    expect(table.match(/┌/g)).toHaveLength(1);
  });

  it('when a requested scenario is missing, then the table says it did not finish', () => {
    // Arrange
    const report = withoutScenario('timeline', true);

    // Act
    const table = renderTable(report);

    // Assert
    expect(table).toContain(
      'Not in this report: it was requested but did not finish, so it has no results.',
    );
  });

  it('when nothing was answered, then no cell shows NaN, Infinity, undefined or null', () => {
    // Arrange
    const report = idleReport();

    // Act
    const table = renderTable(report);

    // Assert
    expect(table).not.toMatch(BROKEN_VALUES);
    expect(row(plain(table), 'latency p50')).toEqual(['latency p50', '—', '—', '—']);
  });

  it('when rendered, then the text has no terminal colour codes (the caller decides)', () => {
    // Arrange
    const report = loadFixture('report');

    // Act
    const table = renderTable(report);

    // Assert
    expect(table).not.toContain('\u001b[');
  });
});
