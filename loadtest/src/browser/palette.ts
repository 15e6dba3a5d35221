import type { CircuitState } from '@cbd/gateway-v2/contract';
import { GATEWAY_SERVICE, type GatewayId } from '../model/gateways.js';
import type { Outcome } from '../model/outcome.js';
import type { RungId } from '../scenarios/ladder.js';

// Okabe–Ito, safe for the common colour-vision deficiencies. Colour is never the only cue:
// gateway-v1 is also striped / dashed with triangles; outcomes and circuit states carry labels
// and patterns. This module runs in Node (the pages' CSS) and, bundled, in the browser (charts).

export type PatternName = 'stripes' | 'dark-stripes' | 'crosshatch' | 'dots';
export type PointShape = 'triangle' | 'circle' | 'rectRot' | 'rect' | 'star' | 'crossRot' | 'cross';

export interface SeriesStyle {
  name: string;
  role: string;
  color: string;
  pattern?: PatternName;
  dash: number[];
  point: PointShape;
}

export const GATEWAY_STYLE: Record<GatewayId, SeriesStyle> = {
  v1: {
    name: GATEWAY_SERVICE.v1,
    role: 'no protection',
    color: '#D55E00',
    pattern: 'stripes',
    dash: [10, 6],
    point: 'triangle',
  },
  v2: {
    name: GATEWAY_SERVICE.v2,
    role: 'circuit breaker',
    color: '#0072B2',
    dash: [],
    point: 'circle',
  },
};

/** The ladder's rungs: its bottom and top as gateway-v1 and gateway-v2, each rung its own dash and shape. */
export const RUNG_STYLE: Record<RungId, Omit<SeriesStyle, 'name' | 'role'>> = {
  none: { color: GATEWAY_STYLE.v1.color, dash: GATEWAY_STYLE.v1.dash, point: 'triangle' },
  retries: { color: '#CC79A7', dash: [4, 3], point: 'star' },
  'fast-retries': { color: '#000000', dash: [1, 3], point: 'cross' },
  timeout: { color: '#E69F00', dash: [2, 2], point: 'rectRot' },
  fallback: { color: '#56B4E9', dash: [8, 3, 2, 3], point: 'rect' },
  breaker: { color: '#009E73', dash: [14, 4], point: 'crossRot' },
  bulkhead: { color: GATEWAY_STYLE.v2.color, dash: [], point: 'circle' },
};

export interface FillStyle {
  label: string;
  color: string;
  pattern?: PatternName;
}

/** In the order of the model's OUTCOMES (a test holds them together). */
export const OUTCOME_STYLE: Record<Outcome, FillStyle> = {
  full: { label: 'full (product + recommendations)', color: '#009E73' },
  degraded: { label: 'degraded (product, no recommendations)', color: '#F0E442' },
  tooLate: { label: 'too late (after the user gave up)', color: '#E69F00', pattern: 'dots' },
  failed: { label: 'failed (no product)', color: '#CC79A7', pattern: 'dark-stripes' },
  timedOut: { label: 'timed out (no answer)', color: '#6B6B6B', pattern: 'crosshatch' },
  dropped: { label: 'dropped (never sent)', color: '#000000', pattern: 'stripes' },
};

export const CIRCUIT_STYLE: Record<CircuitState, FillStyle> = {
  CLOSED: { label: 'CLOSED', color: 'rgba(0, 158, 115, 0.35)' },
  OPEN: { label: 'OPEN', color: 'rgba(230, 159, 0, 0.9)', pattern: 'dark-stripes' },
  HALF_OPEN: { label: 'HALF-OPEN', color: 'rgba(240, 228, 66, 0.95)', pattern: 'dots' },
};

/** gateway-v1's calls waiting for a pool place, drawn beside its users on both pages. */
export const QUEUE_STYLE: Pick<SeriesStyle, 'color' | 'dash' | 'point'> = {
  color: '#000000',
  dash: [3, 3],
  point: 'rect',
};

export const INK = '#111111';
export const SICK_SHADE = 'rgba(0, 0, 0, 0.08)';

/** The ink each pattern is drawn in, over the fill's colour: light stripes, dark lines and dots. */
const DARK_INK = 'rgba(0, 0, 0, 0.45)';
export const PATTERN_INK: Record<PatternName, string> = {
  stripes: 'rgba(255, 255, 255, 0.65)',
  'dark-stripes': DARK_INK,
  crosshatch: DARK_INK,
  dots: DARK_INK,
};

/** The same patterns as the charts draw on canvas (chart-kit.ts), as CSS backgrounds. */
export const PATTERN_CSS: Record<PatternName, string> = {
  stripes: `repeating-linear-gradient(135deg, ${PATTERN_INK.stripes} 0 3px, transparent 3px 8px)`,
  'dark-stripes': `repeating-linear-gradient(135deg, ${PATTERN_INK['dark-stripes']} 0 3px, transparent 3px 8px)`,
  crosshatch: `repeating-linear-gradient(135deg, ${PATTERN_INK.crosshatch} 0 2px, transparent 2px 8px), repeating-linear-gradient(45deg, ${PATTERN_INK.crosshatch} 0 2px, transparent 2px 8px)`,
  dots: `radial-gradient(circle, ${PATTERN_INK.dots} 0 1.6px, transparent 2px) 0 0 / 7px 7px`,
};

const fill = ({ color, pattern }: { color: string; pattern?: PatternName | undefined }) =>
  pattern ? `${PATTERN_CSS[pattern]}, ${color}` : color;

/**
 * The palette as CSS for both pages: custom properties, and a `fill-*` class per gateway,
 * outcome and circuit state, so a key beside a chart is filled exactly as its series.
 */
export function paletteCss(): string {
  const rules = [
    `:root { --ink: ${INK}; --sick: ${SICK_SHADE}; --v1: ${GATEWAY_STYLE.v1.color}; --v2: ${GATEWAY_STYLE.v2.color}; }`,
    ...Object.entries(GATEWAY_STYLE).map(([g, s]) => `.fill-${g} { background: ${fill(s)}; }`),
    ...Object.entries(OUTCOME_STYLE).map(([o, s]) => `.fill-${o} { background: ${fill(s)}; }`),
    ...Object.entries(CIRCUIT_STYLE).map(([c, s]) => `.fill-${c} { background: ${fill(s)}; }`),
  ];
  return `${rules.join('\n')}\n`;
}
