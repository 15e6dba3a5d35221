import { describe, expect, it } from 'vitest';
import { renderBenchTable } from '../../src/bench/render.js';
import { BROKEN_VALUES, plain } from '../report/fixtures.js';
import { loadBench } from './fixtures.js';

/** The cells of the table row whose first cell is `figure`. */
function row(table: string, figure: string): string[] {
  const line = table.split('\n').find((l) => l.startsWith(`│ ${figure} `));
  return line
    ? line
        .split('│')
        .slice(1, -1)
        .map((cell) => cell.trim())
    : [];
}

describe('renderBenchTable', () => {
  it('when a report is rendered, then every goal is a row: measured, goal, result and how', () => {
    const bench = loadBench();

    const table = plain(renderBenchTable(bench));

    expect(row(table, 'figure')).toEqual(['figure', 'measured', 'goal', 'result', 'how']);
    expect(row(table, 'v2 circuit open ÷ bare proxy, req/s')).toEqual([
      'v2 circuit open ÷ bare proxy, req/s',
      '1.41×',
      '≥ 0.90×',
      'pass',
      '1 793 vs 1 275 req/s',
    ]);
    expect(row(table, 'outage, 100 connections: v2 ÷ v1 completed req/s').slice(1, 4)).toEqual([
      '178×',
      '≥ 1 000×',
      'MISS',
    ]);
    expect(row(table, 'outage: v2 useful responses').slice(1, 4)).toEqual([
      '100.00 %',
      '≥ 99.90 %',
      'pass',
    ]);
    expect(row(table, 'time to heal (live recommendations)').slice(1, 4)).toEqual([
      '981 ms',
      '≤ 2.0 s',
      'pass',
    ]);
    expect(row(table, 'peak RSS v2, outage (100 connections, 3 s hang)').slice(1, 4)).toEqual([
      '211 MB',
      '≤ 150 MB',
      'MISS',
    ]);
    expect(table.split('\n').filter((l) => l.startsWith('│')).length).toBe(bench.goals.length + 1);
    expect(table).not.toMatch(BROKEN_VALUES);
  });

  it('when it is rendered, then it says how many goals were met, the machine and its load', () => {
    const table = plain(renderBenchTable(loadBench()));

    expect(table).toContain('8 of 10 goals met.');
    expect(table).toContain('2 × AMD EPYC, node v20.20.2; load average at start 4.67 3.33 2.23');
  });

  it('when the run was --quick, then the table warns that its figures are not the real ones; a full run does not', () => {
    const quick = loadBench();

    expect(renderBenchTable(quick)).toContain('--quick: runs of a few seconds');
    expect(renderBenchTable({ ...quick, quick: false })).not.toContain('--quick');
  });

  it('when a figure was not measured, then its cell is a dash and its result says so', () => {
    const bench = loadBench();
    const goals = bench.goals.map((g) =>
      g.id === 'rss-v1' ? { ...g, measured: null, result: 'unmeasured' as const } : g,
    );

    const table = plain(renderBenchTable({ ...bench, goals }));

    expect(row(table, 'peak RSS v1, outage (100 connections, 3 s hang)').slice(1, 4)).toEqual([
      '—',
      '≤ 150 MB',
      'not measured',
    ]);
  });
});
