import Table from 'cli-table3';
import { keepHeaderRule } from './compact-table.js';
import type { Report, ScenarioName, ScenarioResult } from './schema.js';
import { SCENARIOS } from './schema.js';
import { scenarioRows } from './table-rows.js';

const TITLES: Record<ScenarioName, string> = {
  outage: 'Outage: recommendations hang, each gateway loaded in turn',
  timeline: 'Timeline: both gateways loaded while recommendations go healthy → hang → healthy',
};

function scenarioTable(s: ScenarioResult): string {
  // No colours: the caller decides whether its output is a terminal; plain text also diffs well.
  const table = new Table({
    head: ['metric', 'gateway-v1', 'gateway-v2', 'v2 vs v1'],
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'right'],
  });
  table.push(...scenarioRows(s));
  return keepHeaderRule(table.toString());
}

/** Why a scenario has no table: never asked for, or asked for and missing (the run stopped). */
export function absenceReason(report: Report, name: ScenarioName): string {
  return report.config.scenarios.includes(name)
    ? 'it was requested but did not finish, so it has no results.'
    : `it was not part of this run (run: ${report.config.scenarios.join(', ') || 'none'}).`;
}

function scenarioBlock(report: Report, name: ScenarioName): string {
  const s = report.scenarios[name];
  if (!s) return `${TITLES[name]}\n  Not in this report: ${absenceReason(report, name)}`;
  // The headline often is a scenario's verdict already: saying it twice adds nothing.
  const verdict = report.headline.includes(s.comparison.verdict)
    ? []
    : [`Verdict: ${s.comparison.verdict}`];
  return [TITLES[name], scenarioTable(s), ...verdict].join('\n');
}

/** The console summary: the headline, then per scenario its table and verdict. Pure text. */
export function renderTable(report: Report): string {
  const blocks = SCENARIOS.map((name) => scenarioBlock(report, name));
  return [report.headline, ...blocks].join('\n\n');
}
