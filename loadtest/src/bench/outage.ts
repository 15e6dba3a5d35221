import { compare } from '../report/comparison.js';
import { toGatewayRun } from '../report/gateway-run.js';
import { runOutage } from '../scenarios/outage.js';
import type { ScenarioSettings } from '../scenarios/settings.js';
import type { Targets } from '../scenarios/targets.js';
import type { OnSecond } from '../scenarios/ticker.js';
import { startRssSampler } from './rss-sampler.js';
import type { OutageFigures } from './schema.js';

export interface OutageOptions {
  targets: Targets;
  /** The demo's outage settings: connections, and a duration past v1's timeouts. */
  settings: ScenarioSettings;
  /** The gateways' processes, whose RSS is sampled while they hold the load. */
  pids: { v1: number; v2: number };
  signal?: AbortSignal;
  onSecond?: OnSecond;
}

/** The demo's outage scenario (v1, then v2, under the same load) with both gateways' RSS watched. */
export async function measureOutage(options: OutageOptions): Promise<OutageFigures> {
  const { targets, settings, pids, signal, onSecond } = options;
  const rss = startRssSampler([pids.v1, pids.v2]);
  let peaks: Record<number, number | null> = {};
  let recording;
  try {
    recording = await runOutage(targets, settings, {
      ...(signal ? { signal } : {}),
      ...(onSecond ? { onSecond } : {}),
    });
  } finally {
    peaks = await rss.stop();
  }
  const v1 = toGatewayRun(recording.gateways.v1, recording.phases);
  const v2 = toGatewayRun(recording.gateways.v2, recording.phases);
  const { throughputRatio } = compare('outage', recording.phases, v1, v2);
  const figures = (run: typeof v1, pid: number) => ({
    responses: run.requests.total,
    reqPerSec: run.requests.perSecond,
    usefulRate: run.usefulRate,
    peakRssMb: peaks[pid] ?? null,
  });
  return {
    connections: settings.outage.connections,
    durationMsPerGateway: settings.outage.durationMs,
    v1: figures(v1, pids.v1),
    v2: figures(v2, pids.v2),
    throughputRatio,
  };
}
