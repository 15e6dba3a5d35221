import type { GatewayId, Outcome } from '../schema.js';
import type { CircuitState } from '../circuit-facts.js';
import type { PatternName } from './chart-types.js';

// Okabe–Ito, safe for the common colour-vision deficiencies. Colour is never the only cue:
// gateway-v1 is also striped / dashed with triangles, outcomes carry labels and patterns.

export const GATEWAY_STYLE: Record<
  GatewayId,
  { name: string; role: string; color: string; pattern?: 'stripes'; dash: number[]; point: string }
> = {
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
  failed: { label: 'failed (no product)', color: '#CC79A7', pattern: 'dark-stripes' },
  timeout: { label: 'timed out (client gave up)', color: '#6B6B6B', pattern: 'crosshatch' },
};

export const CIRCUIT_STYLE: Record<CircuitState, { label: string; color: string }> = {
  CLOSED: { label: 'CLOSED', color: 'rgba(0, 158, 115, 0.35)' },
  OPEN: { label: 'OPEN', color: 'rgba(230, 159, 0, 0.9)' },
  HALF_OPEN: { label: 'HALF-OPEN', color: 'rgba(240, 228, 66, 0.95)' },
};

export const INK = '#111111';
export const HANG_SHADE = 'rgba(0, 0, 0, 0.08)';
