import { formatMs, formatPercent, formatRate, formatRatio } from './format.js';
import type { Comparison, GatewayRun, ScenarioName } from './schema.js';

type Facts = Omit<Comparison, 'verdict'>;

function outageVerdict(v1: GatewayRun, v2: GatewayRun, facts: Facts): string {
  const rates = `${formatPercent(v2.usefulRate)} of gateway-v2's answers carried the product, ${formatPercent(v1.usefulRate)} of gateway-v1's`;
  if (facts.throughputRatio === null) {
    return `With recommendations hanging, gateway-v1 completed no request while gateway-v2 answered ${formatRate(v2.requests.perSecond)} per second; ${rates}.`;
  }
  return `With recommendations hanging, gateway-v2 answered ${formatRatio(facts.throughputRatio)} as many requests per second as gateway-v1 (${formatRate(v2.requests.perSecond)} vs ${formatRate(v1.requests.perSecond)}); ${rates}.`;
}

function timelineVerdict(v1: GatewayRun, v2: GatewayRun, facts: Facts): string {
  const hang = (run: GatewayRun) =>
    run.phases?.find((p) => p.mode === 'hang')?.usefulPerSecond ?? 0;
  const parts = [
    `While recommendations hung, gateway-v2 still gave ${formatRate(hang(v2))} useful answers per second, gateway-v1 ${formatRate(hang(v1))}`,
  ];
  if (facts.breakerOpenedAfterMs != null)
    parts.push(`the breaker opened ${formatMs(facts.breakerOpenedAfterMs)} into the hang`);
  const recovery = facts.recoveryMs;
  if (recovery?.v1 != null && recovery.v2 === 0) {
    parts.push(
      `after the heal gateway-v1 needed ${formatMs(recovery.v1)} to serve at half its healthy rate again; gateway-v2 never fell below that`,
    );
  } else if (recovery?.v1 != null && recovery.v2 != null) {
    parts.push(
      `after the heal gateway-v1 needed ${formatMs(recovery.v1)} to recover, gateway-v2 ${formatMs(recovery.v2)}`,
    );
  } else if (recovery?.v2 != null) {
    parts.push(
      `gateway-v2 recovered ${formatMs(recovery.v2)} after the heal and gateway-v1 not within the run`,
    );
  }
  return `${parts.join('; ')}.`;
}

/** One line that says what the scenario showed, from its numbers. */
export function verdictFor(
  scenario: ScenarioName,
  v1: GatewayRun,
  v2: GatewayRun,
  facts: Facts,
): string {
  return scenario === 'outage' ? outageVerdict(v1, v2, facts) : timelineVerdict(v1, v2, facts);
}
