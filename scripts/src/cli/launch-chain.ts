import { readFileSync } from 'node:fs';

// A launcher must not outlive what started it. `npx pnpm start` runs it at the end of a chain
// (npm exec → sh → pnpm → pnpm → node) in which the shell npm runs its command in passes no
// signal on: a SIGTERM to the top one, as a script, an IDE or CI sends it, never reaches the
// launcher. So the launcher watches the chain itself and stops when a link is gone.

/** One process as /proc/<pid>/stat describes it. */
export interface ProcessStat {
  pid: number;
  ppid: number;
  pgrp: number;
  /** Clock ticks after boot: tells a process from a later one given the same pid. */
  startTime: string;
}

/** The fields of a /proc/<pid>/stat line; undefined for a zombie, which has already exited. */
export function parseStat(line: string): ProcessStat | undefined {
  // The command name, field 2, may hold spaces and parentheses; what follows its last ")" may not.
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  const [state, ppid, pgrp] = fields;
  if (state === 'Z' || state === 'X') return undefined;
  return {
    pid: Number(line.slice(0, line.indexOf(' '))),
    ppid: Number(ppid),
    pgrp: Number(pgrp),
    startTime: fields[19] ?? '',
  };
}

/** A running process's stat, or undefined if it is gone or this system has no /proc. */
export function readStat(pid: number): ProcessStat | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The processes `pid` must not outlive, nearest first: its parent and, up from there, every
 * ancestor in its process group (the job a shell or a CI step started) up to the group's leader.
 * Undefined without /proc.
 */
export function launchChain(pid = process.pid): ProcessStat[] | undefined {
  const self = readStat(pid);
  if (!self) return undefined;
  const chain: ProcessStat[] = [];
  for (let child = self; ;) {
    const parent = readStat(child.ppid);
    if (!parent || parent.pid <= 1) return chain;
    chain.push(parent);
    if (parent.pgrp !== self.pgrp || parent.pid === parent.pgrp) return chain;
    child = parent;
  }
}

/**
 * Whether a link of the chain is gone or was re-parented (its parent died). The last link may be
 * re-parented: what started the job (a shell closed after nohup) may go while the job runs on.
 */
export function chainBroken(chain: ProcessStat[]): boolean {
  return chain.some((link, i) => {
    const now = readStat(link.pid);
    if (!now || now.startTime !== link.startTime) return true;
    return i < chain.length - 1 && now.ppid !== link.ppid;
  });
}

/**
 * Calls onGone once when the launch chain breaks; without /proc, when this process is re-parented.
 * Returns what stops the watch.
 */
export function watchLaunchChain(onGone: () => void, intervalMs = 250): () => void {
  const chain = launchChain();
  const parent = process.ppid;
  const broken = chain ? () => chainBroken(chain) : () => process.ppid !== parent;
  const timer = setInterval(() => {
    if (!broken()) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
