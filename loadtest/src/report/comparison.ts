import { round } from '../runner/percentile.js';
import { breakerOpenedAfter, recoveryAfter } from './phase-stats.js';
import type { Comparison, GatewayRun, Phase, ScenarioName } from './schema.js';
import { verdictFor } from './verdict.js';

/** a ÷ b, or null when the division says nothing (b is zero, or a side has no data). */
function ratio(a: number, b: number): number | null {
  return a > 0 && b > 0 ? round(a / b, 2) : null;
}

/** Timeline: when the breaker opened, and how long each gateway took to recover after the heal. */
function recovery(scenario: ScenarioName, phases: Phase[], v1: GatewayRun, v2: GatewayRun) {
  const hang = phases.findIndex((p) => p.mode === 'hang');
  const hangStart = phases[hang]?.startMs;
  if (hangStart === undefined) return {};
  const opened = breakerOpenedAfter(v2, scenario === 'outage' ? v2.startMs : hangStart);
  const healedAt = phases[hang + 1]?.startMs;
  if (healedAt === undefined) return { breakerOpenedAfterMs: opened };
  return {
    breakerOpenedAfterMs: opened,
    recoveryMs: { v1: recoveryAfter(v1, healedAt), v2: recoveryAfter(v2, healedAt) },
  };
}

export function compare(
  scenario: ScenarioName,
  phases: Phase[],
  v1: GatewayRun,
  v2: GatewayRun,
): Comparison {
  const answered = (run: GatewayRun) => run.requests.total > 0;
  const latency = (key: 'p50' | 'p99' | 'mean') =>
    answered(v1) && answered(v2) ? ratio(v1.latencyMs[key], v2.latencyMs[key]) : null;
  const facts = {
    throughputRatio: ratio(v2.requests.perSecond, v1.requests.perSecond),
    usefulThroughputRatio: ratio(v2.requests.usefulPerSecond, v1.requests.usefulPerSecond),
    latencyRatios: { p50: latency('p50'), p99: latency('p99'), mean: latency('mean') },
    usefulRate: { v1: v1.usefulRate, v2: v2.usefulRate },
    collateralP99Ratio: ratio(v1.collateral.latencyMs?.p99 ?? 0, v2.collateral.latencyMs?.p99 ?? 0),
    ...recovery(scenario, phases, v1, v2),
  };
  return { ...facts, verdict: verdictFor(scenario, v1, v2, facts) };
}
