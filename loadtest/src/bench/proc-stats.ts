import { readdir, readFile } from 'node:fs/promises';

// What /proc says about a process (Linux only: elsewhere every reader answers null, and the
// figures built on them are reported as not measured rather than as zero).

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

/** The largest resident set since the process started (high-water mark), in bytes. */
export const readPeakRss = (pid: number) => statusField(pid, 'VmHWM');

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

export const toMb = (bytes: number | null): number | null =>
  bytes === null ? null : Math.round((bytes / (KB * KB)) * 10) / 10;
