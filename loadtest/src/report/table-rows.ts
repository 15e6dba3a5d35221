import { formatCount, formatMs, formatPercent, formatRate } from './format.js';
import { probeFacts } from './scenario-facts.js';
import type { GatewayRun, ScenarioResult } from './schema.js';
import { DASH, formatMore, formatOptionalMs, formatSeconds, formatSpeedup } from './text-format.js';

export type Row = [metric: string, v1: string, v2: string, factor: string];

const outcomes = (r: GatewayRun) =>
  [r.outcomes.full, r.outcomes.degraded, r.outcomes.failed, r.outcomes.timeout]
    .map((n) => formatCount(n))
    .join(' / ');

/** A latency over a run that completed nothing is not "0 ms". */
const latency = (r: GatewayRun, key: 'p50' | 'p99' | 'max') =>
  r.requests.total > 0 ? formatMs(r.latencyMs[key]) : DASH;

function collateral(r: GatewayRun): string {
  const f = probeFacts(r);
  if (f.probes === 0) return DASH;
  return `${formatOptionalMs(f.p99)} (${f.answered}/${f.probes} answered)`;
}

/** Probes left unanswered count for as long as they waited, so the ratio does not flatter the loser. */
function collateralFactor(s: ScenarioResult): string {
  return formatSpeedup(s.comparison.collateralP99Ratio);
}

const optionalSeconds = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? DASH : formatSeconds(ms);

/** The rows of one scenario's table: metric, gateway-v1, gateway-v2, v2 vs v1. */
export function scenarioRows(s: ScenarioResult): Row[] {
  const { v1, v2 } = s.gateways;
  const c = s.comparison;
  const rows: Row[] = [
    [
      'requests/s',
      formatRate(v1.requests.perSecond),
      formatRate(v2.requests.perSecond),
      formatMore(c.throughputRatio),
    ],
    [
      'useful requests/s',
      formatRate(v1.requests.usefulPerSecond),
      formatRate(v2.requests.usefulPerSecond),
      formatMore(c.usefulThroughputRatio),
    ],
    ['latency p50', latency(v1, 'p50'), latency(v2, 'p50'), formatSpeedup(c.latencyRatios.p50)],
    ['latency p99', latency(v1, 'p99'), latency(v2, 'p99'), formatSpeedup(c.latencyRatios.p99)],
    ['latency max', latency(v1, 'max'), latency(v2, 'max'), DASH],
    ['useful responses', formatPercent(c.usefulRate.v1), formatPercent(c.usefulRate.v2), DASH],
    ['full / degraded / failed / timeout', outcomes(v1), outcomes(v2), DASH],
    [`${v1.collateral.path} p99 (collateral)`, collateral(v1), collateral(v2), collateralFactor(s)],
  ];
  if (c.recoveryMs) {
    rows.push([
      'recovered after the heal',
      optionalSeconds(c.recoveryMs.v1),
      optionalSeconds(c.recoveryMs.v2),
      DASH,
    ]);
  }
  if (c.breakerOpenedAfterMs !== undefined) {
    rows.push(['breaker opened after', DASH, optionalSeconds(c.breakerOpenedAfterMs), DASH]);
  }
  return rows;
}
