import { hangWindow, longestSilence, usefulOf } from '../scenario-facts.js';
import { GATEWAYS, type GatewayRun, type ScenarioResult } from '../schema.js';
import { circuitBand, hangBox, note } from './chart-annotations.js';
import { axisAt, BAND_AXIS, BAND_FROM, linearAxis, logMsAxis, timeAxis } from './chart-axes.js';
import { gatewayLine } from './chart-datasets.js';
import type {
  AnnotationJson,
  AxisJson,
  ChartDef,
  ChartJson,
  DatasetJson,
  Point,
} from './chart-types.js';
import { GATEWAY_STYLE } from './palette.js';

// A sample covers second [t, t+1): drawn at its middle so it lines up with the exact times of
// the hang and of the breaker's transitions.
const mid = (t: number) => t + 0.5;

/** The hang, and v2's breaker along the top: the backdrop of both charts over time. */
function backdrop(s: ScenarioResult, y: AxisJson): Record<string, AnnotationJson> {
  const w = hangWindow(s);
  const { circuit } = s.gateways.v2;
  return {
    ...(w ? hangBox(w, s.durationMs, axisAt(y, BAND_FROM - 0.07)) : {}),
    ...(circuit ? circuitBand(circuit, s.gateways.v2.startMs, s.durationMs, s.durationMs) : {}),
  };
}

function overTime(
  s: ScenarioResult,
  datasets: DatasetJson[],
  y: AxisJson,
  extra: Record<string, AnnotationJson>,
): ChartJson {
  return {
    type: 'line',
    data: { datasets },
    options: {
      scales: { x: timeAxis(0, s.durationMs / 1000), y, band: BAND_AXIS },
      plugins: {
        legend: { display: true, position: 'top' },
        annotation: { annotations: { ...backdrop(s, y), ...extra } },
      },
    },
  };
}

/**
 * Useful answers per second. The first and last seconds of a run are partly outside it: they
 * are scaled to a rate, or left out when mostly outside (a dip to zero there would be a lie).
 */
function usefulPoints(run: GatewayRun): Point[] {
  const start = run.startMs / 1000;
  const end = (run.startMs + run.durationMs) / 1000;
  return run.samples.flatMap((x) => {
    const covered = Math.min(end, x.t + 1) - Math.max(start, x.t);
    return covered >= 0.5
      ? [{ x: mid(x.t), y: Math.round(usefulOf(x.outcomes) / Math.min(1, covered)) }]
      : [];
  });
}

const ys = (datasets: DatasetJson[]) =>
  datasets.flatMap((d) => (d.data as Point[]).map((p) => p.y));

export function throughputChart(s: ScenarioResult): ChartDef {
  const datasets = GATEWAYS.map((g) => gatewayLine(g, usefulPoints(s.gateways[g])));
  const y = linearAxis(
    'useful answers / s',
    'count',
    ys(datasets).map((v) => v ?? 0),
    1.6,
  );
  return {
    id: `${s.name}-throughput`,
    title: 'Useful answers per second',
    note: 'Answers that carried the product, second by second. Grey: recommendations hanging. Top strip: gateway-v2’s breaker.',
    wide: true,
    circuitBand: s.gateways.v2.circuit !== null,
    config: overTime(s, datasets, y, {}),
  };
}

export function p99Chart(s: ScenarioResult): ChartDef {
  const datasets = GATEWAYS.map((g) =>
    gatewayLine(
      g,
      s.gateways[g].samples.map((x) => ({ x: mid(x.t), y: x.p99 })),
    ),
  );
  const y = logMsAxis('p99 latency', ys(datasets), 1);
  const w = hangWindow(s);
  const silence = w ? longestSilence(s.gateways.v1.samples, Math.floor(w.startMs / 1000)) : null;
  // Where v1 answered nothing there is no latency to draw: say so instead of leaving a gap.
  const gapNote =
    silence && silence.seconds >= 3
      ? note(
          'v1Silent',
          (silence.fromS + silence.toS + 1) / 2,
          axisAt(y, 0.45),
          `${GATEWAY_STYLE.v1.name}: no response for ${silence.seconds} s`,
          GATEWAY_STYLE.v1.color,
        )
      : {};
  return {
    id: `${s.name}-p99`,
    title: 'Slowest answers (p99) second by second',
    note: 'The 99th-percentile latency of the answers completed in each second (log scale); no point: nothing completed.',
    wide: true,
    circuitBand: s.gateways.v2.circuit !== null,
    config: overTime(s, datasets, y, gapNote),
  };
}
