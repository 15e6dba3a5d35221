import {
  circuitStateSchema,
  circuitTransitionSchema,
  halfOpenProbeSchema,
  type CircuitState,
} from '@cbd/gateway-v2/contract';
import { z } from 'zod';
import { offsetMs } from './load.js';

/** gateway-v2's breaker during a run: as polled, and as it recorded itself. */
export const circuitRecordSchema = z.strictObject({
  /** How often /circuit-status was read. */
  pollMs: z.number().min(0),
  samples: z.array(z.strictObject({ t: offsetMs, state: circuitStateSchema })),
  /** Its own log of state changes during the run, with offsets. */
  transitions: z.array(circuitTransitionSchema.extend({ t: offsetMs })),
  /** The half-open probes during the run: one call let through, and its verdict. */
  probes: z.array(halfOpenProbeSchema.extend({ t: offsetMs })),
});
export type CircuitRecord = z.infer<typeof circuitRecordSchema>;

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
  /** Half-open probes between opening and closing again, and how many failed. */
  probes: number;
  failedProbes: number;
  /** Mean time the breaker stayed open before each probe; null without probes. */
  probeEveryMs: number | null;
  /** From the heal to closing again; null if it did not close (or there was no heal). */
  closedAfterHealMs: number | null;
}

export function breakerStory(
  circuit: CircuitRecord,
  fromMs: number,
  healedAtMs: number | null,
): BreakerStory {
  const transitions = [...circuit.transitions].sort((a, b) => a.t - b.t);
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
  const probes = circuit.probes.filter(
    (p) => opened && p.t >= opened.t && (!closed || p.t <= closed.t + 1),
  );
  return {
    openedAfterMs: opened ? opened.t - fromMs : null,
    probes: probes.length,
    failedProbes: probes.filter((p) => p.to === 'OPEN').length,
    probeEveryMs: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
    closedAfterHealMs: closed && healedAtMs !== null ? closed.t - healedAtMs : null,
  };
}

/** The share of [fromMs, toMs] the breaker spent OPEN (0..1); 0 for an empty stretch. */
export function openShare(circuit: CircuitRecord, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  const open = circuitSegments(circuit, fromMs, toMs)
    .filter((s) => s.state === 'OPEN')
    .reduce((sum, s) => sum + (s.endMs - s.startMs), 0);
  return open / (toMs - fromMs);
}
