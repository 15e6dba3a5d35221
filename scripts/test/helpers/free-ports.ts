import { createServer, type AddressInfo } from 'node:net';
import { SERVICE_NAMES } from '@cbd/loadtest';
import { STACK_PORT_SETTINGS } from '../../src/settings.js';

/** `count` different ports that were free on 127.0.0.1 a moment ago. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject).listen(0, '127.0.0.1', resolve);
      });
      return server;
    }),
  );
  // All held open together, so no two of them can be the same port.
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** Whether nothing listens on 127.0.0.1:port (e.g. no service was left behind). */
export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
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
  for (;;) {
    const [first = 0] = await freePorts(1);
    if (first + count > 65_535) continue;
    const run = Array.from({ length: count }, (_, i) => first + i);
    if (await allFree(run)) return run;
  }
}
