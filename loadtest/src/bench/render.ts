import Table from 'cli-table3';
import { keepHeaderRule } from '../report/compact-table.js';
import { formatCount, formatMs } from '../report/format.js';
import type { BenchReport, Goal } from './schema.js';

const NNBSP = '\u202f';

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

function heading(report: BenchReport): string {
  const { environment: env, quick, durationMs } = report;
  const load = env.loadAverage.start.map((n) => n.toFixed(2)).join(' ');
  return [
    `pnpm bench${quick ? ' --quick' : ''}: ${report.generatedAt}, ${Math.round(durationMs / 1000)} s`,
    `${env.cpus} × ${env.cpuModel}, node ${env.node}; load average at start ${load}`,
  ].join('\n');
}

function summary(report: BenchReport): string {
  const judged = report.goals.filter((g) => g.goal !== null);
  const met = judged.filter((g) => g.result === 'pass').length;
  const lines = [`${met} of ${judged.length} goals met.`];
  if (report.quick) {
    lines.push(
      '--quick: runs of a few seconds and a 3 s hang; the figures show that the bench works,',
      'not what the gateways can do (the outage ratio needs v1 to wait out its full 30 s).',
    );
  }
  return lines.join('\n');
}

/** The console table: every figure beside its goal, pass or miss. Plain text, no colours. */
export function renderBenchTable(report: BenchReport): string {
  const table = new Table({
    head: ['figure', 'measured', 'goal', 'result', 'how'],
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'left', 'left'],
  });
  table.push(...goalRows(report.goals));
  return [heading(report), keepHeaderRule(table.toString()), summary(report)].join('\n');
}
