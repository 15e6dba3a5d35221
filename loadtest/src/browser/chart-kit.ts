/// <reference lib="dom" />
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
  type ScriptableContext,
  type TooltipItem,
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import {
  edgeOf,
  type AxisSpec,
  type Backdrop,
  type ChartSpec,
  type SeriesSpec,
} from './chart-spec.js';
import { AXIS_FORMATS } from './format.js';
import { CIRCUIT_STYLE, INK, PATTERN_INK, SICK_SHADE, type PatternName } from './palette.js';

// The one place that knows Chart.js: defaults sized for a projector, fill patterns, log-ms
// ticks, value labels, gateway-v2's circuit band and the sick phase's shading. Both pages draw
// every chart through drawChart().

Chart.register(
  LineController,
  BarController,
  LineElement,
  PointElement,
  BarElement,
  LinearScale,
  LogarithmicScale,
  CategoryScale,
  Legend,
  Tooltip,
  annotationPlugin,
);

export const FONT_FAMILY = '"Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif';
const GRID = 'rgba(0, 0, 0, 0.12)';

Chart.defaults.font.family = FONT_FAMILY;
Chart.defaults.color = INK;
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.responsive = true;
Chart.defaults.plugins.legend.labels.usePointStyle = true;

const charts = new Set<Chart>();

/** Sets the charts' type size (px) and redraws every chart drawn so far with it. */
export function setChartFont(px: number): void {
  Chart.defaults.font.size = Math.round(px);
  Chart.defaults.plugins.legend.labels.padding = Math.round(px * 0.8);
  for (const chart of charts) chart.update('none');
}

/** Fits every chart inside `root` to its box now (after a layout change). */
export function resizeCharts(root: ParentNode = document): void {
  for (const chart of charts) if (root.contains(chart.canvas)) chart.resize();
}

const patterns = new Map<string, CanvasPattern | string>();

/** A fill of `color` with a pattern over it: the second cue beside the colour. */
export function fillPattern(color: string, kind: PatternName): CanvasPattern | string {
  const key = `${color}|${kind}`;
  const known = patterns.get(key);
  if (known) return known;
  const size = 14;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const g = tile.getContext('2d');
  if (!g) return color;
  g.fillStyle = color;
  g.fillRect(0, 0, size, size);
  if (kind === 'dots') {
    g.fillStyle = PATTERN_INK.dots;
    for (const [x, y] of [
      [3.5, 3.5],
      [10.5, 10.5],
    ] as const) {
      g.beginPath();
      g.arc(x, y, 2, 0, Math.PI * 2);
      g.fill();
    }
  } else {
    g.strokeStyle = PATTERN_INK[kind];
    g.lineWidth = 2.5;
    g.beginPath();
    for (let o = -size; o <= size; o += size / 2) {
      g.moveTo(o, size);
      g.lineTo(o + size, 0);
      if (kind === 'crosshatch') {
        g.moveTo(o, 0);
        g.lineTo(o + size, size);
      }
    }
    g.stroke();
  }
  const pattern = g.createPattern(tile, 'repeat') ?? color;
  patterns.set(key, pattern);
  return pattern;
}

const fillOf = (s: { color: string; pattern?: PatternName | undefined }) =>
  s.pattern ? fillPattern(s.color, s.pattern) : s.color;

/** Log axes tick at 2, 3, 5...: only the powers of ten get a label and a grid line. */
const isDecade = (value: number) => {
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-6;
};

function scaleOf(axis: AxisSpec, stacked: boolean) {
  const log = axis.kind === 'log';
  const format = axis.format ? AXIS_FORMATS[axis.format] : undefined;
  const { every } = axis;
  return {
    type: log ? 'logarithmic' : axis.kind,
    ...(axis.min === undefined ? {} : { min: axis.min }),
    ...(axis.max === undefined ? {} : { max: axis.max }),
    ...(axis.side === 'right' ? { position: 'right' } : {}),
    stacked,
    title: { display: axis.title !== undefined, text: axis.title ?? '' },
    // A line per category (a second, on the live page) would hatch the plot: none there.
    grid: log
      ? {
          color: (ctx: { tick?: { value: number } }) =>
            isDecade(ctx.tick?.value ?? 1) ? GRID : 'transparent',
        }
      : { color: GRID, display: axis.kind !== 'category', drawOnChartArea: axis.side !== 'right' },
    ticks: {
      maxRotation: 0,
      autoSkip: !log,
      ...(format || every
        ? {
            // A category axis passes its index: the label is what is formatted.
            callback(this: { getLabelForValue(v: number): string }, value: number | string) {
              const v =
                axis.kind === 'category'
                  ? Number(this.getLabelForValue(Number(value)))
                  : Number(value);
              if ((log && !isDecade(v)) || (every && v % every !== 0)) return '';
              return format ? format(v) : String(v);
            },
            ...(every ? { autoSkip: false } : {}),
          }
        : {}),
    },
  };
}

/** Values per label on a category axis, points on a value axis. */
const dataOf = (spec: ChartSpec, s: SeriesSpec) =>
  (spec.x.kind === 'category' || spec.type === 'bar' ? s.values : s.points) ?? [];

function datasetOf(spec: ChartSpec, s: SeriesSpec) {
  const common = {
    label: s.label,
    borderColor: s.color,
    backgroundColor: fillOf(s),
    pointStyle: s.point ?? 'circle',
    valueLabels: s.valueLabels,
    tooltips: s.tooltips,
  };
  // A bar per second over a window: bars that touch, with no outline to blur them.
  const dense = (spec.labels?.length ?? 0) > 20;
  if (spec.type === 'bar')
    return {
      ...common,
      data: dataOf(spec, s),
      borderColor: s.pattern || spec.stacked ? INK : s.color,
      borderWidth: dense ? 0 : spec.stacked ? 1 : 2,
      ...(dense ? { barPercentage: 1, categoryPercentage: 1 } : {}),
    };
  return {
    ...common,
    data: dataOf(spec, s),
    borderDash: s.dash ?? [],
    borderWidth: s.width ?? 3,
    pointRadius: s.pointRadius ?? (s.line === false ? 5 : 2),
    showLine: s.line !== false,
    stepped: s.stepped ?? false,
    yAxisID: s.axis ?? 'y',
    spanGaps: false,
    // A probe at the very first or last moment sits on the edge: draw all of it.
    clip: 10,
  };
}

const fontPx = () => Chart.defaults.font.size ?? 16;
const LABEL_FONT = () => ({ size: Math.round(fontPx() * 0.95), weight: 'bold' as const });
type Scriptable = ScriptableContext<'line'>;
/** Before its first layout a chart has no area yet. */
const plotHeight = (ctx: Scriptable) =>
  (ctx.chart.chartArea as { height: number } | undefined)?.height ?? 0;
/** The circuit band: a strip along the top, tall enough for its label, at most a quarter. */
const bandPx = (ctx: Scriptable) => Math.min(fontPx() * 1.6, plotHeight(ctx) * 0.25);
/** Words over a plot too short to hold them would hide the data. */
const roomy = (ctx: Scriptable) => plotHeight(ctx) >= fontPx() * 7;

function annotationsOf(backdrop: Backdrop | undefined, x: AxisSpec, slots: number) {
  const annotations: Record<string, unknown> = {};
  if (!backdrop) return annotations;
  const range = x.kind === 'category' ? slots : (x.max ?? 1) - (x.min ?? 0);
  (backdrop.sick ?? []).forEach(({ fromS, toS, label }, i) => {
    annotations[`sick${i}`] = {
      type: 'box',
      xMin: fromS,
      xMax: toS,
      backgroundColor: SICK_SHADE,
      borderColor: 'rgba(0, 0, 0, 0.55)',
      borderWidth: 2,
      borderDash: [6, 6],
      drawTime: 'beforeDatasetsDraw',
      label: {
        display: roomy,
        content: label,
        // Centred, a label wider than a stretch at the plot's edge would be cut off there.
        position: { x: edgeOf(fromS, toS, x, slots), y: 'start' },
        // Below the circuit band when there is one.
        yAdjust: (ctx: Scriptable) => (backdrop.circuit ? bandPx(ctx) + 4 : 4),
        color: INK,
        backgroundColor: 'rgba(255, 255, 255, 0.9)',
        font: LABEL_FONT,
      },
    };
  });
  (backdrop.circuit ?? []).forEach((segment, i) => {
    const style = CIRCUIT_STYLE[segment.state];
    annotations[`circuit${i}`] = {
      type: 'box',
      yScaleID: 'band',
      xMin: segment.fromS,
      xMax: segment.toS,
      yMin: (ctx: Scriptable) => 1 - bandPx(ctx) / Math.max(1, plotHeight(ctx)),
      yMax: 1,
      backgroundColor: fillOf(style),
      borderColor: 'rgba(0, 0, 0, 0.6)',
      borderWidth: 1,
      drawTime: 'beforeDatasetsDraw',
      label: {
        // The state's name wherever the stretch is wide enough to hold it.
        display: segment.toS - segment.fromS >= range * 0.09,
        content: style.label,
        color: INK,
        backgroundColor: 'rgba(255, 255, 255, 0.85)',
        font: LABEL_FONT,
        padding: 2,
      },
    };
  });
  (backdrop.lines ?? []).forEach((line, i) => {
    annotations[`line${i}`] = {
      type: 'line',
      scaleID: line.axis ?? 'y',
      value: line.value,
      borderColor: INK,
      borderWidth: 2,
      borderDash: [4, 4],
      drawTime: 'afterDatasetsDraw',
      label: {
        display: true,
        content: line.label,
        // At the start: the newest data, at the end, is what is watched.
        position: 'start',
        color: '#ffffff',
        backgroundColor: 'rgba(17, 17, 17, 0.85)',
        font: LABEL_FONT,
      },
    };
  });
  return annotations;
}

function chip(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, size: number) {
  const width = ctx.measureText(text).width + 10;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.fillRect(x - width / 2, y - size / 2 - 3, width, size + 6);
  ctx.fillStyle = INK;
  ctx.fillText(text, x, y);
}

interface LabelledDataset {
  valueLabels?: string[];
  tooltips?: string[];
}

/** Numbers written on the bars: the chart reads without colours, tooltips or a mouse. */
const valueLabels: Plugin<'bar' | 'line', { mode?: 'above' | 'inside' }> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart, _args, options) {
    if (!options.mode) return;
    const { ctx } = chart;
    const size = Chart.defaults.font.size ?? 16;
    ctx.save();
    ctx.font = `bold ${size}px ${FONT_FAMILY}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      const labels = (dataset as LabelledDataset).valueLabels;
      if (!labels || meta.hidden) return;
      meta.data.forEach((element, j) => {
        const text = labels[j];
        if (!text) return;
        const p = element.getProps(['x', 'y', 'base'], true) as {
          x: number;
          y: number;
          base: number;
        };
        if (options.mode === 'inside') {
          if (ctx.measureText(text).width + 14 > Math.abs(p.x - p.base)) return;
          chip(ctx, text, (p.x + p.base) / 2, p.y, size);
        } else if (Number.isFinite(p.y)) chip(ctx, text, p.x, p.y - size, size);
      });
    });
    ctx.restore();
  },
};

function tooltipLabel(item: TooltipItem<'bar' | 'line'>): string {
  const dataset = item.dataset as LabelledDataset & { label?: string };
  const text = dataset.tooltips?.[item.dataIndex] ?? dataset.valueLabels?.[item.dataIndex];
  return `${dataset.label ?? ''}: ${text ?? item.formattedValue}`;
}

/** The Chart.js configuration of a spec. */
export function chartConfig(spec: ChartSpec): ChartConfiguration<'bar' | 'line'> {
  const stacked = spec.stacked ?? false;
  const scales: Record<string, unknown> = {
    x: scaleOf(spec.x, stacked),
    y: scaleOf(spec.y, stacked),
  };
  if (spec.y2) scales.y2 = scaleOf({ side: 'right', ...spec.y2 }, false);
  if (spec.backdrop?.circuit)
    scales.band = { type: 'linear', axis: 'y', display: false, min: 0, max: 1 };
  const labels = spec.labels ?? [];
  return {
    type: spec.type,
    data: {
      ...(spec.labels ? { labels } : {}),
      datasets: spec.series.map((s) => datasetOf(spec, s)),
    },
    options: {
      ...(spec.horizontal ? { indexAxis: 'y' as const } : {}),
      scales,
      interaction: { mode: 'nearest', intersect: false },
      plugins: {
        legend: {
          display: spec.legend !== 'none',
          position: spec.legend === 'bottom' ? 'bottom' : 'top',
        },
        tooltip: { callbacks: { label: tooltipLabel } },
        annotation: { annotations: annotationsOf(spec.backdrop, spec.x, labels.length) },
        valueLabels: { mode: spec.valueLabels },
      },
    },
    plugins: [valueLabels],
  } as unknown as ChartConfiguration<'bar' | 'line'>;
}

export interface DrawnChart {
  /** Replaces what the chart shows (the live page, every second). */
  update(spec: ChartSpec): void;
}

function note(canvas: HTMLCanvasElement, spec: ChartSpec) {
  // What was drawn, for the page's tests and for anyone inspecting it.
  const points = spec.series.reduce((n, s) => n + dataOf(spec, s).length, 0);
  canvas.dataset.series = String(spec.series.length);
  canvas.dataset.points = String(points);
}

/** Draws `spec` on `canvas`, sized to the canvas's parent box. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): DrawnChart {
  const chart = new Chart(canvas, chartConfig(spec));
  charts.add(chart);
  note(canvas, spec);
  return {
    update(next) {
      const config = chartConfig(next);
      chart.data = config.data;
      chart.options = config.options ?? {};
      chart.update('none');
      note(canvas, next);
    },
  };
}
