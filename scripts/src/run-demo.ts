// `pnpm demo`: starts the services, loads both gateways, writes the report, stops everything.
import { join } from 'node:path';
import {
  demoProfile,
  loadBrowserAssets,
  renderHtml,
  renderTable,
  scenarioSettings,
  writeReport,
} from '@cbd/loadtest';
import { processIo, runCommand, type Command, type CommandContext } from './cli/command.js';
import { EXIT } from './cli/exit-codes.js';
import { runningTargets } from './cli/options.js';
import { progressLine } from './cli/progress.js';
import { runLive } from './demo/live.js';
import { parseDemoOptions, USAGE, type DemoOptions } from './demo/options.js';
import { demoRungs, runDemo, type DemoPlan } from './demo/run.js';
import { readAdminToken, readDashboardPort } from './settings.js';
import { planLadder, planStack } from './stack/service-env.js';
import { openServiceLogs } from './stack/service-logs.js';
import { REPORTS_DIR } from './stack/services.js';

async function report(plan: DemoPlan, context: CommandContext): Promise<number> {
  const { outDir } = plan.options;
  const logs = openServiceLogs(join(outDir, 'logs'));
  const started = Date.now();
  try {
    const { report, raw } = await runDemo(plan, context, {
      logs,
      say: (line) => console.log(`\n${line}`),
      onSecond: (second) => console.log(progressLine(second)),
    });
    // Every service is stopped: a Ctrl-C from here on must not leave a half-written report.
    context.settle();
    console.log('\nWriting the report...');
    const html = renderHtml(report, (await loadBrowserAssets()).report);
    const paths = await writeReport(outDir, { report, html, raw });
    console.log(`\n${renderTable(report)}`);
    console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s.`);
    console.log(`  HTML report  ${paths.html}`);
    console.log(`  JSON report  ${paths.json}`);
    console.log(`  raw results  ${paths.rawV1}, ${paths.rawV2}`);
    console.log(`  service logs ${logs.dir}`);
    return EXIT.ok;
  } finally {
    await logs.close();
  }
}

const demo: Command<DemoOptions, DemoPlan> = {
  name: 'pnpm demo',
  usage: USAGE,
  parse: parseDemoOptions,
  plan: (options, env) => {
    const settings = scenarioSettings(options.load);
    const profile = demoProfile(options.quick);
    return {
      options,
      stack: options.noStart ? undefined : planStack(env, '127.0.0.1', profile),
      running: options.noStart ? runningTargets(options.urls, env) : undefined,
      ladder: options.scenarios.includes('layers')
        ? planLadder(env, '127.0.0.1', profile, demoRungs(settings))
        : undefined,
      settings,
      dashboardPort: options.live ? readDashboardPort(env) : undefined,
      adminToken: readAdminToken(env),
    };
  },
  onInterrupt: ({ live }) =>
    live
      ? {
          stopping: 'the load, the dashboard and the services',
          stopped: 'Stopped: the load, the dashboard and every service we started.',
          ends: true,
        }
      : {
          stopping: 'the load and the services (no report is written)',
          stopped: 'Interrupted: every service is stopped; no report was written.',
          ends: false,
        },
  run: (plan, context) =>
    plan.dashboardPort === undefined
      ? report(plan, context)
      : runLive({ ...plan, dashboardPort: plan.dashboardPort }, context),
};

process.exitCode = await runCommand(demo, processIo(REPORTS_DIR));
