import type { BreakerOptions } from '@cbd/gateway-v2/contract';
import type { FailureMode, FailureState } from '@cbd/recommendations-service/contract';
import { formatMs, formatPercent } from '../browser/format.js';

// What the dashboard's buttons do: the server carries it out, the page labels the buttons and
// shows which is in force. Type imports only: the page's script bundles this file.

/** The failure modes the page has a button for (`reset`, a dropped connection, has none). */
export const CONTROL_MODES = [
  'healthy',
  'hang',
  'error',
  'slow',
  'partial',
] as const satisfies readonly FailureMode[];
export type ControlMode = (typeof CONTROL_MODES)[number];

/**
 * The settings each button sends with its mode. Partial is pinned to half the calls, so the
 * button always means the same; the others keep the service's own (HANG_MS, SLOW_MS).
 */
export const CONTROL_SETTINGS: Record<ControlMode, { errorRate?: number }> = {
  healthy: {},
  hang: {},
  error: {},
  slow: {},
  partial: { errorRate: 0.5 },
};

/** What a mode button does, in a few words, with the service's numbers once known. */
export function controlDetail(mode: ControlMode, state: FailureState | null): string {
  switch (mode) {
    case 'healthy':
      return 'answers at once';
    case 'hang':
      return state ? `holds calls ${formatMs(state.hangMs)}` : 'holds calls, then 408';
    case 'error':
      return '503 at once';
    case 'slow':
      return state ? `adds ${formatMs(state.latencyMs)}` : 'answers late';
    case 'partial':
      return `${formatPercent(CONTROL_SETTINGS.partial.errorRate ?? 0)} fail (503)`;
  }
}

// gateway-v2's breaker presets, made from the options it started with, so that they mean the
// same with the demo's settings, with --quick and in a test.

export const BREAKER_PRESETS = ['default', 'aggressive', 'patient'] as const;
export type BreakerPreset = (typeof BREAKER_PRESETS)[number];

/** What each button says it does. */
export const PRESET_DETAILS: Record<BreakerPreset, string> = {
  default: 'the options it started with',
  aggressive: 'opens at the first failures, probes 4× sooner, times out 4× sooner',
  patient: 'opens only under many failures, probes 3× later',
};

/** The options a preset changes, from the start-up options; null: back to them all. */
export function presetChange(
  preset: BreakerPreset,
  startup: BreakerOptions,
): Partial<BreakerOptions> | null {
  switch (preset) {
    case 'default':
      return null;
    case 'aggressive':
      return {
        timeoutMs: Math.max(1, Math.round(startup.timeoutMs / 4)),
        resetTimeoutMs: Math.max(1, Math.round(startup.resetTimeoutMs / 4)),
        volumeThreshold: 1,
        errorThresholdPercentage: 25,
      };
    case 'patient':
      return {
        resetTimeoutMs: Math.min(3_600_000, startup.resetTimeoutMs * 3),
        volumeThreshold: Math.min(1_000_000, Math.max(10, startup.volumeThreshold * 4)),
        errorThresholdPercentage: 75,
      };
  }
}

/** Which preset the options in force are, if any. */
export function presetOf(options: BreakerOptions, startup: BreakerOptions): BreakerPreset | null {
  const keys = Object.keys(startup) as (keyof BreakerOptions)[];
  return (
    BREAKER_PRESETS.find((preset) => {
      const want = { ...startup, ...presetChange(preset, startup) };
      return keys.every((key) => options[key] === want[key]);
    }) ?? null
  );
}
