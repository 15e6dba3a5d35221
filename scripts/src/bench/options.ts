import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { asUsageError } from '../cli/parse.js';

export interface BenchOptions {
  quick: boolean;
  /** Where bench.json and the services' logs go. */
  outDir: string;
  help: boolean;
}

export const BENCH_USAGE = `Usage: pnpm bench [options]

Measures what gateway-v2's circuit breaker costs and what it saves, with the services as real
processes: gateway-v2 against a bare express + axios proxy, against gateway-v1 in an outage,
how fast it protects and heals, each gateway's memory, and opossum's own cost per call.
Writes reports/bench.json and prints every figure beside its goal (about 4 minutes).

Options:
  --quick        a short version (about a minute): shows that the bench works; its figures
                 are not the gateways' real ones
  --out <dir>    where bench.json and the services' logs go (default: reports/)
  -h, --help     this text

The services take the ports of pnpm demo (PRODUCT_PORT, RECOMMENDATIONS_PORT, GATEWAY_V1_PORT,
GATEWAY_V2_PORT); the bare proxy takes any free port.`;

/** Parses the command line; `cwd` is where a relative --out is taken from. */
export function parseBenchOptions(
  argv: string[],
  cwd: string,
  defaultOutDir: string,
): BenchOptions {
  const { values } = asUsageError(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  return {
    quick: values.quick,
    outDir: values.out === undefined ? defaultOutDir : resolve(cwd, values.out),
    help: values.help,
  };
}
