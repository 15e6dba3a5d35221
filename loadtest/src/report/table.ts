import Table from 'cli-table3';
import {
  DASH,
  formatCount,
  formatMore,
  formatOptionalMs,
  formatPercent,
  formatRate,
  formatSeconds,
  formatSpeedup,
} from '../browser/format.js';
import { OUTCOMES } from '../model/outcome.js';
import { GATEWAY_SCENARIOS } from '../scenarios/settings.js';
import { closedLoopCaveat, describeLoad } from './narrative.js';
import type { GatewayScenario } from '../scenarios/settings.js';
import type { GatewayRun, Report, ScenarioResult } from './schema.js';

type Row = [metric: string, v1: string, v2: string, factor: string];

const TITLES: Record<GatewayScenario, string> = {
  outage: 'Outage: recommendations hang, each gateway loaded in turn',
  timeline: 'Timeline: both gateways loaded while recommendations go healthy → hang → healthy',
};

const outcomes = (r: GatewayRun) =>
  OUTCOMES.map((o) => formatCount(r.users.outcomes[o])).join(' / ');

function probes(r: GatewayRun): string {
  const c = r.collateral;
  if (c.probes === 0) return DASH;
  return `${formatCount(c.inTime)}/${formatCount(c.probes)} (p99 ${formatOptionalMs(c.latencyMs?.p99)})`;
}

const afterHeal = (ms: number | null | undefined) =>
  ms === undefined ? DASH : ms === null ? 'not in the run' : formatSeconds(ms);

const sickShare = (r: GatewayRun) => {
  const sick = r.phases.find((p) => p.mode !== 'healthy');
  return sick ? formatPercent(sick.users.usefulShare) : DASH;
};

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
    ['full / degraded / too late / failed / timed out / dropped', outcomes(v1), outcomes(v2), DASH],
    ['most users waiting at once', formatCount(v1.peakWaiting), formatCount(v2.peakWaiting), DASH],
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
        afterHeal(v1.recovery?.servedInTimeAfterMs),
        afterHeal(v2.recovery?.servedInTimeAfterMs),
        DASH,
      ],
      [
        'waiting users gone after the heal',
        afterHeal(v1.recovery?.backlogDrainedAfterMs),
        afterHeal(v2.recovery?.backlogDrainedAfterMs),
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

function scenarioTable(s: ScenarioResult): string {
  // No colours: the caller decides whether its output is a terminal; plain text also diffs well.
  const table = new Table({
    head: ['metric', 'gateway-v1', 'gateway-v2', 'v2 vs v1'],
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'right'],
  });
  table.push(...scenarioRows(s));
  // The rule under the header only: without the rules between rows, a dozen rows fit a screen.
  const lines = table.toString().split('\n');
  const firstRule = lines.findIndex((line) => line.startsWith('├'));
  return lines.filter((line, i) => i === firstRule || !line.startsWith('├')).join('\n');
}

/** Why a scenario has no table: never asked for, or asked for and missing (the run stopped). */
export function absenceReason(report: Report, name: GatewayScenario): string {
  return report.config.scenarios.includes(name)
    ? 'it was requested but did not finish, so it has no results.'
    : `it was not part of this run (run: ${report.config.scenarios.join(', ') || 'none'}).`;
}

function scenarioBlock(report: Report, name: GatewayScenario): string {
  const s = report.scenarios[name];
  if (!s) return `${TITLES[name]}\n  Not in this report: ${absenceReason(report, name)}`;
  const load = `Users: ${describeLoad(s.gateways.v1.load)} per gateway; patience ${formatSeconds(s.gateways.v1.load.patienceMs)}.`;
  // The headline often is a scenario's verdict already: saying it twice adds nothing.
  const verdict = report.headline.includes(s.comparison.verdict)
    ? []
    : [`Verdict: ${s.comparison.verdict}`];
  const caveat = report.headline.includes(closedLoopCaveat(s.gateways.v1.load) ?? '\0')
    ? []
    : [closedLoopCaveat(s.gateways.v1.load)].filter((l): l is string => l !== null);
  return [TITLES[name], load, scenarioTable(s), ...verdict, ...caveat].join('\n');
}

/** The console summary: the headline, then per scenario its table and verdict. Pure text. */
export function renderTable(report: Report): string {
  const blocks = GATEWAY_SCENARIOS.map((name) => scenarioBlock(report, name));
  return [report.headline, ...blocks].join('\n\n');
}
