import type { CircuitRecord, GatewayRun } from './schema.js';

export type CircuitState = CircuitRecord['samples'][number]['state'];

export interface CircuitSegment {
  state: CircuitState;
  startMs: number;
  endMs: number;
}

/**
 * The breaker's state over [fromMs, toMs]. v2's own transition log is exact; the polled
 * samples are the fallback when it recorded none (e.g. the breaker never moved).
 */
export function circuitSegments(
  circuit: CircuitRecord,
  fromMs: number,
  toMs: number,
): CircuitSegment[] {
  const changes = circuit.transitions.length
    ? circuit.transitions.map((tr) => ({ t: tr.t, state: tr.to }))
    : circuit.samples.map((s) => ({ t: s.t, state: s.state }));
  let state: CircuitState = circuit.transitions[0]?.from ?? circuit.samples[0]?.state ?? 'CLOSED';
  let start = fromMs;
  const segments: CircuitSegment[] = [];
  for (const change of [...changes].sort((a, b) => a.t - b.t)) {
    if (change.t > toMs) break;
    if (change.state === state) continue;
    if (change.t > start) segments.push({ state, startMs: start, endMs: change.t });
    state = change.state;
    start = Math.max(fromMs, change.t);
  }
  if (toMs > start) segments.push({ state, startMs: start, endMs: toMs });
  return segments;
}

export interface BreakerStory {
  /** From `fromMs` to the first opening; null if it never opened. */
  openedAfterMs: number | null;
  /** Trial calls (HALF_OPEN) between opening and closing again. */
  trials: number;
  /** Mean time the breaker stayed open before each trial; null without trials. */
  trialEveryMs: number | null;
  /** From the heal to closing again; null if it did not close (or there was no heal). */
  closedAfterHealMs: number | null;
}

export function breakerStory(
  v2: GatewayRun,
  fromMs: number,
  healedAtMs: number | null,
): BreakerStory {
  const transitions = [...(v2.circuit?.transitions ?? [])].sort((a, b) => a.t - b.t);
  const opened = transitions.find((tr) => tr.to === 'OPEN' && tr.t >= fromMs);
  const closed =
    healedAtMs === null
      ? undefined
      : transitions.find((tr) => tr.to === 'CLOSED' && tr.t >= healedAtMs);
  const waits: number[] = [];
  let lastOpen: number | null = null;
  for (const tr of transitions) {
    if (!opened || tr.t < opened.t || (closed && tr.t > closed.t)) continue;
    if (tr.to === 'OPEN') lastOpen = tr.t;
    if (tr.to === 'HALF_OPEN' && lastOpen !== null) waits.push(tr.t - lastOpen);
  }
  return {
    openedAfterMs: opened ? opened.t - fromMs : null,
    trials: waits.length,
    trialEveryMs: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
    closedAfterHealMs: closed && healedAtMs !== null ? closed.t - healedAtMs : null,
  };
}
