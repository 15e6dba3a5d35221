import type { CircuitState } from '@cbd/gateway-v2/contract';
import { formatMs, type AxisFormat } from './format.js';
import { GATEWAY_STYLE, type PatternName, type PointShape } from './palette.js';
import type { GatewayId } from '../model/gateways.js';

// What a chart is, as plain data: the report builds these in Node and embeds them as JSON, the
// live page builds them in the browser from each second; chart-kit.ts turns one into a Chart.js
// chart. Everything that JSON cannot carry (tick callbacks, canvas patterns, plugins) is named
// here and supplied there, so both pages draw with the same fonts, formats, fills and bands.

export interface Point {
  x: number;
  y: number | null;
}

export interface AxisSpec {
  kind: 'linear' | 'log' | 'category';
  title?: string;
  min?: number;
  max?: number;
  format?: AxisFormat;
  /** A second value axis goes on the right. */
  side?: 'left' | 'right';
  /** Label only the ticks whose value is a multiple of this (a category axis of seconds). */
  every?: number;
}

export interface SeriesSpec {
  label: string;
  /** Line and dot series on a value axis. */
  points?: Point[];
  /** Bars, or a line on a category axis: one value per label. */
  values?: (number | null)[];
  color: string;
  pattern?: PatternName;
  dash?: number[];
  point?: PointShape;
  pointRadius?: number;
  /** False: dots only. */
  line?: boolean;
  stepped?: boolean;
  width?: number;
  /** 'y2' for the right-hand axis. */
  axis?: 'y' | 'y2';
  /** Text written on (or above) each bar. */
  valueLabels?: string[];
  /** Text of each point's tooltip, when the value alone says too little. */
  tooltips?: string[];
}

/** One stretch of gateway-v2's breaker, in the x axis's values (seconds, or slots). */
export interface BandSegment {
  state: CircuitState;
  fromS: number;
  toS: number;
}

export interface Backdrop {
  /** Where the dependency was sick, shaded over the whole height. */
  sick?: { fromS: number; toS: number; label: string }[];
  /** gateway-v2's breaker as a strip along the top. */
  circuit?: BandSegment[];
  /** Horizontal lines with their meaning written on them (the patience, the pool's size). */
  lines?: { value: number; label: string; axis?: 'y' | 'y2' }[];
}

export interface ChartSpec {
  type: 'line' | 'bar';
  /** Bars along the y axis. */
  horizontal?: boolean;
  /** Category labels (bars). */
  labels?: string[];
  series: SeriesSpec[];
  x: AxisSpec;
  y: AxisSpec;
  y2?: AxisSpec;
  stacked?: boolean;
  legend: 'top' | 'bottom' | 'none';
  valueLabels?: 'above' | 'inside';
  backdrop?: Backdrop;
}

/**
 * A log axis in ms from the power of ten below the smallest value to the one above the largest,
 * plus `headroomDecades` on top (room for value labels or the circuit band): 2 ms and a 30 s
 * hang on one chart.
 */
export function logMsAxis(
  title: string,
  values: readonly (number | null | undefined)[],
  headroomDecades = 0,
): AxisSpec {
  const positive = values.filter((v): v is number => typeof v === 'number' && v > 0);
  const low = positive.length ? Math.min(...positive) : 1;
  const high = positive.length ? Math.max(...positive) : 1000;
  return {
    kind: 'log',
    title,
    min: 10 ** Math.floor(Math.log10(Math.max(low, 0.1))),
    max: 10 ** (Math.floor(Math.log10(Math.max(high, 1))) + 1 + headroomDecades),
    format: 'ms',
  };
}

/** A linear axis from 0 to a round number above the largest value × headroom. */
export function linearAxis(
  title: string,
  format: AxisFormat,
  values: readonly (number | null | undefined)[],
  headroom = 1.1,
): AxisSpec {
  return { kind: 'linear', title, min: 0, max: roundAbove(values, headroom), format };
}

export function roundAbove(values: readonly (number | null | undefined)[], headroom = 1.1) {
  const high = Math.max(1, ...values.filter((v): v is number => typeof v === 'number')) * headroom;
  // Half a power of ten: 57 -> 60, 135 -> 150, 4 200 -> 4 500.
  const step = 10 ** Math.floor(Math.log10(high)) / 2;
  return Math.ceil(high / step) * step;
}

/** Seconds since the scenario started, from 0 to the end rounded to a whole second. */
export function timeAxis(endS: number, title = 'seconds since the scenario started'): AxisSpec {
  return { kind: 'linear', title, min: 0, max: Math.max(1, Math.ceil(endS)), format: 'seconds' };
}

/** A gateway's line: its colour, its dash and its point shape. */
export function gatewayLine(
  g: GatewayId,
  points: Point[],
  label = GATEWAY_STYLE[g].name,
  extra: Partial<SeriesSpec> = {},
): SeriesSpec {
  const style = GATEWAY_STYLE[g];
  return { label, points, color: style.color, dash: style.dash, point: style.point, ...extra };
}

/** A gateway's bars: its colour, and stripes for gateway-v1. */
export function gatewayBars(
  g: GatewayId,
  values: (number | null)[],
  valueLabels: string[],
): SeriesSpec {
  const style = GATEWAY_STYLE[g];
  return {
    label: `${style.name} (${style.role})`,
    values,
    color: style.color,
    ...(style.pattern ? { pattern: style.pattern } : {}),
    point: 'rect',
    valueLabels,
  };
}

/** Single points without a line (probes): the shape tells them apart as much as the colour. */
export function gatewayDots(
  g: GatewayId,
  points: Point[],
  label: string,
  point: PointShape = GATEWAY_STYLE[g].point,
  tooltips?: string[],
): SeriesSpec {
  return {
    label,
    points,
    color: GATEWAY_STYLE[g].color,
    point,
    pointRadius: point === GATEWAY_STYLE[g].point ? 6 : 8,
    line: false,
    ...(tooltips ? { tooltips } : {}),
  };
}

/**
 * Values slot by slot (null: unknown) as stretches of equal values, each slot [x - ½, x + ½]
 * on a category axis: the live page's circuit band and sick shading.
 */
export function stretches<V>(
  values: readonly (V | null)[],
): { value: V; fromS: number; toS: number }[] {
  const result: { value: V; fromS: number; toS: number }[] = [];
  values.forEach((value, x) => {
    const last = result.at(-1);
    if (value === null) return;
    if (last && last.value === value && last.toS === x - 0.5) last.toS = x + 0.5;
    else result.push({ value, fromS: x - 0.5, toS: x + 0.5 });
  });
  return result;
}

/**
 * Which edge of the plot a stretch from `fromS` to `toS` touches, if only one: on the live
 * page a stretch that began moments ago sits at the right edge. `slots`: a category axis's.
 */
export function edgeOf(
  fromS: number,
  toS: number,
  x: AxisSpec,
  slots: number,
): 'start' | 'end' | 'center' {
  const [first, last] = x.kind === 'category' ? [0, slots - 1] : [x.min, x.max];
  const atStart = first !== undefined && fromS <= first;
  const atEnd = last !== undefined && toS >= last;
  if (atEnd && !atStart) return 'end';
  if (atStart && !atEnd) return 'start';
  return 'center';
}

/** The user's patience as a line: above it, an answer came too late. */
export const patienceLine = (patienceMs: number) => ({
  value: patienceMs,
  label: `patience ${formatMs(patienceMs)}`,
});
