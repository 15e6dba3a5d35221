import { round, summarize } from '../runner/percentile.js';
import type { GatewayRecording } from '../scenarios/recording.js';
import { phaseStats } from './phase-stats.js';
import type { GatewayRun, Phase } from './schema.js';

/** One gateway's recording as the report states it: totals, rates, latency, per-second samples. */
export function toGatewayRun(recording: GatewayRecording, phases: Phase[]): GatewayRun {
  const { load, gateway, url, path, connections, collateral, circuit } = recording;
  const { recorder } = load;
  const { full, degraded, failed, timeout } = recorder.outcomes;
  const seconds = load.durationMs / 1000;
  const total = full + degraded + failed;
  const attempts = total + timeout;
  const firstSecond = Math.floor(load.startMs / 1000);
  const lastSecond = Math.ceil((load.startMs + load.durationMs) / 1000);
  const samples = recorder.samples(firstSecond, lastSecond);
  return {
    gateway,
    url,
    path,
    connections,
    startMs: load.startMs,
    durationMs: load.durationMs,
    requests: {
      total,
      perSecond: seconds > 0 ? round(total / seconds) : 0,
      usefulPerSecond: seconds > 0 ? round((full + degraded) / seconds) : 0,
    },
    latencyMs: summarize(recorder.latencies),
    statusCodes: { ...recorder.statusCodes },
    outcomes: { ...recorder.outcomes },
    timeouts: recorder.timeouts,
    errors: recorder.errors,
    usefulRate: attempts > 0 ? round((full + degraded) / attempts, 4) : 0,
    collateral,
    samples,
    circuit,
    phases: phaseStats(samples, phases),
  };
}
