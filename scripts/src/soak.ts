// `pnpm soak`: gateway-v2 under load while its dependency flaps; checks nothing crashed or leaked.
import { join } from 'node:path';
import { demoProfile, renderSoakTable, writeSoak } from '@cbd/loadtest';
import { processIo, runCommand, type Command } from './cli/command.js';
import { EXIT } from './cli/exit-codes.js';
import { parseSoakOptions, SOAK_USAGE, type SoakOptions } from './soak/options.js';
import { runSoakJob } from './soak/run.js';
import { planStack, type StackPlan } from './stack/service-env.js';
import { openServiceLogs } from './stack/service-logs.js';
import { REPORTS_DIR } from './stack/services.js';

interface SoakPlan {
  options: SoakOptions;
  stack: StackPlan;
}

const soak: Command<SoakOptions, SoakPlan> = {
  name: 'pnpm soak',
  usage: SOAK_USAGE,
  parse: parseSoakOptions,
  // Always the demo's --quick timings: a 1 s reset timeout lets the circuit close within a
  // stretch of a few seconds (the default 10 s would keep it open through several).
  plan: (options, env) => ({ options, stack: planStack(env, '127.0.0.1', demoProfile(true)) }),
  onInterrupt: () => ({
    stopping: 'the load and the services',
    stopped: 'Interrupted: every service is stopped; no soak report was written.',
    ends: false,
  }),
  async run({ options, stack }, context) {
    const logs = openServiceLogs(join(options.outDir, 'soak-logs'));
    const started = Date.now();
    try {
      const job = { options, stack, logs, say: (line: string) => console.log(line) };
      const report = await runSoakJob(job, context);
      context.settle();
      const path = await writeSoak(options.outDir, report);
      console.log(`\n${renderSoakTable(report)}`);
      console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s.`);
      console.log(`  soak report   ${path}`);
      console.log(`  service logs  ${logs.dir}`);
      return report.passed ? EXIT.ok : EXIT.failed;
    } finally {
      await logs.close();
    }
  },
};

process.exitCode = await runCommand(soak, processIo(REPORTS_DIR));
