import { breakerStory } from './circuit-facts.js';
import { formatMs, formatRate, formatRatio } from './format.js';
import { aboutDuration, collateralSentence, plural, whatUsersGot } from './narrative-parts.js';
import {
  hangWindow,
  longestSilence,
  usefulRateBetween,
  type HangWindow,
} from './scenario-facts.js';
import type { GatewayRun, ScenarioResult } from './schema.js';
import { formatSeconds } from './text-format.js';

const defined = (lines: (string | null)[]): string[] =>
  lines.filter((l): l is string => l !== null);

/** "let a trial call through every 10 s (2 trials)", or nothing without trials. */
function trialsPhrase(trials: number, everyMs: number | null): string {
  return trials && everyMs !== null
    ? `, let a trial call through every ${formatSeconds(everyMs)} (${plural(trials, 'trial')})`
    : '';
}

export function outageStory(s: ScenarioResult, clientTimeoutMs: number): string[] {
  const { v1, v2 } = s.gateways;
  const { throughputRatio } = s.comparison;
  const factor =
    throughputRatio !== null && v1.requests.total > 0 && v2.requests.total > 0
      ? `That is ${formatRatio(throughputRatio)} the throughput, with a p99 of ${formatMs(v2.latencyMs.p99)} instead of ${formatMs(v1.latencyMs.p99)}.`
      : null;
  const story = breakerStory(v2, v2.startMs, null);
  const breaker = !v2.circuit
    ? null
    : story.openedAfterMs === null
      ? 'gateway-v2’s breaker never opened.'
      : `gateway-v2’s breaker opened ${aboutDuration(story.openedAfterMs)} after its load began${
          story.trials
            ? `${trialsPhrase(story.trials, story.trialEveryMs)} and opened again each time: the dependency still hung`
            : ' and stayed open until the run ended'
        }.`;
  return defined([
    `With recommendations hanging from the start, ${whatUsersGot(v1, clientTimeoutMs)}. Then ${whatUsersGot(v2, clientTimeoutMs)}.`,
    factor,
    breaker,
    collateralSentence(v1, v2),
  ]);
}

/** Useful answers per second in a phase: the runner's per-phase numbers when it wrote them. */
function phaseRate(run: GatewayRun, index: number, fromMs: number, toMs: number): number | null {
  return run.phases?.[index]?.usefulPerSecond ?? usefulRateBetween(run, fromMs, toMs);
}

function duringHang(s: ScenarioResult, w: HangWindow, index: number): string {
  const { v1, v2 } = s.gateways;
  const silence = longestSilence(v1.samples, Math.floor(w.startMs / 1000));
  // Silence only means "stuck on hung calls" for a gateway that was answering before the hang.
  const wasServing = index > 0 && (phaseRate(v1, 0, 0, w.startMs) ?? 0) > 0;
  const v1Part =
    silence && silence.seconds >= 2 && wasServing
      ? `gateway-v1 completed no request for ${silence.seconds} s in a row (from ${silence.fromS} s to ${silence.toS + 1} s): its ${v1.connections} connections were all waiting on hung calls`
      : `gateway-v1 served ${formatRate(phaseRate(v1, index, w.startMs, w.endMs) ?? 0)} useful answers per second`;
  const v2Rate = phaseRate(v2, index, w.startMs, w.endMs) ?? 0;
  const v2Part =
    v2Rate > 0
      ? `gateway-v2 kept serving ${formatRate(v2Rate)} per second`
      : 'gateway-v2 served none either';
  return `While recommendations hung (${formatSeconds(w.startMs)} to ${formatSeconds(w.endMs)} into the run), ${v1Part}; ${v2Part}.`;
}

function afterHeal(s: ScenarioResult, w: HangWindow): string | null {
  const story = breakerStory(s.gateways.v2, w.startMs, w.healedAtMs);
  if (!s.gateways.v2.circuit) return null;
  if (story.openedAfterMs === null) return 'gateway-v2’s breaker never opened.';
  const closed =
    w.healedAtMs === null
      ? ', and the run ended before the dependency healed'
      : story.closedAfterHealMs === null
        ? ', and had not closed when the run ended'
        : ` and closed ${formatSeconds(story.closedAfterHealMs)} after the dependency healed`;
  const v1Back = s.comparison.recoveryMs?.v1;
  let v1Part = '';
  if (w.healedAtMs !== null && v1Back === null)
    v1Part = '; gateway-v1 had not recovered when the run ended';
  else if (v1Back !== undefined && v1Back !== null) {
    const later = story.closedAfterHealMs !== null ? v1Back - story.closedAfterHealMs : 0;
    v1Part = `; gateway-v1 needed ${formatSeconds(v1Back)} after the heal to serve again${later >= 1000 ? `, ${formatSeconds(later)} longer` : ''}`;
  }
  return `The breaker opened ${formatSeconds(story.openedAfterMs)} into the hang${trialsPhrase(story.trials, story.trialEveryMs)}${closed}${v1Part}.`;
}

export function timelineStory(s: ScenarioResult): string[] {
  const w = hangWindow(s);
  const { v1, v2 } = s.gateways;
  if (!w)
    return defined([
      'The dependency stayed healthy for the whole timeline run.',
      collateralSentence(v1, v2),
    ]);
  const index = s.phases.findIndex((p) => p.startMs === w.startMs && p.mode === w.mode);
  const before = index > 0 ? [phaseRate(v1, 0, 0, w.startMs), phaseRate(v2, 0, 0, w.startMs)] : [];
  const baseline =
    before[0] != null && before[1] != null && before[0] + before[1] > 0
      ? `In the timeline run both gateways started healthy: gateway-v1 served ${formatRate(before[0])} useful answers per second, gateway-v2 ${formatRate(before[1])}.`
      : null;
  return defined([baseline, duringHang(s, w, index), afterHeal(s, w), collateralSentence(v1, v2)]);
}
