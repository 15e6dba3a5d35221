import type { LiveSecond } from '../live/types.js';
import type { Outcome } from '../model/outcome.js';
import {
  gatewayLine,
  patienceLine,
  roundAbove,
  stretches,
  type AxisSpec,
  type Backdrop,
  type ChartSpec,
  type SeriesSpec,
} from '../browser/chart-spec.js';
import { GATEWAY_STYLE, OUTCOME_STYLE, QUEUE_STYLE } from '../browser/palette.js';
import { GATEWAYS, PROBE_PATH, type GatewayId } from '../model/gateways.js';

// The live page's charts as data, from the last seconds: one slot per second of the window,
// the newest on the right ("now"), the same y range on both gateways so they compare.

const OUTCOME_KEYS = Object.keys(OUTCOME_STYLE) as Outcome[];
/** A fixed range: a healthy answer and a 30 s hang on one axis that never jumps while watched. */
const LATENCY_AXIS: AxisSpec = { kind: 'log', min: 1, max: 100_000, format: 'ms' };

export interface LiveCharts {
  got: ChartSpec;
  waiting: ChartSpec;
  latency: ChartSpec;
}

/** The window's seconds by slot (null: before the session, or missed). */
function slots(seconds: readonly LiveSecond[], windowSeconds: number): (LiveSecond | null)[] {
  const last = seconds.at(-1)?.t ?? windowSeconds - 1;
  const byT = new Map(seconds.map((s) => [s.t, s]));
  return Array.from(
    { length: windowSeconds },
    (_, i) => byT.get(last - (windowSeconds - 1) + i) ?? null,
  );
}

export function liveCharts(
  seconds: readonly LiveSecond[],
  windowSeconds: number,
  patienceMs: number,
): Record<GatewayId, LiveCharts> {
  const window = slots(seconds, windowSeconds);
  const labels = window.map((_, i) => String(i - (windowSeconds - 1)));
  const x: AxisSpec = { kind: 'category', format: 'ago', every: 15 };
  const each = <T>(f: (s: LiveSecond) => T) => window.map((s) => (s ? f(s) : null));
  const ended = (g: GatewayId) =>
    each((s) => OUTCOME_KEYS.reduce((n, o) => n + s.gateways[g].outcomes[o], 0));
  const queue = each((s) => s.pool?.waiting ?? null);
  const gotMax = roundAbove(GATEWAYS.flatMap(ended), 1.15);
  const waitingMax = roundAbove(
    [...GATEWAYS.flatMap((g) => each((s) => s.gateways[g].waiting)), ...queue],
    1.3,
  );
  const sick = stretches(each((s) => (s.mode && s.mode !== 'healthy' ? s.mode : null))).map(
    (r) => ({ fromS: r.fromS, toS: r.toS, label: `recommendations: ${r.value}` }),
  );
  const band = stretches(each((s) => s.circuit)).map((r) => ({
    state: r.value,
    fromS: r.fromS,
    toS: r.toS,
  }));
  const backdrop = (g: GatewayId, withBand: boolean): Backdrop => ({
    sick,
    ...(g === 'v2' && withBand ? { circuit: band } : {}),
  });

  const chartsOf = (g: GatewayId): LiveCharts => {
    const name = GATEWAY_STYLE[g].name;
    const got: SeriesSpec[] = OUTCOME_KEYS.map((o) => ({
      label: OUTCOME_STYLE[o].label,
      values: each((s) => s.gateways[g].outcomes[o]),
      color: OUTCOME_STYLE[o].color,
      ...(OUTCOME_STYLE[o].pattern ? { pattern: OUTCOME_STYLE[o].pattern } : {}),
    }));
    const users = {
      ...gatewayLine(g, [], `${name}: users waiting`),
      values: each((s) => s.gateways[g].waiting),
      pointRadius: 0,
    };
    // The users over the queue they are part of: drawn last, on top.
    const waiting: SeriesSpec[] = [];
    if (g === 'v1')
      waiting.push({
        label: 'calls waiting for a pool place',
        values: queue,
        ...QUEUE_STYLE,
        pointRadius: 0,
        width: 2,
      });
    waiting.push(users);
    const latency: SeriesSpec[] = [
      {
        ...gatewayLine(g, [], 'users’ p99'),
        values: each((s) => s.gateways[g].p99),
        pointRadius: 0,
      },
      {
        label: `${PROBE_PATH}, slowest`,
        values: each((s) => s.gateways[g].probes.worstMs),
        color: '#000000',
        dash: [2, 3],
        point: 'rect',
        pointRadius: 2,
        width: 2,
      },
    ];
    return {
      got: {
        type: 'bar',
        labels,
        series: got,
        x,
        y: { kind: 'linear', min: 0, max: gotMax, format: 'count' },
        stacked: true,
        legend: 'none',
        backdrop: backdrop(g, false),
      },
      waiting: {
        type: 'line',
        labels,
        series: waiting,
        x,
        y: { kind: 'linear', min: 0, max: waitingMax, format: 'count' },
        legend: 'none',
        backdrop: backdrop(g, true),
      },
      latency: {
        type: 'line',
        labels,
        series: latency,
        x,
        y: LATENCY_AXIS,
        legend: 'none',
        backdrop: {
          ...backdrop(g, true),
          lines: [patienceLine(patienceMs)],
        },
      },
    };
  };
  return { v1: chartsOf('v1'), v2: chartsOf('v2') };
}
