import { formatCount, type GatewaySecond, type SecondReport } from '@cbd/loadtest';

function gatewayPart(name: string, s: GatewaySecond | undefined): string {
  if (!s) return `${name} ${'—'.padStart(9)}`;
  const inTime = s.arrived
    ? `${Math.round(Math.min(1, s.answeredInTime / s.arrived) * 100)}%`
    : '—';
  const pool = s.pool
    ? `  pool ${s.pool.active}/${s.pool.size}+${formatCount(s.pool.waiting)}`
    : '';
  const circuit = s.circuit ? `  breaker ${s.circuit}` : '';
  return `${name} ${formatCount(s.arrived).padStart(5)} came ${inTime.padStart(4)} in time ${formatCount(s.waiting).padStart(6)} waiting${pool}${circuit}`;
}

/**
 * One progress line per second: per gateway, the users who came in the second that just ended,
 * the useful answers that came in it (as a share of those users), and the users waiting.
 */
export function progressLine(report: SecondReport): string {
  const { scenario, t, mode, gateways } = report;
  const parts = [`${scenario.padEnd(8)} ${`${t + 1}s`.padStart(4)}  ${mode.padEnd(7)}`];
  if (gateways.v1) parts.push(gatewayPart('v1', gateways.v1));
  if (gateways.v2) parts.push(gatewayPart('v2', gateways.v2));
  return parts.join(' │ ');
}
