import {
  gatewayBars,
  gatewayDots,
  gatewayLine,
  linearAxis,
  logMsAxis,
  patienceLine,
  timeAxis,
  type Backdrop,
  type BandSegment,
  type ChartSpec,
  type Point,
  type SeriesSpec,
} from '../browser/chart-spec.js';
import {
  formatCount,
  formatMs,
  formatPercent,
  formatSeconds,
  probeVerdict,
} from '../browser/format.js';
import { GATEWAY_STYLE, OUTCOME_STYLE, QUEUE_STYLE, RUNG_STYLE } from '../browser/palette.js';
import { circuitSegments } from '../model/circuit.js';
import { GATEWAYS, PROBE_PATH } from '../model/gateways.js';
import { OUTCOME_LABELS, OUTCOMES, usefulOf } from '../model/outcome.js';
import type { PoolSample } from '../model/observed.js';
import { sickPhase, sickWindow, type Phase } from '../model/phases.js';
import { rungHeads } from './table.js';
import type { GatewayRun, LayersResult, Report, ScenarioResult } from './schema.js';

// The report's charts as data (chart-spec.ts), built from the report alone: renderHtml places a
// canvas and a caption for each, embeds the specs, and the page's script draws them.

export interface ChartDef {
  /** The canvas's id: `<scenario>-<chart>`. */
  id: string;
  title: string;
  /** One or two sentences under the title: how to read the chart. */
  note: string;
  spec: ChartSpec;
  /** Shows gateway-v2's circuit band (its key goes under the chart). */
  band: boolean;
  /** Lines written under the chart (the half-open probes, one by one). */
  list: string[];
}

/** A sample covers second [t, t+1): drawn at its middle, in line with exact event times. */
const mid = (t: number) => t + 0.5;
const seconds = (ms: number) => ms / 1000;
const PERCENTILES = ['p50', 'p90', 'p99', 'max'] as const;
/** At most this many half-open probes are listed under the breaker's chart. */
const LISTED_PROBES = 8;

/** The sick phase's shading (each share failed, in the partial failure). */
function sickShading(phases: readonly Phase[], durationMs: number): Backdrop['sick'] {
  if (phases.some((p) => p.errorRate !== undefined))
    return phases.map((p) => ({
      fromS: seconds(p.startMs),
      toS: seconds(p.endMs),
      label: `${formatPercent(p.errorRate ?? 0)} of calls fail`,
    }));
  const sick = sickWindow(phases);
  // Sick from start to end (the outage) leaves nothing to set apart.
  if (!sick || (sick.startMs === 0 && sick.healedAtMs === null)) return undefined;
  return [
    {
      fromS: seconds(sick.startMs),
      toS: seconds(sick.healedAtMs ?? durationMs),
      label: `recommendations: ${sickPhase(phases)?.mode ?? 'sick'}`,
    },
  ];
}

/** The sick phase's shading and gateway-v2's band: the backdrop of every chart over time. */
function backdrop(s: ScenarioResult, withBand: boolean): Backdrop {
  const v2 = s.gateways.v2;
  const result: Backdrop = {};
  const sick = sickShading(s.phases, s.durationMs);
  if (sick) result.sick = sick;
  if (withBand && v2.circuit) result.circuit = circuitBand(v2, s.durationMs);
  return result;
}

function circuitBand(v2: GatewayRun, endMs: number): BandSegment[] {
  if (!v2.circuit) return [];
  return circuitSegments(v2.circuit, v2.startMs, endMs).map((segment) => ({
    state: segment.state,
    fromS: seconds(segment.startMs),
    toS: seconds(segment.endMs),
  }));
}

const values = (series: SeriesSpec[]) => series.flatMap((s) => s.points?.map((p) => p.y) ?? []);

function overTime(
  s: ScenarioResult,
  series: SeriesSpec[],
  y: ChartSpec['y'],
  band: boolean,
  lines: NonNullable<Backdrop['lines']> = [],
): ChartSpec {
  const shade = backdrop(s, band);
  return {
    type: 'line',
    series,
    x: timeAxis(seconds(s.durationMs)),
    y,
    legend: 'top',
    backdrop: lines.length ? { ...shade, lines } : shade,
  };
}

function arrivalsChart(s: ScenarioResult): ChartDef {
  const series = GATEWAYS.flatMap((g) => {
    const samples = s.gateways[g].samples;
    const name = GATEWAY_STYLE[g].name;
    return [
      gatewayLine(
        g,
        samples.map((x) => ({ x: mid(x.t), y: x.arrivals })),
        `${name}: users arriving`,
        {
          width: 1.5,
          pointRadius: 0,
          dash: [2, 4],
        },
      ),
      gatewayLine(
        g,
        samples.map((x) => ({ x: mid(x.t), y: x.answeredInTime })),
        `${name}: answered in time`,
      ),
    ];
  });
  return {
    id: `${s.name}-arrivals`,
    title: 'Users arriving, and users answered in time, second by second',
    note: 'Dotted: users who arrived in each second (the same for both gateways). Solid: useful answers (the product, within the user’s patience) that came in that second.',
    spec: overTime(s, series, linearAxis('users per second', 'count', values(series), 1.35), true),
    band: s.gateways.v2.circuit !== null,
    list: [],
  };
}

function waitingChart(s: ScenarioResult): ChartDef {
  const series = GATEWAYS.map((g) =>
    gatewayLine(
      g,
      s.gateways[g].samples.map((x) => ({ x: x.t + 1, y: x.waiting })),
      `${GATEWAY_STYLE[g].name}: users waiting`,
    ),
  );
  return {
    id: `${s.name}-waiting`,
    title: 'Users waiting for an answer',
    note: 'At the end of each second: users who had sent their request and had no answer yet. A gateway that holds its users piles them up here.',
    spec: overTime(s, series, linearAxis('users waiting', 'count', values(series), 1.35), true),
    band: s.gateways.v2.circuit !== null,
    list: [],
  };
}

function poolChart(s: ScenarioResult): ChartDef | null {
  const pool = s.gateways.v1.pool;
  if (!pool || pool.length === 0) return null;
  const size = Math.max(...pool.map((p) => p.size));
  const at = (y: (p: PoolSample) => number): Point[] =>
    pool.map((p) => ({ x: seconds(p.t), y: y(p) }));
  const series: SeriesSpec[] = [
    gatewayLine(
      'v1',
      at((p) => p.active),
      'places in use',
      { stepped: true, pointRadius: 0 },
    ),
    {
      label: 'calls waiting in line for a place (right axis)',
      points: at((p) => p.waiting),
      ...QUEUE_STYLE,
      pointRadius: 0,
      stepped: true,
      axis: 'y2',
    },
  ];
  const spec = overTime(s, series, linearAxis('places in use', 'count', [size], 1.35), false, [
    { value: size, label: `pool size ${formatCount(size)}` },
  ]);
  spec.y2 = {
    ...linearAxis('calls waiting in line', 'count', series[1]?.points?.map((p) => p.y) ?? [], 1.35),
    side: 'right',
  };
  return {
    id: `${s.name}-pool`,
    title: 'gateway-v1’s shared pool: places in use, and the queue behind them',
    note: `One pool of ${formatCount(size)} places for both services. While recommendations hang, every place is held by a call that waits out the hang; every other call, ${PROBE_PATH} too, waits in line.`,
    spec,
    band: false,
    list: [],
  };
}

/** "2.6 s: one call let through, it timed out after 201 ms: open again." */
export function probeLine(probe: NonNullable<GatewayRun['circuit']>['probes'][number]): string {
  return `${formatSeconds(probe.t)}: ${probeVerdict(probe)}.`;
}

function breakerChart(report: Report, s: ScenarioResult): ChartDef | null {
  const circuit = s.gateways.v2.circuit;
  if (!circuit) return null;
  const probes = circuit.probes;
  const kinds = [
    { label: 'probe succeeded: circuit closed', shape: 'circle', ok: true },
    { label: 'probe failed: circuit open again', shape: 'crossRot', ok: false },
  ] as const;
  const series = kinds.flatMap(({ label, shape, ok }) => {
    const mine = probes.filter((p) => (p.result === 'success') === ok);
    return mine.length
      ? [
          gatewayDots(
            'v2',
            mine.map((p) => ({ x: seconds(p.t), y: Math.max(p.latencyMs, 0.5) })),
            label,
            shape,
            mine.map(probeLine),
          ),
        ]
      : [];
  });
  const timeoutMs = report.config.services.v2.timeoutMs;
  const spec = overTime(
    s,
    series,
    logMsAxis('probe latency', [...values(series), timeoutMs], 1),
    true,
    [{ value: timeoutMs, label: `breaker timeout ${formatMs(timeoutMs)}` }],
  );
  const listed = probes.slice(0, LISTED_PROBES).map(probeLine);
  const more = probes.length - listed.length;
  return {
    id: `${s.name}-breaker`,
    title: 'gateway-v2’s breaker, and its half-open probes',
    note: probes.length
      ? 'Top strip: the circuit’s state. Each mark: the one call a half-open circuit let through, when its answer came and how long it took.'
      : 'Top strip: the circuit’s state. No half-open probe in this run.',
    spec,
    band: true,
    list: more > 0 ? [...listed, `… and ${formatCount(more)} more.`] : listed,
  };
}

function p99Chart(s: ScenarioResult): ChartDef {
  const series = GATEWAYS.map((g) =>
    gatewayLine(
      g,
      s.gateways[g].samples.map((x) => ({ x: mid(x.t), y: x.p99 })),
      `${GATEWAY_STYLE[g].name}: p99`,
    ),
  );
  const patience = s.gateways.v1.load.patienceMs;
  const spec = overTime(
    s,
    series,
    logMsAxis('p99 from arrival', [...values(series), patience], 1),
    true,
    [patienceLine(patience)],
  );
  return {
    id: `${s.name}-p99`,
    title: 'The slowest users (p99) second by second',
    note: 'Of the users who arrived in each second, how long the slowest 1 % waited, from arrival (log scale: each grid line is 10× the one below). Above the dashed line: too late.',
    spec,
    band: s.gateways.v2.circuit !== null,
    list: [],
  };
}

function percentileChart(s: ScenarioResult): ChartDef {
  const series = GATEWAYS.map((g) => {
    const latency = s.gateways[g].users.latencyMs;
    const data = PERCENTILES.map((p) => (latency && latency[p] > 0 ? latency[p] : null));
    return gatewayBars(
      g,
      data,
      data.map((v) => (v === null ? '' : formatMs(v))),
    );
  });
  return {
    id: `${s.name}-latency`,
    title: 'How long users waited, from arrival',
    note: 'Latency percentiles of every user sent, unanswered ones counted as long as they waited (log scale).',
    spec: {
      type: 'bar',
      labels: [...PERCENTILES],
      series,
      x: { kind: 'category' },
      y: logMsAxis(
        'latency from arrival',
        series.flatMap((d) => d.values ?? []),
        0.5,
      ),
      legend: 'top',
      valueLabels: 'above',
    },
    band: false,
    list: [],
  };
}

/** Each outcome's share of a gateway's users, in percent (0 when nobody arrived). */
export function outcomeShares(run: GatewayRun): Record<(typeof OUTCOMES)[number], number> {
  const all = run.users.arrivals;
  return Object.fromEntries(
    OUTCOMES.map((o) => [o, all > 0 ? (run.users.outcomes[o] / all) * 100 : 0]),
  ) as Record<(typeof OUTCOMES)[number], number>;
}

function outcomeChart(s: ScenarioResult): ChartDef {
  const runs = GATEWAYS.map((g) => s.gateways[g]);
  const shares = runs.map(outcomeShares);
  const series: SeriesSpec[] = OUTCOMES.map((o) => {
    const style = OUTCOME_STYLE[o];
    const data = shares.map((share) => share[o]);
    return {
      label: style.label,
      values: data,
      color: style.color,
      ...(style.pattern ? { pattern: style.pattern } : {}),
      point: 'rect',
      valueLabels: data.map((pct) =>
        pct >= 0.5 ? `${OUTCOME_LABELS[o]} ${formatPercent(pct / 100)}` : '',
      ),
      tooltips: runs.map(
        (run, i) =>
          `${formatCount(run.users.outcomes[o])} users (${formatPercent((data[i] ?? 0) / 100)})`,
      ),
    };
  });
  return {
    id: `${s.name}-outcomes`,
    title: 'What users got',
    note: 'Every user who arrived, by what became of them: full and degraded carried the product in time; the rest did not.',
    spec: {
      type: 'bar',
      horizontal: true,
      stacked: true,
      labels: GATEWAYS.map((g) => GATEWAY_STYLE[g].name),
      series,
      x: { kind: 'linear', title: '% of users', min: 0, max: 100, format: 'percent' },
      y: { kind: 'category' },
      legend: 'bottom',
      valueLabels: 'inside',
    },
    band: false,
    list: [],
  };
}

function collateralChart(s: ScenarioResult): ChartDef {
  const series: SeriesSpec[] = [];
  for (const g of GATEWAYS) {
    const samples = s.gateways[g].collateral.samples;
    const name = GATEWAY_STYLE[g].name;
    const answered = samples.filter((p) => p.ms !== null);
    const lost = samples.filter((p) => p.ms === null);
    // Below 1 ms a log axis has nowhere to put a point: drawn at its floor.
    const y = (ms: number) => Math.max(ms, 0.5);
    if (answered.length)
      series.push(
        gatewayDots(
          g,
          answered.map((p) => ({ x: seconds(p.t), y: y(p.ms ?? 0) })),
          `${name}: answered`,
        ),
      );
    if (lost.length)
      series.push(
        gatewayDots(
          g,
          lost.map((p) => ({ x: seconds(p.t), y: y(p.waitedMs ?? 0) })),
          `${name}: no answer (drawn at how long it waited)`,
          'crossRot',
        ),
      );
  }
  const patience = s.gateways.v1.load.patienceMs;
  const path = s.gateways.v1.collateral.path;
  const spec = overTime(
    s,
    series,
    logMsAxis('probe latency', [...values(series), patience], 0.5),
    false,
    [patienceLine(patience)],
  );
  return {
    id: `${s.name}-collateral`,
    title: `Collateral damage: ${path}`,
    note: `${path} needs only the healthy product service; probes were sent beside the load, each marked when it was sent. Crosses: no answer, drawn at how long they waited.`,
    spec,
    band: false,
    list: [],
  };
}

/** partial: per share of calls failed, each gateway's users in time and v2's circuit open. */
function partialChart(s: ScenarioResult): ChartDef | null {
  const rows = s.byErrorRate;
  if (!rows?.length) return null;
  const pct = (v: number) => Math.round(v * 1000) / 10;
  const labels = (data: number[]) => data.map((v) => formatPercent(v / 100));
  const v1 = rows.map((r) => pct(r.v1.usefulShare));
  const v2 = rows.map((r) => pct(r.v2.usefulShare));
  const open = rows.map((r) => pct(r.v2.openShare));
  return {
    id: `${s.name}-by-rate`,
    title: 'Users in time, and gateway-v2’s circuit, per share of calls failed',
    note: 'For each share of recommendations calls that failed: the share of each gateway’s users who got the product in time, and the share of the stretch gateway-v2’s circuit was open.',
    spec: {
      type: 'bar',
      labels: rows.map((r) => `${formatPercent(r.errorRate)} fail`),
      series: [
        { ...gatewayBars('v1', v1, labels(v1)), label: 'gateway-v1: users in time' },
        { ...gatewayBars('v2', v2, labels(v2)), label: 'gateway-v2: users in time' },
        {
          label: 'gateway-v2: circuit open',
          values: open,
          color: OUTCOME_STYLE.tooLate.color,
          pattern: 'dark-stripes',
          point: 'rect',
          valueLabels: labels(open),
        },
      ],
      x: { kind: 'category' },
      y: { kind: 'linear', title: '%', min: 0, max: 100, format: 'percent' },
      legend: 'top',
      valueLabels: 'above',
    },
    band: false,
    list: [],
  };
}

/**
 * A scenario's charts in reading order. The over-time charts of users, the pool and latency
 * are for the timeline only: in the outage the gateways ran one after the other.
 */
export function scenarioCharts(report: Report, s: ScenarioResult): ChartDef[] {
  const overTimeCharts =
    s.name === 'timeline'
      ? [arrivalsChart(s), waitingChart(s), poolChart(s), breakerChart(report, s), p99Chart(s)]
      : s.name === 'partial'
        ? [partialChart(s), arrivalsChart(s), breakerChart(report, s)]
        : [breakerChart(report, s)];
  return [...overTimeCharts, percentileChart(s), outcomeChart(s), collateralChart(s)].filter(
    (c): c is ChartDef => c !== null,
  );
}

function rungLines(l: LayersResult, y: (run: GatewayRun) => Point[]): SeriesSpec[] {
  const heads = rungHeads(l);
  return l.rungs.map((r, i) => {
    const style = RUNG_STYLE[r.id];
    return {
      label: `${heads[i]}: ${r.label}`,
      points: y(r.run),
      color: style.color,
      dash: style.dash,
      point: style.point,
      pointRadius: 0,
    };
  });
}

function ladderChart(l: LayersResult, id: string, series: SeriesSpec[], y: ChartSpec['y']) {
  return {
    type: 'line' as const,
    series,
    x: timeAxis(seconds(l.durationMs)),
    y,
    legend: 'top' as const,
    backdrop: { sick: sickShading(l.phases, l.durationMs) ?? [] },
    id,
  };
}

/** The ladder's charts: users served in time per rung, and the calls each sent recommendations. */
export function layersCharts(l: LayersResult): ChartDef[] {
  const served = rungLines(l, (run) =>
    run.samples.map((x) => ({
      x: mid(x.t),
      y: x.arrivals > 0 ? Math.round((usefulOf(x.outcomes) / x.arrivals) * 1000) / 10 : null,
    })),
  );
  const calls = rungLines(l, (run) =>
    run.dependency.map((d) => ({ x: seconds(d.t), y: d.callsPerSecond })),
  );
  const { id: servedId, ...servedSpec } = ladderChart(l, 'layers-served', served, {
    kind: 'linear',
    title: '% of the second’s users served in time',
    min: 0,
    max: 100,
    format: 'percent',
  });
  const { id: callsId, ...callsSpec } = ladderChart(
    l,
    'layers-calls',
    calls,
    linearAxis('calls per second', 'count', values(calls), 1.2),
  );
  return [
    {
      id: servedId,
      title: 'Users served in time, second by second, on each rung',
      note: 'Of the users who arrived in each second, the share who got the product within their patience, per rung of the ladder. Shaded: recommendations hung.',
      spec: servedSpec,
      band: false,
      list: [],
    },
    {
      id: callsId,
      title: 'Calls reaching recommendations, per rung',
      note: 'Calls per second each rung’s own recommendations-service received, as it counted them. A call that waits out the hang holds a worker; calls abandoned by a gateway are still worked on.',
      spec: callsSpec,
      band: false,
      list: [],
    },
  ];
}
