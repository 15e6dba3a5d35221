import { formatCount, formatMs, type SecondReport, type SecondSample } from '@cbd/loadtest';

function gatewayPart(name: string, sample: SecondSample | undefined): string {
  if (!sample) return `${name} ${'—'.padStart(9)}`;
  const { full, degraded, failed, timeout } = sample.outcomes;
  const useful = full + degraded;
  const attempts = useful + failed + timeout;
  const share = attempts ? `${Math.round((useful / attempts) * 100)}%`.padStart(4) : '   —';
  const p99 = sample.p99 === null ? '—' : formatMs(sample.p99);
  return `${name} ${formatCount(sample.requests).padStart(6)} req/s ${share} useful  p99 ${p99.padStart(8)}`;
}

/** One progress line per second of load: what each gateway did in the second that just ended. */
export function progressLine(report: SecondReport): string {
  const { scenario, t, mode, gateways, circuit } = report;
  const parts = [`${scenario.padEnd(8)} ${`${t + 1}s`.padStart(4)}  ${mode.padEnd(7)}`];
  if (gateways.v1) parts.push(gatewayPart('v1', gateways.v1));
  if (gateways.v2)
    parts.push(gatewayPart('v2', gateways.v2) + (circuit ? `  breaker ${circuit}` : ''));
  return parts.join(' │ ');
}
