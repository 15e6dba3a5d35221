import { formatCount, formatMs, formatPercent, formatRate } from '../browser/format.js';
import { ratio as ratioOf, round } from '../model/stats.js';
import type {
  BenchMeasurements,
  BenchReport,
  BenchSettings,
  Goal,
  TargetResult,
} from './schema.js';
import { BENCH_SCHEMA_VERSION } from './schema.js';

// Every figure of the bench beside its goal, judged; and the bench report built around them.

type Draft = Omit<Goal, 'result'>;

// Three digits: a goal of 0.9× must not be met by rounding 0.896 up.
const ratio = (a: number | null, b: number | null) => ratioOf(a, b, 3);
const orDash = (value: number | null, format: (n: number) => string) =>
  value === null ? '—' : format(value);
const mb = (value: number | null) => orDash(value, (n) => `${formatCount(n)} MB`);
const peakOf = (target: TargetResult) => {
  const peaks = target.runs.map((r) => r.peakRssMb).filter((v): v is number => v !== null);
  return peaks.length ? Math.max(...peaks) : null;
};

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

/** The share of a target's answers that made both calls: neither failed nor the fallback's. */
const withRecommendations = (t: TargetResult) => {
  const responses = t.runs.reduce((n, r) => n + r.responses, 0);
  const full = t.runs.reduce((n, r) => n + r.responses - r.failed - r.degraded, 0);
  return responses > 0 ? full / responses : 0;
};

/**
 * The ratio round by round, where the two ran back to back: how far one round, and so one
 * median, can be trusted on this machine.
 */
function roundByRound(a: TargetResult, b: TargetResult): string {
  const each = a.runs.flatMap((run, i) => {
    const r = ratio(run.reqPerSec, b.runs[i]?.reqPerSec ?? null);
    return r === null ? [] : [r];
  });
  if (each.length < 2) return '';
  const [low, high] = [Math.min(...each), Math.max(...each)];
  return `; ${low.toFixed(2)}–${high.toFixed(2)}× round by round`;
}

function capacityGoals(m: BenchMeasurements): Draft[] {
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
      detail: `${rates(v2Open, bare)}${roundByRound(v2Open, bare)}`,
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
      detail: `${rates(v2Healthy, bare)}; ${formatPercent(withRecommendations(v2Healthy))} of its answers with recommendations`,
      goal: null,
    },
  ];
}

function outageGoals(m: BenchMeasurements, s: BenchSettings): Draft[] {
  const { outage: o } = m;
  const users = `${formatRate(o.rate)} users/s, ${formatMs(o.durationMsPerGateway)} per gateway`;
  return [
    {
      id: 'outage-useful-v2',
      label: 'outage: v2 users served in time',
      measured: o.v2.usefulShare,
      unit: 'fraction',
      detail: `${formatCount(o.v2.users)} users (${users})`,
      goal: { op: 'min', value: 0.999 },
    },
    {
      id: 'outage-useful-v1',
      label: 'outage: v1 users served in time',
      measured: o.v1.usefulShare,
      unit: 'fraction',
      detail: `${formatCount(o.v1.users)} users; p99 from arrival ${orDash(o.v1.p99Ms, formatMs)}`,
      goal: null,
    },
    {
      id: 'outage-p99-v2',
      label: 'outage: v2 p99 from arrival',
      measured: o.v2.p99Ms,
      unit: 'ms',
      detail: `users who came before the circuit opened waited out the ${formatMs(s.services.v2.timeoutMs)} breaker timeout`,
      goal: null,
    },
  ];
}

function protectionGoals(m: BenchMeasurements, s: BenchSettings): Draft[] {
  const { protection: p, protectionWide: w } = m;
  const { timeoutMs, resetTimeoutMs } = s.services.v2;
  const detail = (x: typeof p) =>
    `bulkhead ${x.capacity}; circuit OPEN after ${orDash(x.openedAfterMs, formatMs)}; ${formatCount(x.waitedOutTimeout)} users waited out the ${formatMs(timeoutMs)} timeout`;
  return [
    {
      id: 'time-to-protect',
      label: `time to protect, gateway-v2's bulkhead of ${p.capacity} (p99 < 2× healthy)`,
      measured: p.timeToProtectMs,
      unit: 'ms',
      detail: detail(p),
      goal: { op: 'max', value: timeoutMs / 2 },
    },
    {
      id: 'time-to-protect-wide',
      label: `time to protect, a wide bulkhead of ${w.capacity}`,
      measured: w.timeToProtectMs,
      unit: 'ms',
      detail: detail(w),
      goal: null,
    },
    {
      id: 'time-to-heal',
      label: 'time to heal (live recommendations)',
      measured: p.timeToHealMs,
      unit: 'ms',
      detail: `healed as soon as the circuit opened; reset timeout ${formatMs(resetTimeoutMs)}`,
      goal: { op: 'max', value: resetTimeoutMs + 1000 },
    },
  ];
}

function burstGoals(m: BenchMeasurements): Draft[] {
  const healthy = m.bursts.filter((b) => b.dependencyLatencyMs === 0);
  const slow = m.bursts.filter((b) => b.dependencyLatencyMs > 0);
  const describe = (list: typeof healthy) =>
    list.map((b) => `bulkhead ${b.capacity}: ${formatPercent(b.rejectedShare)}`).join('; ');
  const sized = (list: typeof healthy) => list.find((b) => b.capacity === m.protection.capacity);
  return [
    {
      id: 'burst-rejections',
      label: `healthy bursts: recommendations dropped by bulkhead ${m.protection.capacity}`,
      measured: sized(healthy)?.rejectedShare ?? null,
      unit: 'fraction',
      detail: `${formatRate(healthy[0]?.rate ?? 0)} users/s, Poisson; ${describe(healthy)}`,
      goal: { op: 'max', value: 0.001 },
    },
    {
      id: 'burst-rejections-slow',
      label: `dependency ${formatMs(slow[0]?.dependencyLatencyMs ?? 0)} slower: dropped`,
      measured: sized(slow)?.rejectedShare ?? null,
      unit: 'fraction',
      detail: describe(slow),
      goal: null,
    },
  ];
}

function memoryGoals(m: BenchMeasurements, s: BenchSettings): Draft[] {
  const { outage: o } = m;
  const hang = `${formatMs(s.services.recommendations.hangMs)} hang`;
  const fds = (n: number | null) => orDash(n, (v) => `${formatCount(v)} open sockets and files`);
  return [
    {
      id: 'rss-v1',
      label: `peak RSS v1, outage (${hang})`,
      measured: o.v1.peakRssMb,
      unit: 'mb',
      detail: `${fds(o.v1.peakFds)} at most`,
      goal: { op: 'max', value: 150 },
    },
    {
      id: 'rss-v2',
      label: `peak RSS v2, outage (${hang})`,
      measured: o.v2.peakRssMb,
      unit: 'mb',
      detail: `${fds(o.v2.peakFds)} at most`,
      goal: { op: 'max', value: 150 },
    },
    {
      id: 'rss-bare',
      label: `peak RSS bare proxy, flat out (${s.connections} connections)`,
      measured: peakOf(m.bare),
      unit: 'mb',
      detail: `v2 circuit open, same load: ${mb(peakOf(m.v2Open))}`,
      goal: null,
    },
    {
      id: 'runner-resources',
      label: 'load runner, users waiting on v1 at once',
      measured: o.runner.peakWaiting,
      unit: 'count',
      detail: `runner peak RSS ${mb(o.runner.peakRssMb)}, ${fds(o.runner.peakFds)}`,
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

/** Every figure beside its goal, judged pass or miss. */
export function evaluateGoals(m: BenchMeasurements, settings: BenchSettings): Goal[] {
  return [
    ...capacityGoals(m),
    ...outageGoals(m, settings),
    ...protectionGoals(m, settings),
    ...burstGoals(m),
    ...memoryGoals(m, settings),
    ...breakerGoals(m),
  ].map(judge);
}

export interface BenchInput {
  quick: boolean;
  settings: BenchSettings;
  environment: Omit<BenchReport['environment'], 'loadAverage'>;
  loadAverage: { start: number[]; end: number[] };
  measurements: BenchMeasurements;
  startedAt: Date;
  finishedAt: Date;
}

/** The bench report: what was run, where, what was measured, and each figure judged. */
export function buildBench(input: BenchInput): BenchReport {
  const { quick, settings, environment, loadAverage, measurements, startedAt, finishedAt } = input;
  return {
    schemaVersion: BENCH_SCHEMA_VERSION,
    generatedAt: finishedAt.toISOString(),
    quick,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    settings,
    environment: { ...environment, loadAverage },
    measurements,
    goals: evaluateGoals(measurements, settings),
  };
}
