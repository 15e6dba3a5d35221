import { setTimeout as sleep } from 'node:timers/promises';
import { samplePeaks } from '../bench/peak-sampler.js';
import { readOpenFds, readRss, toMb } from '../bench/proc-stats.js';

export interface ProcessSample {
  fds: number | null;
  rssBytes: number | null;
}

const read = async (pid: number): Promise<Record<keyof ProcessSample, number | null>> => ({
  fds: await readOpenFds(pid),
  rssBytes: await readRss(pid),
});

/**
 * The process once its open files stop changing: a load's client sockets take a moment to close
 * after it ends. Polls every 100 ms until five reads agree, or timeoutMs passes.
 */
export async function settledSample(
  pid: number,
  signal?: AbortSignal,
  timeoutMs = 5000,
): Promise<ProcessSample> {
  const deadline = Date.now() + timeoutMs;
  let last = await read(pid);
  let same = 0;
  while (same < 5 && Date.now() < deadline) {
    await sleep(100, undefined, { signal });
    const next = await read(pid);
    same = next.fds === last.fds ? same + 1 : 0;
    last = next;
  }
  return last;
}

export interface RunningPeakWatch {
  stop(): Promise<{ fds: number | null; rssMb: number | null }>;
}

/** The most open files and the largest RSS seen while a load runs, read every intervalMs. */
export function watchPeaks(pid: number, intervalMs = 250): RunningPeakWatch {
  const sampler = samplePeaks(() => read(pid), intervalMs);
  return {
    async stop() {
      const peaks = await sampler.stop();
      return { fds: peaks.fds ?? null, rssMb: toMb(peaks.rssBytes ?? null) };
    },
  };
}
