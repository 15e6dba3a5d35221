import { readdir, readFile } from 'node:fs/promises';

/** Pids of the processes whose command line contains `fragment` (Linux; elsewhere none). */
export async function processesRunning(fragment: string): Promise<number[]> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries.filter((e) => /^\d+$/.test(e))) {
    try {
      const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(fragment)) found.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}
