import Table from 'cli-table3';
import { formatCount } from '../browser/format.js';
import { keepHeaderRule } from '../report/table.js';
import type { SoakReport } from './schema.js';

function heading(report: SoakReport): string {
  const { settings, stretches, load } = report;
  const { full, degraded, failed, timedOut } = load.outcomes;
  return [
    `pnpm soak${report.quick ? ' --quick' : ''}: gateway-v2, ${settings.connections} connections, ${settings.durationMs / 1000} s; recommendations switched every ${settings.stretchMs / 1000} s (${stretches.map((s) => s.mode).join(' → ')})`,
    `requests: ${formatCount(full)} full, ${formatCount(degraded)} degraded, ${formatCount(failed)} failed, ${formatCount(timedOut)} timed out; ${report.circuit.transitions.length} breaker transitions`,
  ].join('\n');
}

/** The console summary: one row per invariant, passed or failed, with what was seen. */
export function renderSoakTable(report: SoakReport): string {
  const table = new Table({
    head: ['check', 'result', 'seen'],
    style: { head: [], border: [] },
    colWidths: [null, null, 90],
    wordWrap: true,
  });
  table.push(...report.checks.map((c) => [c.name, c.ok ? 'pass' : 'FAIL', c.detail]));
  const verdict = report.passed
    ? 'Every check passed.'
    : `${report.checks.filter((c) => !c.ok).length} check(s) failed.`;
  return [heading(report), keepHeaderRule(table.toString()), verdict].join('\n');
}
