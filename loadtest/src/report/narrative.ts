import {
  formatCount,
  formatDuration,
  formatMs,
  formatOptionalMs,
  formatPercent,
  formatRate,
  formatRatio,
  formatSeconds,
  plural,
} from '../browser/format.js';
import { breakerStory } from '../model/circuit.js';
import type { Collateral } from '../model/collateral.js';
import { GATEWAY_SERVICE } from '../model/gateways.js';
import type { LoadSpec } from '../model/load.js';
import { SERVED_SHARE, sickPhase, sickWindow } from '../model/phases.js';
import { type GatewayScenario } from '../scenarios/settings.js';
import type { RungFigures } from '../model/ladder.js';
import type {
  Comparison,
  ErrorRateRow,
  GatewayRun,
  LayersResult,
  Report,
  RungResult,
  ScenarioResult,
} from './schema.js';

// The report's words: the one-line verdicts, the headline and "What happened", every sentence
// generated from the figures. Each phrase copes with empty runs itself, so no sentence can end
// up saying "NaN" or "undefined".

type Facts = Omit<Comparison, 'verdict'>;

const defined = (lines: (string | null)[]): string[] => lines.filter((l): l is string => !!l);

/** "100 users per second" or "20 connections": how the users were sent. */
export function describeLoad(load: LoadSpec): string {
  return load.model === 'open'
    ? `${formatRate(load.rate)} users per second (${load.arrivals === 'poisson' ? 'Poisson' : 'evenly spaced'} arrivals)`
    : `${plural(load.connections, 'connection')} in a closed loop`;
}

const sickPhaseOf = (run: GatewayRun) => sickPhase(run.phases);

export function verdictFor(
  name: GatewayScenario,
  v1: GatewayRun,
  v2: GatewayRun,
  facts: Facts,
): string {
  const { sickUsefulShare: sick } = facts;
  if (name === 'outage') {
    const v2p99 = formatOptionalMs(v2.users.latencyMs?.p99);
    const v1p50 = formatOptionalMs(v1.users.latencyMs?.p50);
    return `With recommendations hanging, ${formatPercent(sick.v2)} of gateway-v2's users got the product in time (p99 ${v2p99}), ${formatPercent(sick.v1)} of gateway-v1's (median wait ${v1p50}).`;
  }
  const parts = [
    `While recommendations hung, gateway-v2 served ${formatPercent(sick.v2)} of its users in time, gateway-v1 ${formatPercent(sick.v1)}`,
  ];
  if (facts.breakerOpenedAfterMs !== null)
    parts.push(`the breaker opened ${formatDuration(facts.breakerOpenedAfterMs)} into the hang`);
  const back = (run: GatewayRun) => run.recovery?.servedInTimeAfterMs;
  const [b1, b2] = [back(v1), back(v2)];
  if (b1 != null)
    parts.push(`after the heal gateway-v1 took ${formatSeconds(b1)} to serve users in time again`);
  else if (v1.recovery) parts.push('gateway-v1 had not recovered when the run ended');
  if (b2 != null && b2 > 0) parts.push(`gateway-v2 took ${formatSeconds(b2)}`);
  else if (b2 === null && v2.recovery)
    parts.push('gateway-v2 had not recovered when the run ended');
  return `${parts.join('; ')}.`;
}

/** How a closed loop bends the figures, said once wherever they are shown. */
export function closedLoopCaveat(load: LoadSpec): string | null {
  if (load.model !== 'closed') return null;
  return `Load: a closed loop of ${plural(load.connections, 'connection')} per gateway, each waiting for its answer before sending again: a stuck gateway is sent fewer requests, so these shares count requests, not users, and understate what users would live through (run without --load closed to see it).`;
}

/**
 * The verdict of the lead scenario (the timeline when it ran, then the outage, the partial
 * failure, the ladder), and what bends its figures.
 */
export function headlineOf(scenarios: Report['scenarios']): string {
  const lead = scenarios.timeline ?? scenarios.outage ?? scenarios.partial;
  if (lead)
    return defined([lead.comparison.verdict, closedLoopCaveat(lead.gateways.v1.load)]).join('\n');
  const ladder = scenarios.layers;
  if (ladder)
    return defined([ladder.verdict, closedLoopCaveat(ladder.rungs[0]!.run.load)]).join('\n');
  return 'No scenario was run.';
}

const perSecond = (calls: number) => `${formatRate(calls)} calls/s`;
const points = (delta: number) => `${Math.round(Math.abs(delta) * 100)} points`;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * partial: "does the circuit breaker still help with 50 % of calls failing? with 30 %?",
 * answered from the rows: per share failed, what each gateway's users got,
 * how long the circuit was open and what reached recommendations; then what follows.
 */
export function partialAnswer(rows: readonly ErrorRateRow[], thresholdPercent: number): string {
  if (rows.length === 0) return 'No share of failures was run.';
  const pct = (r: ErrorRateRow) => formatPercent(r.errorRate);
  const each = rows.map(
    (r) =>
      `at ${pct(r)} failing, gateway-v2 served ${formatPercent(r.v2.usefulShare)} of its users in time (gateway-v1 ${formatPercent(r.v1.usefulShare)}), its circuit was open ${formatPercent(r.v2.openShare)} of the time and it sent ${perSecond(r.v2.callsPerSecond)} to recommendations (gateway-v1 ${perSecond(r.v1.callsPerSecond)})`,
  );
  // Open a tenth of the time or more: the breaker did something for the dependency.
  const opened = rows.filter((r) => r.v2.openShare >= 0.1).map(pct);
  const closed = rows.filter((r) => r.v2.openShare < 0.1).map(pct);
  const breaker = opened.length
    ? `the breaker, which opens when ${thresholdPercent} % of the calls in its window fail, spared recommendations at ${list(opened)}${closed.length ? ` and barely opened at ${list(closed)}` : ''}`
    : `the breaker, which opens when ${thresholdPercent} % of the calls in its window fail, barely opened at any of them`;
  const fallbackHelped = rows.every((r) => r.v2.usefulShare > r.v1.usefulShare);
  const users = fallbackHelped
    ? '; what kept gateway-v2’s users served at every share was the fallback, not the breaker'
    : '';
  return `Does the breaker still help when only some calls fail? ${each.map((e) => e[0]!.toUpperCase() + e.slice(1)).join('. ')}. So ${breaker}${users}.`;
}

type Rung = Omit<RungResult, 'sentence'>;

/** What one rung bought over the rung below, every clause from a change in the figures. */
export function rungSentence(rung: Rung, below: Rung | null): string {
  const f = rung.figures;
  const served = (x: RungFigures) =>
    x.servedAgainAfterMs === null
      ? 'users were not served in time again within the run'
      : `users were served in time again ${formatSeconds(x.servedAgainAfterMs)} after the heal`;
  const recovered = (x: RungFigures) =>
    x.dependencyRecoveredAfterMs === null
      ? 'recommendations-service was still behind on its calls when the run ended'
      : `recommendations-service had caught up with its calls ${formatSeconds(x.dependencyRecoveredAfterMs)} after the heal`;
  if (!below) {
    return `${rung.label}: ${formatPercent(f.hang.usefulShare)} of the users who arrived while recommendations hung were served in time (p99 ${formatOptionalMs(f.hang.latencyMs?.p99)}); ${perSecond(f.callsPerSecond.hang)} reached recommendations while it hung, ${perSecond(f.callsPerSecond.afterHeal)} after the heal; ${served(f)}; ${recovered(f)}; the healthy route’s p99 during the hang was ${formatOptionalMs(f.healthyRouteP99Ms)}.`;
  }
  const b = below.figures;
  const clauses: string[] = [];
  const dUseful = f.hang.usefulShare - b.hang.usefulShare;
  if (Math.abs(dUseful) >= 0.05)
    clauses.push(
      `${dUseful > 0 ? 'served' : 'lost'} ${points(dUseful)} of the users in time during the hang (${formatPercent(b.hang.usefulShare)} → ${formatPercent(f.hang.usefulShare)})`,
    );
  const [p99b, p99] = [b.hang.latencyMs?.p99, f.hang.latencyMs?.p99];
  if (p99b != null && p99 != null && (p99 * 2 <= p99b || p99 >= p99b * 2))
    clauses.push(`moved the hang’s p99 from ${formatMs(p99b)} to ${formatMs(p99)}`);
  const [cb, c] = [b.callsPerSecond.hang, f.callsPerSecond.hang];
  if (c >= cb * 1.5 && c - cb >= 1)
    clauses.push(
      `sent ${cb > 0 ? `${formatRatio(c / cb)} the` : 'more'} calls to recommendations while it hung (${perSecond(cb)} → ${perSecond(c)})`,
    );
  else if (c * 1.5 <= cb && cb - c >= 1)
    clauses.push(
      `cut the calls reaching recommendations while it hung from ${perSecond(cb)} to ${perSecond(c)}`,
    );
  if ((b.servedAgainAfterMs === null) !== (f.servedAgainAfterMs === null)) clauses.push(served(f));
  if ((b.dependencyRecoveredAfterMs === null) !== (f.dependencyRecoveredAfterMs === null))
    clauses.push(recovered(f));
  const [hb, h] = [b.healthyRouteP99Ms, f.healthyRouteP99Ms];
  if (hb != null && h != null && (h * 2 <= hb || h >= hb * 2) && Math.abs(h - hb) >= 50)
    clauses.push(
      `moved the healthy route’s p99 during the hang from ${formatMs(hb)} to ${formatMs(h)}`,
    );
  // Retries that add no calls are the surprise: say what held them back, from the pool's own
  // size. Not for the fast retries, whose pool holds back nothing.
  const size = rung.run.pool?.[0]?.size;
  if (rung.retries > 0 && !rung.fast && c < cb * 1.5 && size !== undefined)
    clauses.push(
      `the calls reaching recommendations barely changed (${perSecond(cb)} → ${perSecond(c)} while it hung, ${perSecond(b.callsPerSecond.afterHeal)} → ${perSecond(f.callsPerSecond.afterHeal)} after the heal): gateway-v1’s shared pool of ${plural(size, 'place')}, each held through the hang, caps the calls it can send, so every retry waits in the same line`,
    );
  const what = clauses.length ? clauses.join('; ') : 'changed little here';
  return `${rung.label} (${rung.adds}, compared with ${below.label}): ${what}.`;
}

/** The ladder in one sentence: the bottom and the top rung, the retries, who recovered. */
export function layersVerdict(rungs: readonly RungResult[]): string {
  const bottom = rungs.find((r) => r.id === 'none');
  const top = rungs.find((r) => r.id === 'bulkhead');
  if (!bottom || !top) return 'The ladder did not run every rung.';
  const c0 = bottom.figures.callsPerSecond;
  const parts = [
    `While recommendations hung, no protection served ${formatPercent(bottom.figures.hang.usefulShare)} of its users in time and gateway-v2 with every protection ${formatPercent(top.figures.hang.usefulShare)}`,
  ];
  for (const id of ['retries', 'fast-retries'] as const) {
    const rung = rungs.find((r) => r.id === id);
    if (!rung) continue;
    const c1 = rung.figures.callsPerSecond;
    parts.push(
      `${rung.label} sent ${perSecond(c1.hang)} to recommendations while it hung (${perSecond(c0.hang)} without retries) and ${perSecond(c1.afterHeal)} after the heal (${perSecond(c0.afterHeal)} without)`,
    );
  }
  parts.push(
    `gateway-v2 sent ${perSecond(top.figures.callsPerSecond.hang)} while it hung, its probes and the calls before its circuit opened`,
  );
  const stuck = rungs
    .filter((r) => r.figures.dependencyRecoveredAfterMs === null)
    .map((r) => r.label);
  parts.push(
    stuck.length
      ? `recommendations had not recovered by the end of the run behind ${list(stuck)}`
      : 'every rung’s recommendations recovered within the run',
  );
  const late = scheduleSentence(rungs.map((r) => r.run));
  return `${parts.join('; ')}.${late ? ` ${late}` : ''}`;
}

function probeSummary(c: Collateral): string {
  if (c.probes === 0) return 'no probe was sent';
  const missed = c.tooLate + c.unanswered;
  if (missed === 0 && c.inTime === c.probes)
    return `all ${plural(c.probes, 'probe')} were answered in time, p99 ${formatOptionalMs(c.latencyMs?.p99)}`;
  return `${formatCount(missed)} of ${plural(c.probes, 'probe')} were too late or unanswered (median wait ${formatOptionalMs(c.latencyMs?.p50)})`;
}

/** Collateral damage: did the route that needs only the healthy service suffer? */
function collateralSentence(v1: GatewayRun, v2: GatewayRun): string | null {
  const [c1, c2] = [v1.collateral, v2.collateral];
  if (c1.probes === 0 && c2.probes === 0) return null;
  return `The healthy route ${c1.path}, which needs only product-service: on gateway-v1 ${probeSummary(c1)}; on gateway-v2 ${probeSummary(c2)}.`;
}

/** What one gateway gave the users who arrived while the dependency was sick. */
function whatUsersGot(run: GatewayRun, during: GatewayRun['users']): string {
  const name = GATEWAY_SERVICE[run.gateway];
  const o = during.outcomes;
  if (during.arrivals === 0) return `no user arrived at ${name}`;
  const useful = `${formatPercent(during.usefulShare)} got the product in time`;
  const fallback = o.degraded > o.full ? ' (mostly without recommendations: the fallback)' : '';
  const late = o.tooLate
    ? `; ${plural(o.tooLate, 'user')} got an answer only after their patience`
    : '';
  const none = o.timedOut
    ? `; ${plural(o.timedOut, 'user')} got none before they gave up or the run ended`
    : '';
  const failed = o.failed ? `; ${plural(o.failed, 'user')} got an error` : '';
  const dropped = o.dropped
    ? `; ${plural(o.dropped, 'user')} could not even be sent (the load runner's socket budget was used up)`
    : '';
  return `of the ${plural(during.arrivals, 'user')} at ${name}, ${useful}${fallback}${late}${none}${failed}${dropped}`;
}

/** `since` names the moment `fromMs` is: the hang's start, or v2's first user in the outage. */
function breakerSentence(
  v2: GatewayRun,
  fromMs: number,
  since: string,
  healedAtMs: number | null,
): string | null {
  if (!v2.circuit) return null;
  const story = breakerStory(v2.circuit, fromMs, healedAtMs);
  if (story.openedAfterMs === null) return 'gateway-v2’s breaker never opened.';
  const probes = story.probes
    ? `; ${plural(story.probes, 'half-open probe')}${story.probeEveryMs === null ? '' : `, one every ${formatSeconds(story.probeEveryMs)}`}, ${story.failedProbes === story.probes ? 'each failed' : `${formatCount(story.failedProbes)} failed`}`
    : '';
  const closed =
    healedAtMs === null
      ? ''
      : story.closedAfterHealMs === null
        ? '; it had not closed when the run ended'
        : `; it closed ${formatSeconds(story.closedAfterHealMs)} after the dependency healed`;
  return `gateway-v2’s breaker opened ${formatDuration(story.openedAfterMs)} after ${since}${probes}${closed}.`;
}

/** Said wherever a run's figures are: the runner falling behind changes how users came. */
export function scheduleSentence(runs: GatewayRun[]): string | null {
  const behind = runs.filter((r) => r.schedule?.fellBehind);
  if (behind.length === 0) return null;
  const worst = Math.max(...behind.map((r) => r.schedule?.lagMs.max ?? 0));
  const p99 = Math.max(...behind.map((r) => r.schedule?.lagMs.p99 ?? 0));
  return `The load runner fell behind its schedule: 1 % of users went out more than ${formatMs(p99)} late (worst ${formatMs(worst)}). Latency still counts from when each user was due, so no wait is hidden, but users came in bunches.`;
}

export function outageStory(s: ScenarioResult): string[] {
  const { v1, v2 } = s.gateways;
  const v1p50 = v1.users.latencyMs?.p50;
  return defined([
    `With recommendations hanging from the start, ${describeLoad(v1.load)} came to each gateway in turn, for ${formatSeconds(v1.durationMs)} each.`,
    `First, ${whatUsersGot(v1, v1.users)}${v1p50 == null ? '' : `; the median user waited ${formatDuration(v1p50)}`}.`,
    `Then, ${whatUsersGot(v2, v2.users)}; p99 ${formatOptionalMs(v2.users.latencyMs?.p99)} from arrival.`,
    breakerSentence(v2, v2.startMs, 'its first user arrived', null),
    collateralSentence(v1, v2),
    closedLoopCaveat(v1.load),
    scheduleSentence([v1, v2]),
  ]);
}

function poolPhrase(v1: GatewayRun, fromMs: number, toMs: number): string {
  const inside = (v1.pool ?? []).filter((p) => p.t >= fromMs && p.t < toMs);
  if (inside.length === 0) return '';
  const full = inside.filter((p) => p.active >= p.size).length / inside.length;
  const queue = Math.max(...inside.map((p) => p.waiting));
  return `: its shared pool of ${formatCount(inside[0]?.size ?? 0)} places was full ${formatPercent(full)} of the time, with up to ${plural(queue, 'call')} waiting in line`;
}

export function timelineStory(s: ScenarioResult): string[] {
  const { v1, v2 } = s.gateways;
  const sick = sickWindow(s.phases);
  if (!sick)
    return defined([
      'The dependency stayed healthy for the whole run.',
      collateralSentence(v1, v2),
    ]);
  const [p1, p2] = [sickPhaseOf(v1), sickPhaseOf(v2)];
  const before = [v1.phases[0], v2.phases[0]];
  const baseline =
    before[0] && before[1] && before[0].mode === 'healthy'
      ? `Both gateways started healthy under ${describeLoad(v1.load)} each: gateway-v1 served ${formatPercent(before[0].users.usefulShare)} of its users in time, gateway-v2 ${formatPercent(before[1].users.usefulShare)}.`
      : null;
  const during =
    p1 && p2
      ? `While recommendations hung (${formatSeconds(sick.startMs)} to ${formatSeconds(sick.endMs)} into the run), ${whatUsersGot(v1, p1.users)}; up to ${plural(p1.peakWaiting, 'user')} waited on it at once${poolPhrase(v1, sick.startMs, sick.endMs)}. Meanwhile ${whatUsersGot(v2, p2.users)}.`
      : null;
  const after = (run: GatewayRun) => {
    const r = run.recovery;
    if (!r) return null;
    const sickPart = sickPhaseOf(run);
    if (sickPart && sickPart.users.usefulShare >= SERVED_SHARE && r.servedInTimeAfterMs === 0)
      return `${GATEWAY_SERVICE[run.gateway]} had kept serving users in time throughout`;
    const served =
      r.servedInTimeAfterMs === null
        ? 'had not served users in time again when the run ended'
        : `served users in time again ${formatSeconds(r.servedInTimeAfterMs)} after the heal`;
    const drained =
      r.backlogDrainedAfterMs === null
        ? `; ${plural(r.peakWaitingAfter, 'user')} were still waiting`
        : r.backlogDrainedAfterMs > 0
          ? `, and its backlog of waiting users was gone after ${formatSeconds(r.backlogDrainedAfterMs)}`
          : '';
    return `${GATEWAY_SERVICE[run.gateway]} ${served}${drained}`;
  };
  const healed = [after(v1), after(v2)].filter(Boolean);
  return defined([
    baseline,
    during,
    healed.length ? `After the heal, ${healed.join('; ')}.` : null,
    breakerSentence(v2, sick.startMs, 'the dependency began to hang', sick.healedAtMs),
    collateralSentence(v1, v2),
    closedLoopCaveat(v1.load),
    scheduleSentence([v1, v2]),
  ]);
}

export function layersStory(l: LayersResult): string[] {
  const load = l.rungs[0]?.run.load;
  return defined([
    load
      ? `The ladder: ${l.rungs.length} gateways side by side, each under ${describeLoad(load)}, each with its own recommendations-service serving ${plural(l.capacity.limit, 'call')} at once (${formatMs(l.capacity.workMs)} each).`
      : null,
    ...l.rungs.map((r) => r.sentence),
  ]);
}

/**
 * "What happened", in plain sentences generated from the numbers, for the top of the HTML
 * report. Scenarios that were not run are left out (the report's sections say why).
 */
export function narrative(report: Report): string[] {
  const { outage, timeline, partial, layers } = report.scenarios;
  const lines = [
    ...(timeline ? timelineStory(timeline) : []),
    ...(outage ? outageStory(outage) : []),
    ...(partial
      ? defined([partial.comparison.verdict, scheduleSentence(Object.values(partial.gateways))])
      : []),
    ...(layers ? layersStory(layers) : []),
  ];
  return lines.length ? lines : ['No scenario was run, so there is nothing to tell yet.'];
}
