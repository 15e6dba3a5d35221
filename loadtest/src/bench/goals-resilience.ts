import { formatMs, formatPercent, formatRate } from '../report/format.js';
import { mb, orDash, peakOf, type Draft } from './goal-parts.js';
import type { BenchMeasurements, BenchSettings } from './schema.js';

// The goals about an outage: how much more v2 serves than v1, how fast it protects and heals,
// and how much memory each gateway needs meanwhile.

export function outageGoals(m: BenchMeasurements, s: BenchSettings): Draft[] {
  const { outage, protection: p } = m;
  const { timeoutMs, resetTimeoutMs } = s.services.v2;
  const opened = orDash(p.openedAfterMs, (n) => `circuit OPEN after ${formatMs(n)}`);
  return [
    {
      id: 'outage-throughput-ratio',
      label: `outage, ${outage.connections} connections: v2 ÷ v1 completed req/s`,
      measured: outage.throughputRatio,
      unit: 'ratio',
      detail: `${formatRate(outage.v2.reqPerSec)} vs ${formatRate(outage.v1.reqPerSec)} req/s`,
      goal: { op: 'min', value: 1000 },
    },
    {
      id: 'outage-useful-rate',
      label: 'outage: v2 useful responses',
      measured: outage.v2.usefulRate,
      unit: 'fraction',
      detail: `v1 ${formatPercent(outage.v1.usefulRate)}`,
      goal: { op: 'min', value: 0.999 },
    },
    {
      id: 'time-to-protect',
      label: 'time to protect (p99 < 2× healthy)',
      measured: p.timeToProtectMs,
      unit: 'ms',
      detail: `healthy p99 ${formatMs(p.healthyP99Ms)}; ${opened}`,
      goal: { op: 'max', value: timeoutMs + 1000 },
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

export function memoryGoals(m: BenchMeasurements, s: BenchSettings): Draft[] {
  const hang = `${s.services.hangMs / 1000} s hang`;
  const under = `${m.outage.connections} connections`;
  return [
    {
      id: 'rss-v1',
      label: `peak RSS v1, outage (${under}, ${hang})`,
      measured: m.outage.v1.peakRssMb,
      unit: 'mb',
      detail: mb(m.outage.v1.peakRssMb),
      goal: { op: 'max', value: 150 },
    },
    {
      id: 'rss-v2',
      label: `peak RSS v2, outage (${under}, ${hang})`,
      measured: m.outage.v2.peakRssMb,
      unit: 'mb',
      detail: mb(m.outage.v2.peakRssMb),
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
  ];
}
