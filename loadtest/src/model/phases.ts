import { z } from 'zod';
import {
  arrivedBetween,
  offsetMs,
  summarizeUsers,
  usersSummarySchema,
  type ArrivalRecord,
  type SecondSample,
} from './load.js';
import { usefulOf } from './outcome.js';
import { round } from './stats.js';

/** A stretch of a scenario with one failure mode of recommendations-service. */
export const phaseSchema = z.strictObject({
  mode: z.string(),
  /** `partial`: the share of calls it failed. */
  errorRate: z.number().min(0).max(1).optional(),
  startMs: offsetMs,
  endMs: offsetMs,
});
export type Phase = z.infer<typeof phaseSchema>;

/** The users who arrived in one phase, and how many waited at most. */
export const phaseStatsSchema = phaseSchema.extend({
  users: usersSummarySchema,
  /** The most users waiting at the end of any second of the phase. */
  peakWaiting: z.int().min(0),
});
export type PhaseStats = z.infer<typeof phaseStatsSchema>;

export function phaseStats(
  records: readonly ArrivalRecord[],
  samples: readonly SecondSample[],
  phases: readonly Phase[],
): PhaseStats[] {
  return phases.map((phase) => {
    const inside = samples.filter(
      (s) => s.t * 1000 >= phase.startMs && (s.t + 1) * 1000 <= phase.endMs,
    );
    return {
      ...phase,
      users: summarizeUsers(arrivedBetween(records, phase.startMs, phase.endMs)),
      peakWaiting: inside.reduce((max, s) => Math.max(max, s.waiting), 0),
    };
  });
}

/** A second counts as served in time when this share of its arrivals got a useful answer. */
export const SERVED_SHARE = 0.9;
/** ...for this many seconds in a row. */
const SUSTAINED_S = 3;

/** The first of SUSTAINED_S seconds in a row from `fromS` that pass `ok`; null if none. */
function firstSustained(
  samples: readonly SecondSample[],
  fromS: number,
  ok: (s: SecondSample) => boolean,
): number | null {
  let run = 0;
  for (const s of samples) {
    if (s.t < fromS) continue;
    run = ok(s) ? run + 1 : 0;
    if (run === SUSTAINED_S) return s.t - SUSTAINED_S + 1;
  }
  return null;
}

export const recoverySchema = z.strictObject({
  /** Offset the dependency was healthy again. */
  healedAtMs: offsetMs,
  /**
   * From the heal until new arrivals were answered in time again (SERVED_SHARE of each
   * second's users, three seconds in a row), at one-second resolution; null if not in the run.
   */
  servedInTimeAfterMs: z.number().min(0).nullable(),
  /** From the heal until the users waiting were back to the healthy phase's level; null if not. */
  backlogDrainedAfterMs: z.number().min(0).nullable(),
  /** The most users waiting after the heal. */
  peakWaitingAfter: z.int().min(0),
});
export type Recovery = z.infer<typeof recoverySchema>;

/** After the heal: how long until users were served in time again, and the backlog gone. */
export function recoveryAfter(
  samples: readonly SecondSample[],
  healedAtMs: number,
  baselineWaiting: number,
): Recovery {
  const fromS = Math.floor(healedAtMs / 1000);
  const afterMs = (second: number | null) =>
    second === null ? null : Math.max(0, second * 1000 - healedAtMs);
  const served = firstSustained(
    samples,
    fromS,
    (s) => s.arrivals > 0 && usefulOf(s.outcomes) >= SERVED_SHARE * s.arrivals,
  );
  // Back to normal: about what waited while healthy, allowing for the noise of a few users.
  const arrivalsPerSecond =
    samples.reduce((sum, s) => sum + s.arrivals, 0) / Math.max(1, samples.length);
  const level = Math.max(2 * baselineWaiting + 5, 0.1 * arrivalsPerSecond);
  const drained = firstSustained(samples, fromS, (s) => s.waiting <= level);
  return {
    healedAtMs: round(healedAtMs),
    servedInTimeAfterMs: afterMs(served),
    backlogDrainedAfterMs: afterMs(drained),
    peakWaitingAfter: samples
      .filter((s) => s.t >= fromS)
      .reduce((m, s) => Math.max(m, s.waiting), 0),
  };
}

/** The mean of users waiting at the end of each whole second of a phase. */
export function meanWaiting(samples: readonly SecondSample[], phase: Phase): number {
  const inside = samples.filter(
    (s) => s.t * 1000 >= phase.startMs && (s.t + 1) * 1000 <= phase.endMs,
  );
  return inside.length ? inside.reduce((sum, s) => sum + s.waiting, 0) / inside.length : 0;
}

/** Where the dependency was sick in a scenario, and when it was healthy again. */
export interface SickWindow {
  startMs: number;
  endMs: number;
  /** Null if it was still sick when the run ended. */
  healedAtMs: number | null;
}

/** The first phase in which the dependency was not healthy: a run's sick phase. */
export const sickPhase = <P extends Pick<Phase, 'mode'>>(phases: readonly P[]): P | undefined =>
  phases.find((p) => p.mode !== 'healthy');

/** The first stretch where the dependency was not healthy, and when it was healed. */
export function sickWindow(phases: readonly Phase[]): SickWindow | null {
  const phase = sickPhase(phases);
  if (!phase) return null;
  const index = phases.indexOf(phase);
  return {
    startMs: phase.startMs,
    endMs: phase.endMs,
    healedAtMs: phases[index + 1]?.startMs ?? null,
  };
}
