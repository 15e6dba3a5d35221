import { summarizeUsers } from '../model/load.js';
import { median, perSecond, round } from '../model/stats.js';
import { startClosedLoad } from '../runner/closed-loop.js';
import { readCpuUs, readRss, samplePeaks, toMb } from '../runner/process-stats.js';
import type { TargetResult, ThroughputRun } from './schema.js';

// Capacity: how many answers per second a process gives flat out, and at what cost. A closed
// loop is the right model here: the question is what the gateway can do, not what users get.

export interface BenchTarget {
  name: string;
  url: string;
  /** The process serving `url`: its CPU time and RSS are read around each run. */
  pid?: number;
}

export interface CapacityOptions {
  connections: number;
  warmupMs: number;
  runMs: number;
  rounds: number;
  signal?: AbortSignal;
  /** Told of each measured run, e.g. for a progress line per round. */
  onRun?: (round: number, target: string, run: ThroughputRun) => void;
}

/** Loads `url` flat out for durationMs: how many answers per second, how fast, at what CPU. */
export async function measureThroughput(
  target: BenchTarget,
  connections: number,
  durationMs: number,
  signal?: AbortSignal,
): Promise<ThroughputRun> {
  const { url, pid } = target;
  const cpuBefore = pid === undefined ? null : await readCpuUs(pid);
  const rss =
    pid === undefined ? undefined : samplePeaks(async () => ({ rss: await readRss(pid) }));
  const recording = await startClosedLoad({
    url,
    load: { model: 'closed', connections, patienceMs: 10_000, clientTimeoutMs: 10_000 },
    durationMs,
    t0: Date.now(),
    ...(signal ? { signal } : {}),
  }).done;
  const cpuAfter = pid === undefined ? null : await readCpuUs(pid);
  const peaks = await rss?.stop();
  const users = summarizeUsers(recording.arrivals);
  const { full, degraded } = users.outcomes;
  const responses = recording.arrivals.filter((a) => a.status !== null).length;
  const cpu = cpuBefore !== null && cpuAfter !== null && responses > 0;
  return {
    durationMs: round(recording.durationMs),
    reqPerSec: perSecond(responses, recording.durationMs),
    p50Ms: users.latencyMs?.p50 ?? 0,
    p99Ms: users.latencyMs?.p99 ?? 0,
    responses,
    failed: users.arrivals - full - degraded,
    degraded,
    cpuUsPerRequest: cpu ? round((cpuAfter - cpuBefore) / responses) : null,
    peakRssMb: toMb(peaks?.rss),
  };
}

/**
 * Warms each target up, then measures them in turn, round after round, each round in the
 * reverse order of the one before (A B, B A, A B...): a drift in the machine's load (another
 * process, thermal, GC) falls on both sides instead of one, and neither always runs first.
 */
export async function measureAlternating(
  targets: BenchTarget[],
  { connections, warmupMs, runMs, rounds, signal, onRun }: CapacityOptions,
): Promise<Record<string, TargetResult>> {
  const check = () => signal?.throwIfAborted();
  // JIT, connection pools and V8's heap all settle in the first seconds: not measured.
  for (const target of targets) {
    check();
    await measureThroughput(target, connections, warmupMs, signal);
  }
  const runs = new Map<string, ThroughputRun[]>(targets.map((t) => [t.name, []]));
  for (let round = 1; round <= rounds; round += 1) {
    for (const target of round % 2 === 1 ? targets : [...targets].reverse()) {
      check();
      const result = await measureThroughput(target, connections, runMs, signal);
      check();
      runs.get(target.name)?.push(result);
      onRun?.(round, target.name, result);
    }
  }
  return Object.fromEntries(targets.map((t) => [t.name, toTarget(t.url, runs.get(t.name) ?? [])]));
}

const medianOf = (values: (number | null)[]) => {
  const value = median(values.filter((v): v is number => v !== null));
  return value === null ? null : round(value);
};

/** A target's runs and their medians: one slow run (a GC storm, a busy neighbour) moves nothing. */
export function toTarget(url: string, runs: ThroughputRun[]): TargetResult {
  const of = (key: keyof ThroughputRun) => medianOf(runs.map((r) => r[key]));
  return {
    url,
    runs,
    median: {
      reqPerSec: of('reqPerSec') ?? 0,
      p50Ms: of('p50Ms') ?? 0,
      p99Ms: of('p99Ms') ?? 0,
      cpuUsPerRequest: of('cpuUsPerRequest'),
      peakRssMb: of('peakRssMb'),
    },
  };
}
