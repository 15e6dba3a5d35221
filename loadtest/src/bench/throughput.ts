import { percentile, round } from '../runner/percentile.js';
import { startLoad } from '../runner/run-load.js';
import { readCpuUs } from './proc-stats.js';
import { startRssSampler } from './rss-sampler.js';
import type { TargetResult, ThroughputRun } from './schema.js';

export interface ThroughputOptions {
  url: string;
  connections: number;
  durationMs: number;
  /** The process serving `url`: its CPU time and RSS are read around the run. */
  pid?: number;
  signal?: AbortSignal;
}

/** Loads `url` flat out for durationMs (closed loop): how many answers per second, how fast. */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputRun> {
  const { url, connections, durationMs, pid, signal } = options;
  const cpuBefore = pid === undefined ? null : await readCpuUs(pid);
  const rss = pid === undefined ? undefined : startRssSampler([pid]);
  const { done } = startLoad({
    url,
    connections,
    durationMs,
    clientTimeoutMs: 10_000,
    t0: Date.now(),
    ...(signal ? { signal } : {}),
  });
  const recording = await done;
  const cpuAfter = pid === undefined ? null : await readCpuUs(pid);
  const peaks = await rss?.stop();
  const { recorder } = recording;
  const { full, degraded, failed } = recorder.outcomes;
  const responses = full + degraded + failed;
  const sorted = Float64Array.from(recorder.latencies).sort();
  const cpu = cpuBefore !== null && cpuAfter !== null && responses > 0;
  return {
    durationMs: recording.durationMs,
    reqPerSec: round(responses / (recording.durationMs / 1000)),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    responses,
    failed: failed + recorder.outcomes.timeout,
    cpuUsPerRequest: cpu ? round((cpuAfter - cpuBefore) / responses) : null,
    peakRssMb: pid === undefined ? null : (peaks?.[pid] ?? null),
  };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  const value = known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
  return round(value);
}

/** A target's runs and their medians: one slow run (a GC storm, a busy neighbour) moves nothing. */
export function toTarget(url: string, runs: ThroughputRun[]): TargetResult {
  const of = (key: keyof ThroughputRun) => median(runs.map((r) => r[key]));
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
