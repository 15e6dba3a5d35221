import { summarizeUsers } from '../model/load.js';
import { readOpenFds, readRss, samplePeaks, toMb } from '../runner/process-stats.js';
import { runOutage } from '../scenarios/outage.js';
import type { OnSecond } from '../scenarios/progress.js';
import type { ScenarioStack } from '../scenarios/recording.js';
import type { ScenarioSettings } from '../scenarios/settings.js';
import type { OutageFigures } from './schema.js';

export interface OutageOptions {
  stack: ScenarioStack;
  /** The demo's outage: users arriving at its rate, long enough for v1's 30 s answers. */
  settings: ScenarioSettings;
  pids: { v1: number; v2: number };
  signal?: AbortSignal;
  onSecond?: OnSecond;
}

const resources = (pid: number) => async () => ({
  rss: await readRss(pid),
  fds: await readOpenFds(pid),
});

/**
 * The demo's outage scenario (v1, then v2, under the same arriving users), per user, with the
 * memory and sockets of each gateway and of the load runner itself while they hold them.
 */
export async function measureOutage(options: OutageOptions): Promise<OutageFigures> {
  const { stack, settings, pids, signal, onSecond } = options;
  const v1 = samplePeaks(resources(pids.v1));
  const v2 = samplePeaks(resources(pids.v2));
  const runner = samplePeaks(resources(process.pid));
  let peakWaiting = 0;
  let recording;
  let peaks;
  try {
    recording = await runOutage(stack, settings, {
      ...(signal ? { signal } : {}),
      onSecond: (s) => {
        peakWaiting = Math.max(peakWaiting, s.lanes.v1?.waiting ?? 0);
        onSecond?.(s);
      },
    });
  } finally {
    peaks = await Promise.all([v1.stop(), v2.stop(), runner.stop()]);
  }
  const [p1, p2, pr] = peaks;
  const figures = (gateway: 'v1' | 'v2', peaks: typeof p1) => {
    const users = summarizeUsers(recording.gateways[gateway].load.arrivals);
    return {
      users: users.arrivals,
      usefulShare: users.usefulShare,
      p99Ms: users.latencyMs?.p99 ?? null,
      peakRssMb: toMb(peaks.rss),
      peakFds: peaks.fds ?? null,
    };
  };
  const load = settings.load.outage;
  return {
    rate: load.model === 'open' ? load.rate : 0,
    durationMsPerGateway: settings.outage.durationMs,
    v1: figures('v1', p1),
    v2: figures('v2', p2),
    runner: { peakRssMb: toMb(pr.rss), peakFds: pr.fds ?? null, peakWaiting },
  };
}
