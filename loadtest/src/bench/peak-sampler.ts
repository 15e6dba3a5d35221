export interface RunningPeakSampler<K extends string> {
  /** Stops sampling after one last read; the largest value seen per key (absent: never read). */
  stop(): Promise<Partial<Record<K, number>>>;
}

/**
 * Calls `read` now and every intervalMs while a load runs, one read at a time, and keeps the
 * largest value of each key. A sampled peak belongs to this stretch alone, where a process's
 * own high-water mark (VmHWM) would include its start-up and everything before.
 */
export function samplePeaks<K extends string>(
  read: () => Promise<Record<K, number | null>>,
  intervalMs = 250,
): RunningPeakSampler<K> {
  const peaks: Partial<Record<K, number>> = {};
  let pending = Promise.resolve();
  const sample = () => {
    pending = pending.then(async () => {
      const values = await read();
      for (const key of Object.keys(values) as K[]) {
        const value = values[key];
        if (value !== null) peaks[key] = Math.max(value, peaks[key] ?? 0);
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
      return peaks;
    },
  };
}
