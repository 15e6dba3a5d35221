import type { CircuitState } from '@cbd/gateway-v2/contract';
import type { Outcome } from '../model/outcome.js';

// Okabe–Ito, safe for the common colour-vision deficiencies. Colour is never the only cue:
// gateway-v1 is also striped / dashed with triangles; outcomes carry labels and patterns.

export type PatternName = 'stripes' | 'dark-stripes' | 'crosshatch' | 'dots';

export interface SeriesStyle {
  name: string;
  role: string;
  color: string;
  pattern?: PatternName;
  dash: number[];
  point: 'triangle' | 'circle' | 'rectRot' | 'rect' | 'star' | 'crossRot';
}

export const GATEWAY_STYLE: Record<'v1' | 'v2', SeriesStyle> = {
  v1: {
    name: 'gateway-v1',
    role: 'no protection',
    color: '#D55E00',
    pattern: 'stripes',
    dash: [10, 6],
    point: 'triangle',
  },
  v2: { name: 'gateway-v2', role: 'circuit breaker', color: '#0072B2', dash: [], point: 'circle' },
};

export const OUTCOME_STYLE: Record<
  Outcome,
  { label: string; color: string; pattern?: PatternName }
> = {
  full: { label: 'full (product + recommendations)', color: '#009E73' },
  degraded: { label: 'degraded (product, no recommendations)', color: '#F0E442' },
  tooLate: { label: 'too late (after the user gave up)', color: '#E69F00', pattern: 'dots' },
  failed: { label: 'failed (no product)', color: '#CC79A7', pattern: 'dark-stripes' },
  timedOut: { label: 'timed out (no answer)', color: '#6B6B6B', pattern: 'crosshatch' },
  dropped: { label: 'dropped (never sent)', color: '#000000', pattern: 'stripes' },
};

export const CIRCUIT_STYLE: Record<CircuitState, { label: string; color: string }> = {
  CLOSED: { label: 'CLOSED', color: 'rgba(0, 158, 115, 0.35)' },
  OPEN: { label: 'OPEN', color: 'rgba(230, 159, 0, 0.9)' },
  HALF_OPEN: { label: 'HALF-OPEN', color: 'rgba(240, 228, 66, 0.95)' },
};

export const INK = '#111111';
export const SICK_SHADE = 'rgba(0, 0, 0, 0.08)';
