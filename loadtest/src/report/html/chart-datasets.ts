import type { GatewayId } from '../schema.js';
import type { DatasetJson, Point } from './chart-types.js';
import { GATEWAY_STYLE } from './palette.js';

/** A gateway's bars: its colour, and stripes for gateway-v1 so print and colour-blind eyes tell them apart. */
export function gatewayBars(
  gateway: GatewayId,
  data: (number | null)[],
  valueLabels: string[],
): DatasetJson {
  const style = GATEWAY_STYLE[gateway];
  return {
    label: `${style.name} (${style.role})`,
    data,
    backgroundColor: style.color,
    borderColor: style.color,
    borderWidth: 2,
    pointStyle: 'rect',
    ...(style.pattern ? { pattern: style.pattern } : {}),
    valueLabels,
  };
}

/** A gateway's line over time: colour plus its own dash and point shape. */
export function gatewayLine(gateway: GatewayId, points: Point[], label?: string): DatasetJson {
  const style = GATEWAY_STYLE[gateway];
  return {
    label: label ?? `${style.name} (${style.role})`,
    data: points,
    backgroundColor: style.color,
    borderColor: style.color,
    borderWidth: 3,
    borderDash: style.dash,
    pointStyle: style.point,
    pointRadius: 3,
    spanGaps: false,
  };
}

/** Single points without a line (probes): shapes matter more than colour here. */
export function gatewayDots(
  gateway: GatewayId,
  points: Point[],
  label: string,
  pointStyle?: string,
): DatasetJson {
  const style = GATEWAY_STYLE[gateway];
  return {
    label,
    data: points,
    backgroundColor: style.color,
    borderColor: style.color,
    borderWidth: 2,
    pointStyle: pointStyle ?? style.point,
    pointRadius: pointStyle ? 8 : 5,
    showLine: false,
    // A probe at the very first or last moment sits on the chart's edge: draw all of it.
    clip: 10,
  };
}
