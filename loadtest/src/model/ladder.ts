import { z } from 'zod';
import { probeP99Between, type ProbeSample } from './collateral.js';
import { backlogGoneAfter, meanCallsPerSecond, type DependencySample } from './observed.js';
import type { PhaseStats, Recovery } from './phases.js';

const ms = z.number().min(0);
const share = z.number().min(0).max(1);
const perSecond = z.number().min(0);

/** What one rung of the ladder did, healthy -> hang -> healthy, every figure from its run. */
export const rungFiguresSchema = z.strictObject({
  /** The users who arrived while recommendations hung: the share served in time, and their wait. */
  hang: z.strictObject({
    usefulShare: share,
    latencyMs: z.strictObject({ p50: ms, p99: ms }).nullable(),
  }),
  /** Calls per second reaching recommendations-service from this rung, as it counted them. */
  callsPerSecond: z.strictObject({ healthy: perSecond, hang: perSecond, afterHeal: perSecond }),
  /** From the heal until new users were served in time again; null: not within the run. */
  servedAgainAfterMs: ms.nullable(),
  /** From the heal until recommendations caught up with its calls for good (backlogGoneAfter); null: not within the run. */
  dependencyRecoveredAfterMs: ms.nullable(),
  /** /products/1 while recommendations hung: p99 wait of the probes sent then. */
  healthyRouteP99Ms: ms.nullable(),
});
export type RungFigures = z.infer<typeof rungFiguresSchema>;

/** The parts of a rung's run its figures come from. */
export interface RungRun {
  phases: readonly PhaseStats[];
  recovery: Recovery | null;
  dependency: readonly DependencySample[];
  collateral: { samples: readonly ProbeSample[] };
  endMs: number;
}

/** `capacityLimit`: the calls the rung's recommendations-service serves at once. */
export function rungFigures(run: RungRun, capacityLimit: number): RungFigures {
  const healthy = run.phases.find((p) => p.mode === 'healthy');
  const hang = run.phases.find((p) => p.mode === 'hang');
  const healedAtMs = hang?.endMs ?? run.endMs;
  const calls = (from: number, to: number) => meanCallsPerSecond(run.dependency, from, to);
  const latency = hang?.users.latencyMs;
  return {
    hang: {
      usefulShare: hang?.users.usefulShare ?? 0,
      latencyMs: latency ? { p50: latency.p50, p99: latency.p99 } : null,
    },
    callsPerSecond: {
      healthy: healthy ? calls(healthy.startMs, healthy.endMs) : 0,
      hang: hang ? calls(hang.startMs, hang.endMs) : 0,
      afterHeal: calls(healedAtMs, run.endMs),
    },
    servedAgainAfterMs: run.recovery?.servedInTimeAfterMs ?? null,
    dependencyRecoveredAfterMs: hang
      ? backlogGoneAfter(run.dependency, healedAtMs, capacityLimit)
      : null,
    healthyRouteP99Ms: hang
      ? probeP99Between(run.collateral.samples, hang.startMs, hang.endMs)
      : null,
  };
}
