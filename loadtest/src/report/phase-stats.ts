import { round } from '../runner/percentile.js';
import type { GatewayRun, Phase, PhaseStats, SecondSample } from './schema.js';

const useful = (s: SecondSample) => s.outcomes.full + s.outcomes.degraded;

/**
 * The gateway's seconds that lie wholly inside a phase: a second straddling a switch would mix
 * answers from before and after it. A phase shorter than a whole second keeps its first second.
 */
function within(samples: SecondSample[], phase: Phase): SecondSample[] {
  const whole = samples.filter(
    (s) => s.t * 1000 >= phase.startMs && (s.t + 1) * 1000 <= phase.endMs,
  );
  if (whole.length) return whole;
  return samples.filter((s) => s.t === Math.floor(phase.startMs / 1000));
}

export function phaseStats(samples: SecondSample[], phases: Phase[]): PhaseStats[] {
  return phases.map((phase) => {
    const inside = within(samples, phase);
    const outcomes = { full: 0, degraded: 0, failed: 0, timeout: 0 };
    for (const s of inside)
      for (const key of Object.keys(outcomes) as (keyof typeof outcomes)[])
        outcomes[key] += s.outcomes[key];
    const p99s = inside.flatMap((s) => (s.p99 === null ? [] : [s.p99]));
    return {
      mode: phase.mode,
      startMs: phase.startMs,
      endMs: phase.endMs,
      outcomes,
      usefulPerSecond: inside.length
        ? round(inside.reduce((sum, s) => sum + useful(s), 0) / inside.length)
        : 0,
      worstP99: p99s.length ? Math.max(...p99s) : null,
    };
  });
}

/**
 * Time from the dependency healing until the gateway again served useful answers at half the
 * rate it had before the hang (per-second resolution); null if it never did in the run.
 */
export function recoveryAfter(run: GatewayRun, healedAtMs: number): number | null {
  const before = run.phases?.[0]?.usefulPerSecond ?? 0;
  if (before === 0) return null;
  const firstSecond = Math.floor(healedAtMs / 1000);
  const back = run.samples.find((s) => s.t >= firstSecond && useful(s) >= before / 2);
  return back ? Math.max(0, back.t * 1000 - healedAtMs) : null;
}

/** From `fromMs` to v2's first OPEN after it; null if the breaker did not open. */
export function breakerOpenedAfter(run: GatewayRun, fromMs: number): number | null {
  const opened = run.circuit?.transitions.find((tr) => tr.to === 'OPEN' && tr.t >= fromMs);
  return opened ? Math.round(opened.t - fromMs) : null;
}
