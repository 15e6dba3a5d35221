import { interrupted } from '../errors.js';
import type { Phase } from '../model/phases.js';
import { waitUntil } from '../runner/time-limit.js';

/** A failure mode of recommendations-service, as a phase records it. */
export type PhaseMode = Pick<Phase, 'mode' | 'errorRate'>;

/**
 * A scenario's script of switches, timed from t0: each switch waits for its moment, is pulled,
 * and starts a phase at the moment it took effect, so the phases say when the dependency
 * really changed, not when it was meant to.
 */
export function startSwitches(t0: number, first: PhaseMode, signal: AbortSignal) {
  const phases: Phase[] = [];
  let current: PhaseMode = first;
  let startMs = 0;
  return {
    /** The mode at an offset, for the progress line. */
    modeAt: (atMs: number): string =>
      phases.find((p) => atMs >= p.startMs && atMs < p.endMs)?.mode ?? current.mode,
    /** At `atMs` from t0, pulls `pull` and starts the phase `next`. */
    async switchTo(next: PhaseMode, atMs: number, pull: () => Promise<unknown>): Promise<void> {
      await waitUntil(t0 + atMs, signal);
      await pull();
      const now = Date.now() - t0;
      phases.push({ ...current, startMs, endMs: now });
      current = next;
      startMs = now;
    },
    /**
     * Ends the last phase at `atMs`, the end of a schedule the loads have run through, or now;
     * the phases from t0 on. Not the earlier of the two: the loads' timers run on the event
     * loop's clock, and Date.now() can read a millisecond short of a schedule that is over.
     */
    end(atMs?: number): Phase[] {
      const endMs = Math.max(startMs, atMs ?? Date.now() - t0);
      return [...phases, { ...current, startMs, endMs }];
    },
  };
}

/**
 * One stop for a scenario's loads and switches: the caller's abort, or a switch that failed,
 * stops every load at once. `finish` pulls the switches with `drive` while the loads run, waits
 * for the loads, and then throws what stopped them (an abort as `interrupted`, or the failed
 * switch) or returns their recordings, in order.
 */
export function scenarioStop(name: string, signal: AbortSignal | undefined) {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: stop.signal,
    async finish<L extends readonly { done: Promise<unknown> }[]>(
      drive: () => Promise<void>,
      loads: L,
      stopProgress: () => void,
    ): Promise<{ -readonly [K in keyof L]: Awaited<L[K]['done']> }> {
      let failure: Error | undefined;
      try {
        await drive();
      } catch (err) {
        failure = err instanceof Error ? err : new Error(String(err));
        stop.abort();
      }
      let recorded: unknown[];
      try {
        recorded = await Promise.all(loads.map((l) => l.done));
      } finally {
        stopProgress();
        signal?.removeEventListener('abort', onAbort);
      }
      if (signal?.aborted) throw interrupted(name);
      if (failure !== undefined) throw failure;
      return recorded as { -readonly [K in keyof L]: Awaited<L[K]['done']> };
    },
  };
}
