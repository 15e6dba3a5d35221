// `pnpm soak`: gateway-v2 under load while its dependency flaps; checks nothing crashed or leaked.
import { join } from 'node:path';
import { ConfigError } from '@cbd/common';
import { renderSoakTable, writeSoak } from '@cbd/loadtest';
import { handleInterrupts } from './cli/interrupt.js';
import { EXIT } from './demo/exit-codes.js';
import { UsageError } from './demo/options.js';
import { demoServiceEnv } from './demo/service-env.js';
import { openServiceLogs } from './demo/service-logs.js';
import { parseSoakOptions, SOAK_USAGE } from './soak/options.js';
import { runSoakJob } from './soak/run.js';
import { PortInUseError } from './stack/ports.js';
import { loadStackPorts, ROOT_DIR } from './stack/services.js';
import { StackError } from './stack/stack.js';

function setUp() {
  const options = parseSoakOptions(
    process.argv.slice(2),
    process.env.INIT_CWD ?? process.cwd(),
    join(ROOT_DIR, 'reports'),
  );
  return {
    options,
    // Always the demo's --quick timings: a 1 s reset timeout lets the circuit close within a
    // stretch of a few seconds (the default 10 s would keep it open through several).
    services: demoServiceEnv(true, process.env),
    ports: loadStackPorts(process.env),
  };
}

async function main(): Promise<number> {
  let setup;
  try {
    setup = setUp();
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof ConfigError)) throw err;
    console.error(`pnpm soak: ${err.message}\n\n${SOAK_USAGE}`);
    return EXIT.usage;
  }
  const { options, services, ports } = setup;
  if (options.help) {
    console.log(SOAK_USAGE);
    return EXIT.ok;
  }
  const interrupts = handleInterrupts('pnpm soak', 'stopping the load and the services');
  const logs = openServiceLogs(join(options.outDir, 'soak-logs'));
  const started = Date.now();
  try {
    const report = await runSoakJob({
      options,
      services,
      ports,
      baseEnv: process.env,
      logs,
      interrupts,
      say: (line) => console.log(line),
    });
    const path = await writeSoak(options.outDir, report);
    console.log(`\n${renderSoakTable(report)}`);
    console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s.`);
    console.log(`  soak report   ${path}`);
    console.log(`  service logs  ${logs.dir}`);
    return report.passed ? EXIT.ok : EXIT.failed;
  } catch (err) {
    if (interrupts.by) {
      console.error('Interrupted: every service is stopped; no soak report was written.');
      return EXIT[interrupts.by];
    }
    if (err instanceof PortInUseError || err instanceof StackError) {
      console.error(`\npnpm soak: ${err.message}`);
      return EXIT.failed;
    }
    console.error('\npnpm soak failed:', err);
    return EXIT.failed;
  } finally {
    interrupts.dispose();
    await logs.close();
  }
}

process.exitCode = await main();
