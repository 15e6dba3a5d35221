// `pnpm start`: the four services for manual curl, logs in this terminal, until Ctrl-C.
import { readSettings } from '@cbd/common';
import { CIRCUIT_PATHS } from '@cbd/gateway-v2/contract';
import { CLIENT_TIMEOUT_MS, LOAD_PATH, SERVICE_SETTINGS } from '@cbd/loadtest';
import { FAILURE_PATH } from '@cbd/recommendations-service/contract';
import { processIo, runCommand, type Command } from './cli/command.js';
import { EXIT } from './cli/exit-codes.js';
import { parseOptions } from './cli/options.js';
import { prettyLogs } from './pretty-logs.js';
import { STACK_PORT_SETTINGS } from './settings.js';
import { planStack, type StackPlan } from './stack/service-env.js';
import { REPORTS_DIR } from './stack/services.js';
import { Stack } from './stack/stack.js';

const PORTS = Object.values(STACK_PORT_SETTINGS);

const USAGE = `Usage: pnpm start [options]

Starts the four services for manual curl, with their logs in this terminal, until Ctrl-C.
Every service setting in the environment is passed on (e.g. SIMULATE_FAILURE=true); HOST is
where they listen (default 127.0.0.1), and their ports are:
${PORTS.map((p) => `  ${p.env.padEnd(22)} default ${p.default}`).join('\n')}

Options:
  -h, --help   this text`;

const { host } = SERVICE_SETTINGS['product-service'];

function banner(urls: Stack['urls']): string {
  return `
Services are up:
  product-service          ${urls['product-service']}
  recommendations-service  ${urls['recommendations-service']}   (failure mode: GET ${FAILURE_PATH})
  gateway-v1 (unprotected) ${urls['gateway-v1']}
  gateway-v2 (breaker)     ${urls['gateway-v2']}

Try:
  time curl --max-time ${CLIENT_TIMEOUT_MS / 1000} ${urls['gateway-v1']}${LOAD_PATH}
  curl ${urls['gateway-v2']}${LOAD_PATH}
  watch -n1 curl -s ${urls['gateway-v2']}${CIRCUIT_PATHS.status}
  curl -X POST ${urls['recommendations-service']}${FAILURE_PATH} -H 'content-type: application/json' -d '{"mode":"hang"}'

Ctrl-C stops everything.
`;
}

const start: Command<{ help: boolean }, StackPlan> = {
  name: 'pnpm start',
  usage: USAGE,
  parse: (argv) => parseOptions(argv, {}),
  plan: (_options, env) => planStack(env, readSettings({ host }, env).host, {}),
  onInterrupt: () => ({ stopping: 'the services', stopped: 'All services stopped.', ends: true }),
  async run(plan, context) {
    const format = prettyLogs(process.stdout.isTTY);
    const stack = await Stack.start(plan, {
      run: context,
      onLine: (service, line) => console.log(format(service, line)),
    });
    try {
      console.log(banner(stack.urls));
      await context.aborted;
    } finally {
      await stack.stop();
    }
    return EXIT.ok;
  },
};

process.exitCode = await runCommand(start, processIo(REPORTS_DIR));
