import { outDir, parseOptions, positiveInt, type CommandPaths } from '../cli/options.js';

export interface SoakOptions {
  quick: boolean;
  durationMs?: number;
  connections?: number;
  outDir: string;
  help: boolean;
}

export const SOAK_USAGE = `Usage: pnpm soak [options]

Loads gateway-v2 (a real process) while recommendations flap between healthy, hang, error and
partial every few seconds, then checks: no service crashed or logged an unhandled error, the
gateway's open sockets and memory did not grow, every response was classified, and the breaker
opened in every failing stretch and closed after every healthy one. Writes reports/soak.json;
exits 1 if a check fails.

Options:
  --quick               12 s instead of 60 s (one cycle of the flaps)
  --duration <seconds>  how long the flapping lasts (default 60; --quick 12)
  --connections <n>     connections of the steady load (default 20)
  --out <dir>           where soak.json and the services' logs go (default: reports/)
  -h, --help            this text`;

/** Parses the command line; a relative --out is taken from where the command ran. */
export function parseSoakOptions(argv: string[], paths: CommandPaths): SoakOptions {
  const values = parseOptions(argv, {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    connections: { type: 'string' },
    out: { type: 'string' },
  });
  const duration = positiveInt('duration', values.duration, 3600);
  const connections = positiveInt('connections', values.connections, 1000);
  return {
    quick: values.quick,
    ...(duration === undefined ? {} : { durationMs: duration * 1000 }),
    ...(connections === undefined ? {} : { connections }),
    outDir: outDir(values.out, paths),
    help: values.help,
  };
}
