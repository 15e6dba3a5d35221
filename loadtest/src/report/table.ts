import Table from 'cli-table3';
import {
  DASH,
  formatCount,
  formatMore,
  formatOptionalMs,
  formatPercent,
  formatRate,
  formatAfterHeal,
  formatSeconds,
  formatSpeedup,
} from '../browser/format.js';
import { PROBE_PATH } from '../model/gateways.js';
import { OUTCOME_LABELS, OUTCOMES } from '../model/outcome.js';
import type { RungFigures } from '../model/ladder.js';
import { meanCallsPerSecond } from '../model/observed.js';
import { sickPhase, sickWindow } from '../model/phases.js';
import {
  DEFAULT_SCENARIOS,
  SCENARIO_TITLES,
  SCENARIOS,
  type GatewayScenario,
  type ScenarioName,
} from '../scenarios/settings.js';
import { closedLoopCaveat, describeLoad, scheduleSentence } from './narrative.js';
import type { ErrorRateRow, GatewayRun, LayersResult, Report, ScenarioResult } from './schema.js';

type Row = [metric: string, v1: string, v2: string, factor: string];

const OUTCOMES_HEAD = OUTCOMES.map((o) => OUTCOME_LABELS[o]).join(' / ');
const outcomes = (r: GatewayRun) =>
  OUTCOMES.map((o) => formatCount(r.users.outcomes[o])).join(' / ');

function probes(r: GatewayRun): string {
  const c = r.collateral;
  if (c.probes === 0) return DASH;
  return `${formatCount(c.inTime)}/${formatCount(c.probes)} (p99 ${formatOptionalMs(c.latencyMs?.p99)})`;
}

const sickShare = (r: GatewayRun) => {
  const sick = sickPhase(r.phases);
  return sick ? formatPercent(sick.users.usefulShare) : DASH;
};

/** The timeline's figure while recommendations hung; the others' over the whole run. */
const sickLabel = (s: ScenarioResult, label: string) =>
  s.name === 'timeline' ? `${label} while it hung` : label;

function sickCalls(s: ScenarioResult, r: GatewayRun): number {
  const sick = s.name === 'timeline' ? sickWindow(s.phases) : null;
  return sick
    ? meanCallsPerSecond(r.dependency, sick.startMs, sick.endMs)
    : meanCallsPerSecond(r.dependency, r.startMs, r.endMs);
}

/** The rows of one scenario's table: metric, gateway-v1, gateway-v2, v2 vs v1. */
export function scenarioRows(s: ScenarioResult): Row[] {
  const { v1, v2 } = s.gateways;
  const c = s.comparison;
  const latency = (r: GatewayRun, key: 'p50' | 'p99') => formatOptionalMs(r.users.latencyMs?.[key]);
  const rows: Row[] = [
    ['users (arrivals)', formatCount(v1.users.arrivals), formatCount(v2.users.arrivals), DASH],
    [
      'got the product in time',
      formatPercent(v1.users.usefulShare),
      formatPercent(v2.users.usefulShare),
      DASH,
    ],
  ];
  if (s.name === 'timeline')
    rows.push(['... while recommendations hung', sickShare(v1), sickShare(v2), DASH]);
  rows.push(
    [
      'useful answers/s',
      formatRate(v1.usefulPerSecond),
      formatRate(v2.usefulPerSecond),
      formatMore(c.usefulPerSecondRatio),
    ],
    [
      'latency p50 from arrival',
      latency(v1, 'p50'),
      latency(v2, 'p50'),
      formatSpeedup(c.latencyRatios.p50),
    ],
    [
      'latency p99 from arrival',
      latency(v1, 'p99'),
      latency(v2, 'p99'),
      formatSpeedup(c.latencyRatios.p99),
    ],
    [OUTCOMES_HEAD, outcomes(v1), outcomes(v2), DASH],
    ['most users waiting at once', formatCount(v1.peakWaiting), formatCount(v2.peakWaiting), DASH],
    [
      sickLabel(s, 'calls/s reaching recommendations'),
      formatRate(sickCalls(s, v1)),
      formatRate(sickCalls(s, v2)),
      DASH,
    ],
    [
      `${v1.collateral.path} probes in time`,
      probes(v1),
      probes(v2),
      formatSpeedup(c.collateralP99Ratio),
    ],
  );
  if (s.name === 'timeline') {
    rows.push(
      [
        'served in time again after the heal',
        formatAfterHeal(v1.recovery?.servedInTimeAfterMs),
        formatAfterHeal(v2.recovery?.servedInTimeAfterMs),
        DASH,
      ],
      [
        'waiting users gone after the heal',
        formatAfterHeal(v1.recovery?.backlogDrainedAfterMs),
        formatAfterHeal(v2.recovery?.backlogDrainedAfterMs),
        DASH,
      ],
    );
  }
  rows.push([
    'breaker opened after',
    DASH,
    c.breakerOpenedAfterMs === null ? 'never' : formatSeconds(c.breakerOpenedAfterMs),
    DASH,
  ]);
  return rows;
}

function textTable(head: string[], rows: string[][]): string {
  // No colours: the caller decides whether its output is a terminal; plain text also diffs well.
  const table = new Table({
    head,
    style: { head: [], border: [] },
    colAligns: ['left', ...head.slice(1).map(() => 'right' as const)],
  });
  table.push(...rows);
  return keepHeaderRule(table.toString());
}

/**
 * A cli-table3 table with the rule under its header only: without the rules between rows, a
 * dozen rows fit a terminal screen.
 */
export function keepHeaderRule(table: string): string {
  const lines = table.split('\n');
  const firstRule = lines.findIndex((line) => line.startsWith('├'));
  return lines.filter((line, i) => i === firstRule || !line.startsWith('├')).join('\n');
}

const scenarioTable = (s: ScenarioResult) =>
  textTable(['metric', 'gateway-v1', 'gateway-v2', 'v2 vs v1'], scenarioRows(s));

/** partial: one row per share of calls failed. */
export function errorRateRows(rows: readonly ErrorRateRow[]): string[][] {
  return rows.map((r) => [
    formatPercent(r.errorRate),
    `${formatRate(r.v1.usersPerSecond)} / ${formatRate(r.v2.usersPerSecond)}`,
    formatPercent(r.v1.usefulShare),
    formatPercent(r.v2.usefulShare),
    formatPercent(r.v2.openShare),
    formatRate(r.v1.callsPerSecond),
    formatRate(r.v2.callsPerSecond),
  ]);
}

export const ERROR_RATE_HEAD = [
  'calls failed',
  'users/s v1 / v2',
  'v1 in time',
  'v2 in time',
  'v2 circuit open',
  'v1 calls/s to recs',
  'v2 calls/s to recs',
];

/** The ladder: one row per figure, one column per rung. */
export function layersRows(l: LayersResult): string[][] {
  const f = l.rungs.map((r) => r.figures);
  const row = (label: string, cell: (x: RungFigures) => string) => [label, ...f.map(cell)];
  return [
    row('in time while it hung', (x) => formatPercent(x.hang.usefulShare)),
    row('p50 while it hung', (x) => formatOptionalMs(x.hang.latencyMs?.p50)),
    row('p99 while it hung', (x) => formatOptionalMs(x.hang.latencyMs?.p99)),
    row('calls/s to recs, healthy', (x) => formatRate(x.callsPerSecond.healthy)),
    row('calls/s to recs while it hung', (x) => formatRate(x.callsPerSecond.hang)),
    row('calls/s to recs after the heal', (x) => formatRate(x.callsPerSecond.afterHeal)),
    row('served in time again after', (x) => formatAfterHeal(x.servedAgainAfterMs)),
    row('recs caught up after', (x) => formatAfterHeal(x.dependencyRecoveredAfterMs)),
    row(`${PROBE_PATH} p99 while it hung`, (x) => formatOptionalMs(x.healthyRouteP99Ms)),
  ];
}

const lateLine = (runs: GatewayRun[]) => {
  const late = scheduleSentence(runs);
  return late ? [late] : [];
};

/** How the ladder's columns are headed: each rung by what it adds. */
export const rungHeads = (l: LayersResult) =>
  l.rungs.map((r) => (r.below === null ? r.id : `+${r.id}`));

function layersBlock(report: Report): string {
  const l = report.scenarios.layers;
  const title = SCENARIO_TITLES.layers.long;
  if (!l) return `${title}\n  Not in this report: ${absenceReason(report)}`;
  const load = l.rungs[0]?.run.load;
  const users = load
    ? `Users: ${describeLoad(load)} per rung; patience ${formatSeconds(load.patienceMs)}; each rung's recommendations-service serves ${l.capacity.limit} calls at once, ${l.capacity.workMs} ms each.`
    : '';
  const verdict = report.headline.includes(l.verdict) ? [] : [`Verdict: ${l.verdict}`];
  return [
    title,
    users,
    textTable(['', ...rungHeads(l)], layersRows(l)),
    ...l.rungs.map((r) => `  ${r.sentence}`),
    ...verdict,
    ...lateLine(l.rungs.map((r) => r.run)),
  ].join('\n');
}

/** Why a scenario has no table: a report is written only once all it asked for has run. */
export function absenceReason(report: Report): string {
  return `it was not part of this run (run: ${report.config.scenarios.join(', ') || 'none'}).`;
}

function scenarioBlock(report: Report, name: GatewayScenario): string {
  const s = report.scenarios[name];
  if (!s) return `${SCENARIO_TITLES[name].long}\n  Not in this report: ${absenceReason(report)}`;
  const load = `Users: ${describeLoad(s.gateways.v1.load)} per gateway; patience ${formatSeconds(s.gateways.v1.load.patienceMs)}.`;
  // The headline often is a scenario's verdict already: saying it twice adds nothing.
  const verdict = report.headline.includes(s.comparison.verdict)
    ? []
    : [`Verdict: ${s.comparison.verdict}`];
  const caveat = report.headline.includes(closedLoopCaveat(s.gateways.v1.load) ?? '\0')
    ? []
    : [closedLoopCaveat(s.gateways.v1.load)].filter((l): l is string => l !== null);
  const rates = s.byErrorRate ? [textTable(ERROR_RATE_HEAD, errorRateRows(s.byErrorRate))] : [];
  return [
    SCENARIO_TITLES[name].long,
    load,
    scenarioTable(s),
    ...rates,
    ...verdict,
    ...caveat,
    ...lateLine([s.gateways.v1, s.gateways.v2]),
  ].join('\n');
}

/** The scenarios a report speaks of: those run or asked for, and the default ones. */
export function scenariosShown(report: Report): ScenarioName[] {
  return SCENARIOS.filter(
    (name) =>
      report.scenarios[name] !== undefined ||
      report.config.scenarios.includes(name) ||
      (DEFAULT_SCENARIOS as readonly ScenarioName[]).includes(name),
  );
}

/** The console summary: the headline, then per scenario its table and verdict. Pure text. */
export function renderTable(report: Report): string {
  const blocks = scenariosShown(report).map((name) =>
    name === 'layers' ? layersBlock(report) : scenarioBlock(report, name),
  );
  return [report.headline, ...blocks].join('\n\n');
}
