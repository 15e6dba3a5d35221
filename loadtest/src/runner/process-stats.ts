import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

// What /proc says about a process (Linux only: elsewhere every reader answers null, and the
// figures built on them are reported as not measured rather than as zero). The bench and the
// soak read the gateways, the services and the load runner itself through these.

const KB = 1024;
/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

async function statusField(pid: number, field: string): Promise<number | null> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(text);
    return match?.[1] === undefined ? null : Number(match[1]) * KB;
  } catch {
    return null;
  }
}

/** Resident set size now, in bytes. */
export const readRss = (pid: number) => statusField(pid, 'VmRSS');

/** CPU time (user + system, all threads) the process has used so far, in microseconds. */
export async function readCpuUs(pid: number): Promise<number | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks / TICKS_PER_SECOND) * 1e6 : null;
  } catch {
    return null;
  }
}

/** File descriptors the process holds open (sockets included). */
export async function readOpenFds(pid: number): Promise<number | null> {
  try {
    return (await readdir(`/proc/${pid}/fd`)).length;
  } catch {
    return null;
  }
}

export const toMb = (bytes: number | null | undefined): number | null =>
  bytes == null ? null : Math.round((bytes / (KB * KB)) * 10) / 10;

/** One process's open files and memory at one read. */
export interface ProcessSample {
  fds: number | null;
  rssBytes: number | null;
}

export const readProcess = async (pid: number): Promise<ProcessSample> => ({
  fds: await readOpenFds(pid),
  rssBytes: await readRss(pid),
});

export interface RunningPeaks<K extends string> {
  /** Stops after one last read; the largest value seen per key (absent: never read). */
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
): RunningPeaks<K> {
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

/**
 * The process once its open files stop changing: a load's client sockets take a moment to close
 * after it ends. Reads every 100 ms until five reads agree, or timeoutMs passes.
 */
export async function settledSample(
  pid: number,
  signal?: AbortSignal,
  timeoutMs = 5000,
): Promise<ProcessSample> {
  const deadline = Date.now() + timeoutMs;
  let last = await readProcess(pid);
  let same = 0;
  while (same < 5 && Date.now() < deadline) {
    await sleep(100, undefined, { signal });
    const next = await readProcess(pid);
    same = next.fds === last.fds ? same + 1 : 0;
    last = next;
  }
  return last;
}
