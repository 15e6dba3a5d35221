import { createServer } from 'node:net';
import { SERVICE_NAMES } from '@cbd/loadtest';
import { LaunchErrors } from '../errors.js';
import { STACK_PORT_SETTINGS, type StackPorts } from '../settings.js';

/** A port a launcher will listen on, who for, and the variable that moves it. */
export interface WantedPort {
  port: number;
  variable: string;
  owner: string;
}

/** The four services' ports, in SERVICE_NAMES order. */
export function stackPortsWanted(ports: StackPorts): WantedPort[] {
  return SERVICE_NAMES.map((name) => ({
    port: ports[name],
    variable: STACK_PORT_SETTINGS[name].env,
    owner: name,
  }));
}

function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, host);
  });
}

/** Fails before anything starts, naming each busy port and the variable that moves it. */
export async function assertPortsFree(host: string, wanted: WantedPort[]): Promise<void> {
  const ports = wanted.map((w) => w.port);
  const duplicate = ports.find((port, i) => ports.indexOf(port) !== i);
  if (duplicate !== undefined) {
    const names = wanted.filter((w) => w.port === duplicate).map((w) => w.variable);
    throw LaunchErrors.portsInUse([
      `${names.join(' and ')} are both ${duplicate}; give each a different port`,
    ]);
  }
  const busy = [];
  for (const w of wanted) if (!(await isFree(host, w.port))) busy.push(w);
  if (busy.length === 0) return;
  throw LaunchErrors.portsInUse(
    busy.map(
      (w) => `port ${w.port} (${w.owner}) is already in use; set ${w.variable} to use another port`,
    ),
  );
}
