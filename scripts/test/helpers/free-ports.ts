import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { SERVICE_NAMES } from '@cbd/loadtest';
import { STACK_PORT_SETTINGS } from '../../src/settings.js';

// The ports handed to a launcher are bound by its children a while later. One taken from the
// kernel's ephemeral range (what listening on port 0 gives) can meanwhile become the local port
// of an outgoing connection, the stack's own included, and the child then fails with
// EADDRINUSE. So they come from below that range, as the defaults (8080…, 8100…) do.
const LOWEST = 10_000;

/** The first port the kernel gives outgoing connections (Linux reads it; else its default). */
async function ephemeralStart(): Promise<number> {
  try {
    const text = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
    const low = Number(text.trim().split(/\s+/)[0]);
    if (Number.isInteger(low) && low > LOWEST) return low;
  } catch {
    // No /proc: the range Linux and macOS use out of the box.
  }
  return 32_768;
}

/** A random port with `after` more above it, all below `ceiling` (the ephemeral range's start). */
function candidatePort(ceiling: number, after = 0): number {
  return LOWEST + Math.floor(Math.random() * (ceiling - LOWEST - after));
}

function listen(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(undefined))
      .once('listening', () => resolve(server))
      .listen(port, '127.0.0.1');
  });
}

/**
 * Whether every one of `ports` is free: each is bound, all at once (so none is counted twice),
 * then let go.
 */
async function bindAll(ports: number[]): Promise<boolean> {
  const servers = await Promise.all(ports.map(listen));
  const bound = servers.filter((s): s is Server => s !== undefined);
  await Promise.all(bound.map((s) => new Promise((resolve) => s.close(resolve))));
  return bound.length === ports.length;
}

/** `count` different ports that were free on 127.0.0.1 a moment ago. */
export async function freePorts(count: number): Promise<number[]> {
  const ceiling = await ephemeralStart();
  for (;;) {
    const ports = new Set<number>();
    while (ports.size < count) ports.add(candidatePort(ceiling));
    if (await bindAll([...ports])) return [...ports];
  }
}

/** Whether nothing listens on 127.0.0.1:port (e.g. no service was left behind). */
export function isFree(port: number): Promise<boolean> {
  return bindAll([port]);
}

/** The variables that put the stack's services on `ports`, in SERVICE_NAMES order. */
export function stackPortEnv(ports: number[]): Record<string, string> {
  return Object.fromEntries(
    SERVICE_NAMES.map((name, i) => [STACK_PORT_SETTINGS[name].env, String(ports[i])]),
  );
}

/** Whether nothing listens on any of `ports`. */
export async function allFree(ports: number[]): Promise<boolean> {
  return (await Promise.all(ports.map(isFree))).every(Boolean);
}

/** The first of `count` consecutive ports that were all free a moment ago (the ladder's). */
export async function freeRun(count: number): Promise<number[]> {
  const ceiling = await ephemeralStart();
  for (;;) {
    const first = candidatePort(ceiling, count);
    const run = Array.from({ length: count }, (_, i) => first + i);
    if (await bindAll(run)) return run;
  }
}
