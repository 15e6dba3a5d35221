import { circuitSegments } from '../circuit-facts.js';
import type { HangWindow } from '../scenario-facts.js';
import type { CircuitRecord } from '../schema.js';
import { BAND_FROM } from './chart-axes.js';
import type { AnnotationJson } from './chart-types.js';
import { CIRCUIT_STYLE, HANG_SHADE, INK } from './palette.js';

const LABEL_FONT = { size: 17, weight: 'bold' };

/**
 * The stretch where the dependency hung, shaded over the whole height. Its label is a
 * separate annotation drawn over the data at `labelY`, a height the caller knows is clear.
 */
export function hangBox(
  w: HangWindow,
  endMs: number,
  labelY: number,
): Record<string, AnnotationJson> {
  const xMin = w.startMs / 1000;
  const xMax = (w.healedAtMs ?? endMs) / 1000;
  return {
    hang: {
      type: 'box',
      xMin,
      xMax,
      backgroundColor: HANG_SHADE,
      borderColor: 'rgba(0, 0, 0, 0.55)',
      borderWidth: 2,
      borderDash: [6, 6],
      drawTime: 'beforeDatasetsDraw',
    },
    hangLabel: {
      type: 'label',
      xValue: (xMin + xMax) / 2,
      yValue: labelY,
      content: `recommendations: ${w.mode}`,
      color: INK,
      backgroundColor: 'rgba(255, 255, 255, 0.9)',
      font: LABEL_FONT,
      drawTime: 'afterDatasetsDraw',
    },
  };
}

/**
 * gateway-v2's breaker as a strip of boxes along the top (on the hidden `band` axis), each
 * labelled with its state when wide enough to hold the word.
 */
export function circuitBand(
  circuit: CircuitRecord,
  fromMs: number,
  toMs: number,
  rangeMs: number,
): Record<string, AnnotationJson> {
  const boxes: Record<string, AnnotationJson> = {};
  circuitSegments(circuit, fromMs, toMs).forEach((segment, i) => {
    const style = CIRCUIT_STYLE[segment.state];
    const wide = segment.endMs - segment.startMs >= rangeMs * 0.08;
    boxes[`circuit${i}`] = {
      type: 'box',
      yScaleID: 'band',
      xMin: segment.startMs / 1000,
      xMax: segment.endMs / 1000,
      yMin: BAND_FROM,
      yMax: 1,
      backgroundColor: style.color,
      borderColor: 'rgba(0, 0, 0, 0.6)',
      borderWidth: 1,
      drawTime: 'beforeDatasetsDraw',
      ...(wide
        ? { label: { display: true, content: style.label, color: INK, font: LABEL_FONT } }
        : {}),
    };
  });
  return boxes;
}

/** A horizontal line at `value` on the y axis, with its meaning written on it. */
export function thresholdLine(value: number, text: string): Record<string, AnnotationJson> {
  return {
    threshold: {
      type: 'line',
      yMin: value,
      yMax: value,
      borderColor: INK,
      borderWidth: 2,
      borderDash: [4, 4],
      label: {
        display: true,
        content: text,
        position: 'start',
        color: '#ffffff',
        backgroundColor: 'rgba(17, 17, 17, 0.85)',
        font: LABEL_FONT,
      },
    },
  };
}

/** Text placed in the chart, e.g. over a stretch where a gateway answered nothing. */
export function note(
  key: string,
  x: number,
  y: number,
  text: string,
  color: string,
): Record<string, AnnotationJson> {
  return {
    [key]: { type: 'label', xValue: x, yValue: y, content: text, color, font: LABEL_FONT },
  };
}
