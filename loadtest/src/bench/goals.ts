import { formatCount, formatMs, formatRate } from '../report/format.js';
import { round } from '../runner/percentile.js';
import { orDash, ratio, type Draft } from './goal-parts.js';
import { memoryGoals, outageGoals } from './goals-resilience.js';
import type { BenchMeasurements, BenchSettings, Goal, TargetResult } from './schema.js';

function judge(draft: Draft): Goal {
  if (draft.measured === null) return { ...draft, result: 'unmeasured' };
  if (draft.goal === null) return { ...draft, result: 'info' };
  const { op, value } = draft.goal;
  const met = op === 'min' ? draft.measured >= value : draft.measured <= value;
  return { ...draft, result: met ? 'pass' : 'miss' };
}

/** One gateway request's cost in ns: its CPU time when /proc could tell, else 1 / its req/s. */
function requestNs(target: TargetResult): number | null {
  const { cpuUsPerRequest, reqPerSec } = target.median;
  if (cpuUsPerRequest !== null && cpuUsPerRequest > 0) return cpuUsPerRequest * 1000;
  return reqPerSec > 0 ? 1e9 / reqPerSec : null;
}

function throughputGoals(m: BenchMeasurements): Draft[] {
  const { bare, v2Open, v2Healthy } = m;
  const rates = (a: TargetResult, b: TargetResult) =>
    `${formatRate(a.median.reqPerSec)} vs ${formatRate(b.median.reqPerSec)} req/s`;
  const cpu = (t: TargetResult) => orDash(t.median.cpuUsPerRequest, (n) => `${formatCount(n)} µs`);
  return [
    {
      id: 'open-vs-bare-throughput',
      label: 'v2 circuit open ÷ bare proxy, req/s',
      measured: ratio(v2Open.median.reqPerSec, bare.median.reqPerSec),
      unit: 'ratio',
      detail: rates(v2Open, bare),
      goal: { op: 'min', value: 0.9 },
    },
    {
      id: 'open-vs-bare-p99',
      label: 'v2 circuit open ÷ bare proxy, p99',
      measured: ratio(v2Open.median.p99Ms, bare.median.p99Ms),
      unit: 'ratio',
      detail: `${formatMs(v2Open.median.p99Ms)} vs ${formatMs(bare.median.p99Ms)}`,
      goal: { op: 'max', value: 1.2 },
    },
    {
      id: 'open-vs-bare-cpu',
      label: 'v2 circuit open ÷ bare proxy, CPU per request',
      measured: ratio(v2Open.median.cpuUsPerRequest, bare.median.cpuUsPerRequest),
      unit: 'ratio',
      detail: `${cpu(v2Open)} vs ${cpu(bare)}`,
      goal: null,
    },
    {
      id: 'healthy-vs-bare-throughput',
      label: 'v2 healthy (two calls) ÷ bare proxy, req/s',
      measured: ratio(v2Healthy.median.reqPerSec, bare.median.reqPerSec),
      unit: 'ratio',
      detail: rates(v2Healthy, bare),
      goal: null,
    },
  ];
}

function breakerGoals(m: BenchMeasurements): Draft[] {
  const o = m.breakerOverhead;
  const perRequest = requestNs(m.v2Open);
  const share = (ns: number) =>
    perRequest === null ? null : round(Math.max(0, ns) / perRequest, 4);
  const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;
  const of = perRequest === null ? '' : ` of ${formatCount(perRequest / 1000)} µs per request`;
  return [
    {
      id: 'breaker-closed-share',
      label: 'breaker cost per call, closed (share of a request)',
      measured: share(o.closedOverheadNs),
      unit: 'fraction',
      detail: `+${us(o.closedOverheadNs)}${of}`,
      goal: { op: 'max', value: 0.05 },
    },
    {
      id: 'breaker-open-share',
      label: 'breaker cost per call, open (share of a request)',
      measured: share(o.openOverheadNs),
      unit: 'fraction',
      detail: `+${us(o.openOverheadNs)}${of}; as gateway-v2 fires it +${us(o.openGatewayOverheadNs)}`,
      goal: { op: 'max', value: 0.05 },
    },
  ];
}

/** Every figure beside its goal (goals in DESIGN and the issue), judged pass or miss. */
export function evaluateGoals(m: BenchMeasurements, settings: BenchSettings): Goal[] {
  return [
    ...throughputGoals(m),
    ...outageGoals(m, settings),
    ...memoryGoals(m, settings),
    ...breakerGoals(m),
  ].map(judge);
}
