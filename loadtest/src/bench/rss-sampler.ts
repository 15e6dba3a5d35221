import { readRss, toMb } from './proc-stats.js';

export interface RunningRssSampler {
  /** Stops sampling; the largest RSS seen per pid, in MB (null where none could be read). */
  stop(): Promise<Record<number, number | null>>;
}

/**
 * Reads each process's RSS every intervalMs. VmHWM would give the peak over the process's whole
 * life (start-up and earlier phases included); sampling gives the peak within one phase.
 */
export function startRssSampler(pids: number[], intervalMs = 250): RunningRssSampler {
  const peaks = new Map<number, number>();
  let pending = Promise.resolve();
  const sample = () => {
    pending = pending.then(async () => {
      for (const pid of pids) {
        const rss = await readRss(pid);
        if (rss !== null) peaks.set(pid, Math.max(rss, peaks.get(pid) ?? 0));
      }
    });
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      sample();
      await pending;
      return Object.fromEntries(pids.map((pid) => [pid, toMb(peaks.get(pid) ?? null)]));
    },
  };
}
