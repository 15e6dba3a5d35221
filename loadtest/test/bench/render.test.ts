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
  it('when a report is rendered, then every goal is a row: its figure, result and how', () => {
    const bench = loadBench();

    const table = plain(renderBenchTable(bench));

    expect(row(table, 'figure')).toEqual(['figure', 'measured', 'goal', 'result', 'how']);
    for (const goal of bench.goals) {
      const cells = row(table, plain(goal.label));
      expect(cells[0], goal.id).toBe(plain(goal.label));
      expect(cells[3]).toBe(
        { pass: 'pass', miss: 'MISS', info: 'info', unmeasured: 'not measured' }[goal.result],
      );
    }
    expect(table.split('\n').filter((l) => l.startsWith('│')).length).toBe(bench.goals.length + 1);
    expect(table).not.toMatch(BROKEN_VALUES);
  });

  it('when it is rendered, then it says how many goals were met, the machine and its load', () => {
    const bench = loadBench();
    const judged = bench.goals.filter((g) => g.goal !== null);

    const table = plain(renderBenchTable(bench));

    expect(table).toContain(
      `${judged.filter((g) => g.result === 'pass').length} of ${judged.length} goals met.`,
    );
    expect(table).toContain(`${bench.environment.cpus} × ${bench.environment.cpuModel}`);
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
    const label = plain(bench.goals.find((g) => g.id === 'rss-v1')!.label);

    const table = plain(renderBenchTable({ ...bench, goals }));

    expect(row(table, label).slice(1, 4)).toEqual(['—', '≤ 150 MB', 'not measured']);
  });
});
