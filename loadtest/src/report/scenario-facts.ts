import type { GatewayRun, OutcomeCounts, Phase, ScenarioResult, SecondSample } from './schema.js';

// Facts read off one scenario's data, shared by the narrative and the charts so both tell the
// same story from the same definitions.

export interface HangWindow {
  mode: string;
  startMs: number;
  endMs: number;
  /** When the dependency was healthy again; null if it still failed when the run ended. */
  healedAtMs: number | null;
}

/** The first stretch where the dependency was not healthy. */
export function hangWindow(scenario: ScenarioResult): HangWindow | null {
  const index = scenario.phases.findIndex((p) => p.mode !== 'healthy');
  const phase = scenario.phases[index];
  if (!phase) return null;
  const next: Phase | undefined = scenario.phases[index + 1];
  return {
    mode: phase.mode,
    startMs: phase.startMs,
    endMs: phase.endMs,
    healedAtMs: next ? next.startMs : null,
  };
}

export const usefulOf = (o: OutcomeCounts): number => o.full + o.degraded;
export const attemptsOf = (o: OutcomeCounts): number => o.full + o.degraded + o.failed + o.timeout;

/** Useful answers per second over [fromMs, toMs), from the per-second samples; null if none fall in it. */
export function usefulRateBetween(run: GatewayRun, fromMs: number, toMs: number): number | null {
  const inside = run.samples.filter((s) => s.t * 1000 >= fromMs && (s.t + 1) * 1000 <= toMs);
  if (inside.length === 0) return null;
  return inside.reduce((sum, s) => sum + usefulOf(s.outcomes), 0) / inside.length;
}

export interface Silence {
  /** First and last second (inclusive) of the longest run of seconds with no response. */
  fromS: number;
  toS: number;
  seconds: number;
}

/** The longest stretch, from `fromS` on, in which the gateway completed nothing at all. */
export function longestSilence(samples: SecondSample[], fromS: number): Silence | null {
  let best: Silence | null = null;
  let start: number | null = null;
  const close = (endS: number) => {
    if (start !== null && (!best || endS - start + 1 > best.seconds))
      best = { fromS: start, toS: endS, seconds: endS - start + 1 };
    start = null;
  };
  for (const s of samples) {
    if (s.t < fromS) continue;
    if (s.requests === 0 && attemptsOf(s.outcomes) === 0) start ??= s.t;
    else close(s.t - 1);
  }
  const last = samples[samples.length - 1];
  if (last) close(last.t);
  return best;
}

export interface ProbeFacts {
  probes: number;
  answered: number;
  unanswered: number;
  p99: number | null;
}

export function probeFacts(run: GatewayRun): ProbeFacts {
  const { collateral } = run;
  const answered = collateral.samples.filter((s) => s.ms !== null).length;
  return {
    probes: collateral.probes,
    answered,
    unanswered: Math.max(0, collateral.probes - answered),
    p99: collateral.latencyMs?.p99 ?? null,
  };
}
