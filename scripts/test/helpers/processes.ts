import { readdir, readFile } from 'node:fs/promises';
import { readStat } from '../../src/cli/launch-chain.js';

async function pids(): Promise<number[]> {
  try {
    return (await readdir('/proc')).filter((e) => /^\d+$/.test(e)).map(Number);
  } catch {
    return [];
  }
}

/** Pids of the processes whose command line contains `fragment` (Linux; elsewhere none). */
export async function processesRunning(fragment: string): Promise<number[]> {
  const found: number[] = [];
  for (const pid of await pids()) {
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(fragment) && isRunning(pid)) found.push(pid);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/** Whether `pid` is a live process (an exited one not yet reaped is not). */
export function isRunning(pid: number): boolean {
  return readStat(pid) !== undefined;
}

/** Every process below `root`, children before grandchildren. */
export async function descendantsOf(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const pid of await pids()) {
    const stat = readStat(pid);
    if (stat) parents.set(pid, stat.ppid);
  }
  const found: number[] = [];
  for (let level = [root]; level.length;) {
    level = [...parents].filter(([, ppid]) => level.includes(ppid)).map(([pid]) => pid);
    found.push(...level);
  }
  return found;
}

/** The command line of a process, its arguments joined by spaces ('' once it is gone). */
export async function commandLine(pid: number): Promise<string> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** The pid of a launcher's service, told apart from other runs' by the port it was given. */
export async function servicePid(service: string, port: number): Promise<number> {
  for (const pid of await processesRunning(`${service}/src/server.ts`)) {
    try {
      const environ = await readFile(`/proc/${pid}/environ`, 'utf8');
      if (environ.split('\0').includes(`PORT=${port}`)) return pid;
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error(`no ${service} process on port ${port}`);
}
