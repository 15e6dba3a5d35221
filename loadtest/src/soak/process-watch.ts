import { setTimeout as sleep } from 'node:timers/promises';
import { readOpenFds, readRss, toMb } from '../bench/proc-stats.js';

export interface ProcessSample {
  fds: number | null;
  rssBytes: number | null;
}

const read = async (pid: number): Promise<ProcessSample> => ({
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
  let fds: number | null = null;
  let rss: number | null = null;
  let pending = Promise.resolve();
  const sample = () => {
    pending = pending.then(async () => {
      const s = await read(pid);
      if (s.fds !== null) fds = Math.max(fds ?? 0, s.fds);
      if (s.rssBytes !== null) rss = Math.max(rss ?? 0, s.rssBytes);
    });
  };
  const timer = setInterval(sample, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      sample();
      await pending;
      return { fds, rssMb: toMb(rss) };
    },
  };
}
