// `pnpm demo`: starts the services, loads both gateways, writes the report, stops everything.
import { join } from 'node:path';
import { ConfigError } from '@cbd/common';
import {
  loadChartAssets,
  renderHtml,
  renderTable,
  scenarioSettings,
  writeReport,
} from '@cbd/loadtest';
import { handleInterrupts } from './cli/interrupt.js';
import { EXIT } from './demo/exit-codes.js';
import { runLive } from './demo/live.js';
import { parseDemoOptions, USAGE, UsageError } from './demo/options.js';
import { progressLine } from './demo/progress.js';
import { runDemo, ServiceDiedError } from './demo/run.js';
import { demoServiceEnv } from './demo/service-env.js';
import { openServiceLogs } from './demo/service-logs.js';
import { PortInUseError } from './stack/ports.js';
import { ROOT_DIR, loadStackPorts } from './stack/services.js';
import { StackError } from './stack/stack.js';

function setUp() {
  const options = parseDemoOptions(
    process.argv.slice(2),
    process.env.INIT_CWD ?? process.cwd(),
    join(ROOT_DIR, 'reports'),
  );
  return {
    options,
    services: demoServiceEnv(options.quick, process.env),
    ports: loadStackPorts(process.env),
    settings: scenarioSettings(options.quick, {
      ...(options.connections === undefined ? {} : { connections: options.connections }),
      ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
    }),
  };
}

async function main(): Promise<number> {
  let setup;
  try {
    setup = setUp();
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof ConfigError)) throw err;
    console.error(`pnpm demo: ${err.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { options, services, ports, settings } = setup;
  if (options.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  if (options.live) return runLive({ ...setup, baseEnv: process.env });

  const interrupts = handleInterrupts(
    'pnpm demo',
    'stopping the load and the services (no report is written)',
  );
  const logs = openServiceLogs(join(options.outDir, 'logs'));
  const started = Date.now();
  try {
    const { report, raw } = await runDemo({
      options,
      settings,
      services,
      ports,
      baseEnv: process.env,
      logs,
      signal: interrupts.signal,
      abort: (reason) => interrupts.abort(reason),
      say: (line) => console.log(`\n${line}`),
      onSecond: (second) => console.log(progressLine(second)),
    });
    console.log('\nWriting the report...');
    const html = renderHtml(report, await loadChartAssets());
    const paths = await writeReport(options.outDir, { report, html, raw });
    console.log(`\n${renderTable(report)}`);
    console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s.`);
    console.log(`  HTML report  ${paths.html}`);
    console.log(`  JSON report  ${paths.json}`);
    console.log(`  raw results  ${paths.rawV1}, ${paths.rawV2}`);
    console.log(`  service logs ${logs.dir}`);
    return EXIT.ok;
  } catch (err) {
    return explain(err, interrupts.by, interrupts.signal.reason);
  } finally {
    interrupts.dispose();
    await logs.close();
  }
}

function explain(
  err: unknown,
  interruptedBy: 'SIGINT' | 'SIGTERM' | undefined,
  reason: unknown,
): number {
  if (interruptedBy) {
    console.error('Interrupted: every service is stopped; no report was written.');
    return EXIT[interruptedBy];
  }
  if (reason instanceof ServiceDiedError) {
    console.error(`\n${reason.message}; its last lines:\n${reason.died.output.slice(-1500)}`);
    return EXIT.failed;
  }
  if (err instanceof PortInUseError || err instanceof StackError) {
    console.error(`\npnpm demo: ${err.message}`);
    return EXIT.failed;
  }
  console.error('\npnpm demo failed:', err);
  return EXIT.failed;
}

process.exitCode = await main();
