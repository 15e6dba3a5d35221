import { samplePeaks } from './peak-sampler.js';
import { readRss, toMb } from './proc-stats.js';

export interface RunningRssSampler {
  /** Stops sampling; the largest RSS seen per pid, in MB (null where none could be read). */
  stop(): Promise<Record<number, number | null>>;
}

/** Reads each process's RSS every intervalMs, for its peak within one phase. */
export function startRssSampler(pids: number[], intervalMs = 250): RunningRssSampler {
  const sampler = samplePeaks(
    async () =>
      Object.fromEntries(
        await Promise.all(pids.map(async (pid) => [String(pid), await readRss(pid)] as const)),
      ),
    intervalMs,
  );
  return {
    async stop() {
      const peaks = await sampler.stop();
      return Object.fromEntries(pids.map((pid) => [pid, toMb(peaks[String(pid)] ?? null)]));
    },
  };
}
