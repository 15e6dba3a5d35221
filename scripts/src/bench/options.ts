import { outDir, parseOptions, type CommandPaths } from '../cli/options.js';

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

/** Parses the command line; a relative --out is taken from where the command ran. */
export function parseBenchOptions(argv: string[], paths: CommandPaths): BenchOptions {
  const values = parseOptions(argv, {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
  });
  return { quick: values.quick, outDir: outDir(values.out, paths), help: values.help };
}
