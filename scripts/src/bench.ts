// `pnpm bench`: what the breaker costs and what it saves, in figures beside their goals.
import { join } from 'node:path';
import { ConfigError } from '@cbd/common';
import { renderBenchTable, writeBench } from '@cbd/loadtest';
import { BENCH_USAGE, parseBenchOptions } from './bench/options.js';
import { ChildDiedError, runBenchJob } from './bench/run.js';
import { handleInterrupts } from './cli/interrupt.js';
import { EXIT } from './demo/exit-codes.js';
import { UsageError } from './demo/options.js';
import { demoServiceEnv } from './demo/service-env.js';
import { openServiceLogs } from './demo/service-logs.js';
import { PortInUseError } from './stack/ports.js';
import { loadStackPorts, ROOT_DIR } from './stack/services.js';
import { StackError } from './stack/stack.js';

function setUp() {
  const options = parseBenchOptions(
    process.argv.slice(2),
    process.env.INIT_CWD ?? process.cwd(),
    join(ROOT_DIR, 'reports'),
  );
  return {
    options,
    // The demo's settings (its 1 s rolling window included): the figures are the demo's.
    services: demoServiceEnv(options.quick, process.env),
    ports: loadStackPorts(process.env),
  };
}

async function main(): Promise<number> {
  let setup;
  try {
    setup = setUp();
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof ConfigError)) throw err;
    console.error(`pnpm bench: ${err.message}\n\n${BENCH_USAGE}`);
    return EXIT.usage;
  }
  const { options, services, ports } = setup;
  if (options.help) {
    console.log(BENCH_USAGE);
    return EXIT.ok;
  }
  const interrupts = handleInterrupts('pnpm bench', 'stopping the load and the services');
  const logs = openServiceLogs(join(options.outDir, 'bench-logs'));
  console.log(
    `pnpm bench${options.quick ? ' --quick: about a minute' : ': about 4 minutes'}; keep the machine otherwise idle.`,
  );
  try {
    const report = await runBenchJob({
      quick: options.quick,
      services,
      ports,
      baseEnv: process.env,
      logs,
      interrupts,
      say: (line) => console.log(line),
    });
    const path = await writeBench(options.outDir, report);
    console.log(`\n${renderBenchTable(report)}`);
    console.log(`\nDone in ${Math.round(report.durationMs / 1000)} s.`);
    console.log(`  bench report  ${path}`);
    console.log(`  service logs  ${logs.dir}`);
    return EXIT.ok;
  } catch (err) {
    return explain(err, interrupts.by, interrupts.signal.reason);
  } finally {
    interrupts.dispose();
    await logs.close();
  }
}

function explain(err: unknown, by: 'SIGINT' | 'SIGTERM' | undefined, reason: unknown): number {
  if (by) {
    console.error('Interrupted: every service is stopped; no bench report was written.');
    return EXIT[by];
  }
  if (reason instanceof ChildDiedError) {
    console.error(`\n${reason.message}; its last lines:\n${reason.death.output.slice(-1500)}`);
    return EXIT.failed;
  }
  if (err instanceof PortInUseError || err instanceof StackError) {
    console.error(`\npnpm bench: ${err.message}`);
    return EXIT.failed;
  }
  console.error('\npnpm bench failed:', err);
  return EXIT.failed;
}

process.exitCode = await main();
