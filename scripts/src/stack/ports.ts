import { createServer } from 'node:net';

export class PortInUseError extends Error {
  override name = 'PortInUseError';
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
export async function assertPortsFree(
  host: string,
  wanted: { port: number; variable: string; owner: string }[],
): Promise<void> {
  const ports = wanted.map((w) => w.port);
  const duplicate = ports.find((port, i) => ports.indexOf(port) !== i);
  if (duplicate !== undefined) {
    const names = wanted.filter((w) => w.port === duplicate).map((w) => w.variable);
    throw new PortInUseError(
      `${names.join(' and ')} are both ${duplicate}; give each a different port`,
    );
  }
  const busy = [];
  for (const w of wanted) if (!(await isFree(host, w.port))) busy.push(w);
  if (busy.length === 0) return;
  const lines = busy.map(
    (w) => `port ${w.port} (${w.owner}) is already in use; set ${w.variable} to use another port`,
  );
  throw new PortInUseError(lines.join('\n'));
}
