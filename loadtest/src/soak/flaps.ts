import type { ServiceSettings } from '../scenarios/settings.js';
import type { SoakSettings, Stretch } from './schema.js';

/** Healthy between every failure, so each failure opens a closed circuit and each heal closes it. */
const CYCLE: Stretch['mode'][] = ['healthy', 'hang', 'healthy', 'error', 'healthy', 'partial'];

/** The dependency's modes over the soak: a new one every stretchMs, the last cut at durationMs. */
export function flapSchedule(durationMs: number, stretchMs: number): Stretch[] {
  const stretches: Stretch[] = [];
  for (let start = 0, i = 0; start < durationMs; start += stretchMs, i += 1) {
    const mode = CYCLE[i % CYCLE.length]!;
    stretches.push({ mode, startMs: start, endMs: Math.min(durationMs, start + stretchMs) });
  }
  return stretches;
}

/**
 * 60 s flapping every 3 s (--quick: 12 s, every 2 s: one whole cycle), 20 connections. Stretches
 * outlast the breaker's timeout and reset timeout (the demo's --quick ones, 200 ms and 1 s), so
 * a healthy stretch is long enough for the circuit to probe and close.
 */
export function soakSettings(
  quick: boolean,
  services: ServiceSettings,
  overrides: { durationMs?: number; connections?: number } = {},
): SoakSettings {
  return {
    connections: overrides.connections ?? 20,
    durationMs: overrides.durationMs ?? (quick ? 12_000 : 60_000),
    stretchMs: quick ? 2000 : 3000,
    warmupMs: quick ? 1000 : 3000,
    services,
  };
}
