import { formatCount, type GatewaySecond, type SecondReport } from '@cbd/loadtest';

const inTimeShare = (s: GatewaySecond) =>
  s.arrived ? `${Math.round(Math.min(1, s.answeredInTime / s.arrived) * 100)}%` : '—';

function gatewayPart(name: string, s: GatewaySecond): string {
  const inTime = inTimeShare(s);
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
  const { scenario, t, mode, lanes } = report;
  const parts = [`${scenario.padEnd(8)} ${`${t + 1}s`.padStart(4)}  ${mode.padEnd(7)}`];
  const all = Object.entries(lanes);
  // The ladder's rungs share one line: each its share in time and its users waiting.
  if (all.length > 2)
    for (const [name, s] of all)
      parts.push(`${name} ${inTimeShare(s).padStart(4)} ${formatCount(s.waiting).padStart(5)}w`);
  else for (const [name, s] of all) parts.push(gatewayPart(name, s));
  return parts.join(' │ ');
}
