import { type FailureState } from '@cbd/recommendations-service/contract';
import { z } from 'zod';
import { formatMs } from '../report/format.js';

/** The failure modes the page has a button for ('reset', a dropped connection, has none). */
export const CONTROL_MODES = ['healthy', 'hang', 'error', 'slow', 'partial'] as const;
export type ControlMode = (typeof CONTROL_MODES)[number];

// strictObject: a misspelt field is a 400, not a silently ignored no-op (as the service does).
export const failureControlBody = z.strictObject({ mode: z.enum(CONTROL_MODES) });
export const resetControlBody = z.strictObject({});

/**
 * The settings each button sends with its mode. Partial is pinned to 50 % so the button always
 * means the same; the others keep the service's own settings (HANG_MS, SLOW_MS).
 */
export const CONTROL_SETTINGS: Record<ControlMode, { errorRate?: number }> = {
  healthy: {},
  hang: {},
  error: {},
  slow: {},
  partial: { errorRate: 0.5 },
};

/** What a button does, in a few words, with the service's numbers when they are known. */
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
      return '50 % fail (503)';
  }
}
