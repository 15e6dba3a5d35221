import type { AxisJson, ValueFormat } from './chart-types.js';

const GRID = { color: 'rgba(0, 0, 0, 0.12)' };

/**
 * A log axis in ms from the power of ten below the smallest value to the one above the
 * largest, plus `headroomDecades` on top (room for value labels, or the circuit band).
 */
export function logMsAxis(title: string, values: (number | null)[], headroomDecades = 0): AxisJson {
  const positive = values.filter((v): v is number => v !== null && v > 0);
  const low = positive.length ? Math.min(...positive) : 1;
  const high = positive.length ? Math.max(...positive) : 1000;
  return {
    type: 'logarithmic',
    title: { display: true, text: title },
    min: 10 ** Math.floor(Math.log10(low)),
    max: 10 ** (Math.floor(Math.log10(high)) + 1 + headroomDecades),
    format: 'ms',
    grid: GRID,
  };
}

/** A linear axis from 0 to a round number above the largest value times `headroom`. */
export function linearAxis(
  title: string,
  format: ValueFormat,
  values: number[],
  headroom = 1.1,
): AxisJson {
  const high = Math.max(1, ...values) * headroom;
  const step = 10 ** Math.floor(Math.log10(high));
  return {
    type: 'linear',
    title: { display: true, text: title },
    min: 0,
    max: Math.ceil(high / step) * step,
    format,
    grid: GRID,
  };
}

/**
 * Seconds since the scenario started. The end is rounded to a whole second, dropping up to 1 %
 * of the range: a run that ended at 70.05 s shows 0–70, not an odd "71 s" tick.
 */
export function timeAxis(startS: number, endS: number): AxisJson {
  return {
    type: 'linear',
    title: { display: true, text: 'seconds since the scenario started' },
    min: Math.floor(startS),
    max: Math.max(Math.floor(startS) + 1, Math.ceil(endS - (endS - startS) * 0.01)),
    format: 'seconds',
    grid: GRID,
  };
}

export function categoryAxis(stacked = false): AxisJson {
  return { type: 'category', stacked, grid: GRID };
}

/** A hidden 0..1 axis: the circuit band sits at the top of it whatever the data's scale. */
export const BAND_AXIS: AxisJson = {
  type: 'linear',
  position: 'right',
  display: false,
  min: 0,
  max: 1,
};
export const BAND_FROM = 0.89;

/** The value at `fraction` of an axis's height (0 bottom, 1 top), linear or log. */
export function axisAt(axis: AxisJson, fraction: number): number {
  const min = axis.min ?? 0;
  const max = axis.max ?? 1;
  if (axis.type !== 'logarithmic' || min <= 0) return min + (max - min) * fraction;
  return 10 ** (Math.log10(min) + (Math.log10(max) - Math.log10(min)) * fraction);
}
