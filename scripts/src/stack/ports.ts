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

/** Why `port` cannot be bound on `host` (a system error code), or undefined when it can. */
function bindError(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'EUNKNOWN'))
      .once('listening', () => probe.close(() => resolve(undefined)))
      .listen(port, host);
  });
}

function bindProblem(host: string, w: WantedPort, code: string): string {
  switch (code) {
    case 'EADDRINUSE':
      return `port ${w.port} (${w.owner}) is already in use; set ${w.variable} to use another port`;
    case 'EADDRNOTAVAIL':
      return `HOST=${host} is not an address of this machine (EADDRNOTAVAIL); set HOST to one of its addresses, or 0.0.0.0`;
    case 'EACCES':
      return `port ${w.port} (${w.owner}) needs privileges to bind (EACCES); set ${w.variable} to a port above 1023`;
    default:
      return `port ${w.port} (${w.owner}) cannot be bound on ${host} (${code}); check HOST and ${w.variable}`;
  }
}

/** Fails before anything starts, naming each port that cannot be bound and the variable to change. */
export async function assertPortsFree(host: string, wanted: WantedPort[]): Promise<void> {
  const ports = wanted.map((w) => w.port);
  const duplicate = ports.find((port, i) => ports.indexOf(port) !== i);
  if (duplicate !== undefined) {
    const names = wanted.filter((w) => w.port === duplicate).map((w) => w.variable);
    throw LaunchErrors.portsInUse([
      `${names.join(' and ')} are both ${duplicate}; give each a different port`,
    ]);
  }
  // A Set: a bad HOST fails every port with the same sentence, told once.
  const problems = new Set<string>();
  for (const w of wanted) {
    const code = await bindError(host, w.port);
    if (code !== undefined) problems.add(bindProblem(host, w, code));
  }
  if (problems.size > 0) throw LaunchErrors.portsInUse([...problems]);
}
