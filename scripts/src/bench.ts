// `pnpm bench`: what the breaker costs and what it saves, in figures beside their goals.
import { join } from 'node:path';
import type { EnvSource } from '@cbd/common';
import { demoProfile, renderBenchTable, writeBench } from '@cbd/loadtest';
import { processIo, runCommand, type Command } from './cli/command.js';
import { EXIT } from './cli/exit-codes.js';
import { BENCH_USAGE, parseBenchOptions, type BenchOptions } from './bench/options.js';
import { runBenchJob } from './bench/run.js';
import { planStack, type StackPlan } from './stack/service-env.js';
import { openServiceLogs } from './stack/service-logs.js';
import { REPORTS_DIR } from './stack/services.js';

interface BenchPlan {
  options: BenchOptions;
  stack: StackPlan;
  baseEnv: EnvSource;
}

const bench: Command<BenchOptions, BenchPlan> = {
  name: 'pnpm bench',
  usage: BENCH_USAGE,
  parse: parseBenchOptions,
  // The demo's settings (its 1 s rolling window included): the figures are the demo's.
  plan: (options, env) => ({
    options,
    stack: planStack(env, '127.0.0.1', demoProfile(options.quick)),
    baseEnv: env,
  }),
  onInterrupt: () => ({
    stopping: 'the load and the services',
    stopped: 'Interrupted: every service is stopped; no bench report was written.',
    ends: false,
  }),
  async run({ options, stack, baseEnv }, context) {
    const logs = openServiceLogs(join(options.outDir, 'bench-logs'));
    console.log(
      `pnpm bench${options.quick ? ' --quick: about a minute' : ': about 4 minutes'}; keep the machine otherwise idle.`,
    );
    try {
      const job = {
        quick: options.quick,
        stack,
        baseEnv,
        logs,
        say: (line: string) => console.log(line),
      };
      const report = await runBenchJob(job, context);
      context.settle();
      const path = await writeBench(options.outDir, report);
      console.log(`\n${renderBenchTable(report)}`);
      console.log(`\nDone in ${Math.round(report.durationMs / 1000)} s.`);
      console.log(`  bench report  ${path}`);
      console.log(`  service logs  ${logs.dir}`);
      return EXIT.ok;
    } finally {
      await logs.close();
    }
  },
};

process.exitCode = await runCommand(bench, processIo(REPORTS_DIR));
