import Table from 'cli-table3';
import { formatCount, formatMs, NNBSP } from '../browser/format.js';
import { keepHeaderRule } from '../report/table.js';
import type { BenchReport, Goal } from './schema.js';

function formatValue(value: number, unit: Goal['unit']): string {
  switch (unit) {
    case 'ratio':
      return value >= 10 ? `${formatCount(value)}×` : `${value.toFixed(2)}×`;
    case 'fraction':
      return `${(value * 100).toFixed(2)}${NNBSP}%`;
    case 'ms':
      return formatMs(value);
    case 'mb':
      return `${formatCount(value)}${NNBSP}MB`;
    case 'count':
      return formatCount(value);
  }
}

function formatGoal(goal: Goal): string {
  if (!goal.goal) return '—';
  return `${goal.goal.op === 'min' ? '≥' : '≤'} ${formatValue(goal.goal.value, goal.unit)}`;
}

const RESULTS: Record<Goal['result'], string> = {
  pass: 'pass',
  miss: 'MISS',
  info: 'info',
  unmeasured: 'not measured',
};

/** The goals as rows: figure, measured, goal, result, how it was obtained. */
export function goalRows(goals: Goal[]): string[][] {
  return goals.map((g) => [
    g.label,
    g.measured === null ? '—' : formatValue(g.measured, g.unit),
    formatGoal(g),
    RESULTS[g.result],
    g.detail,
  ]);
}

/** The console table: every figure beside its goal, pass or miss. Plain text, no colours. */
export function renderBenchTable(report: BenchReport): string {
  const { environment: env, quick, durationMs } = report;
  const table = new Table({
    head: ['figure', 'measured', 'goal', 'result', 'how'],
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'left', 'left'],
  });
  table.push(...goalRows(report.goals));
  const judged = report.goals.filter((g) => g.goal !== null);
  const met = judged.filter((g) => g.result === 'pass').length;
  return [
    `pnpm bench${quick ? ' --quick' : ''}: ${report.generatedAt}, ${Math.round(durationMs / 1000)} s`,
    `${env.cpus} × ${env.cpuModel}, node ${env.node}; load average at start ${env.loadAverage.start.map((n) => n.toFixed(2)).join(' ')}`,
    keepHeaderRule(table.toString()),
    `${met} of ${judged.length} goals met.`,
    ...(quick
      ? [
          '--quick: runs of a few seconds and a 3 s hang; the figures show that the bench works,',
          'not what the gateways can do.',
        ]
      : []),
  ].join('\n');
}
