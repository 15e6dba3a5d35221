import { formatMs, formatPercent, formatRate } from './format.js';
import { probeFacts, usefulOf, type ProbeFacts } from './scenario-facts.js';
import type { GatewayRun } from './schema.js';
import { formatOptionalMs, formatSeconds } from './text-format.js';

// Phrases the narrative's sentences are built from; each copes with empty runs itself, so no
// sentence can end up saying "NaN" or "undefined".

export const NAMES = { v1: 'gateway-v1', v2: 'gateway-v2' } as const;

/** "30 s" for long waits, "15 ms" for short ones. */
export function aboutDuration(ms: number): string {
  return ms >= 1000 ? formatSeconds(ms) : formatMs(ms);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What one gateway gave its users during a run, as the second half of a sentence. */
export function whatUsersGot(run: GatewayRun, clientTimeoutMs: number): string {
  const name = NAMES[run.gateway];
  const useful = usefulOf(run.outcomes);
  const gaveUp = run.timeouts
    ? `; ${plural(run.timeouts, 'more request')} gave up waiting after ${aboutDuration(clientTimeoutMs)}`
    : '';
  if (run.requests.total === 0) {
    return run.timeouts
      ? `${name} completed no request: all ${run.timeouts} gave up waiting after ${aboutDuration(clientTimeoutMs)}`
      : `${name} completed no request at all`;
  }
  const rate = `${name} answered ${formatRate(run.requests.perSecond)} requests per second`;
  if (useful === 0)
    return `${rate} and every one failed, after about ${aboutDuration(run.latencyMs.p50)}${gaveUp}`;
  const fallback =
    run.outcomes.degraded > run.outcomes.full
      ? ' (most without recommendations: the fallback)'
      : '';
  return `${rate}, and ${formatPercent(run.usefulRate)} of its requests got the product${fallback}${gaveUp}`;
}

function probeSummary(f: ProbeFacts): string {
  if (f.probes === 0) return 'no probe was sent';
  if (f.answered === 0) return `none of its ${f.probes} probes was answered`;
  if (f.unanswered === 0)
    return `all ${f.probes} probes were answered, p99 ${formatOptionalMs(f.p99)}`;
  return `${f.unanswered} of ${f.probes} probes got no answer (p99 wait ${formatOptionalMs(f.p99)}, unanswered ones counted until they gave up)`;
}

/** Collateral damage: did the route that needs only the healthy service suffer? */
export function collateralSentence(v1: GatewayRun, v2: GatewayRun): string | null {
  const [f1, f2] = [probeFacts(v1), probeFacts(v2)];
  if (f1.probes === 0 && f2.probes === 0) return null;
  const path = v1.collateral.path;
  const slow = (a: ProbeFacts, b: ProbeFacts) =>
    a.unanswered > 0 || (a.p99 !== null && b.p99 !== null && a.p99 >= 5 * Math.max(b.p99, 1));
  const [hurt1, hurt2] = [slow(f1, f2), slow(f2, f1)];
  if (!hurt1 && !hurt2 && f1.p99 !== null && f2.p99 !== null) {
    return `Both gateways kept the healthy route ${path} fast: p99 ${formatMs(f1.p99)} on gateway-v1, ${formatMs(f2.p99)} on gateway-v2.`;
  }
  if (hurt1 && !hurt2) {
    return `The healthy route ${path} suffered too on gateway-v1: ${probeSummary(f1)}; on gateway-v2 ${probeSummary(f2)}.`;
  }
  return `On the healthy route ${path}, on gateway-v1 ${probeSummary(f1)}; on gateway-v2 ${probeSummary(f2)}.`;
}
