import { fileURLToPath } from 'node:url';
import type { EnvSource } from '@cbd/common';
import { ChildService } from '@cbd/common/tools';
import { controlOf, type BenchStack, type ServiceName } from '@cbd/loadtest';
import { LaunchErrors } from '../errors.js';
import type { StackPlan } from '../stack/service-env.js';
import { Stack, watchDeaths, type StackRun } from '../stack/stack.js';

const BARE_PROXY_ENTRY = fileURLToPath(new URL('./bare-proxy-server.ts', import.meta.url));

export interface BenchStackOptions {
  plan: StackPlan;
  /** The environment the bare proxy starts from (the user's). */
  baseEnv: EnvSource;
  run: StackRun;
  onLine: (service: ServiceName, line: string) => void;
}

/** The four services and a bare proxy, each a real process on 127.0.0.1. */
export interface StartedBenchStack extends BenchStack {
  stop(): Promise<void>;
}

function startBareProxy(productUrl: string, baseEnv: EnvSource): ChildService {
  return new ChildService({
    name: 'bare-proxy',
    entry: BARE_PROXY_ENTRY,
    env: {
      ...baseEnv,
      HOST: '127.0.0.1',
      PORT: '0',
      PRODUCT_SERVICE_URL: productUrl,
      // Its URL is read from the line it logs once listening, which a quieter level would hide.
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: '300',
    },
  });
}

/** Starts them; any of them exiting before stop() fails the run with a SERVICE_DIED error. */
export async function startBenchStack(options: BenchStackOptions): Promise<StartedBenchStack> {
  const { run } = options;
  const stack = await Stack.start(options.plan, { run, onLine: options.onLine });
  const bare = startBareProxy(stack.urls['product-service'], options.baseEnv);
  let bareUrl: string;
  try {
    bareUrl = await bare.ready;
  } catch {
    await Promise.all([bare.stop(), stack.stop()]);
    throw LaunchErrors.exitedEarly(bare.name, await bare.exited, bare.output());
  }
  let stopping = false;
  watchDeaths([bare], () => stopping, run.fail);
  const targets = { ...stack.urls, 'bare-proxy': bareUrl };
  return {
    targets,
    control: controlOf(targets, options.plan.adminToken),
    pids: {
      'gateway-v1': stack.pid('gateway-v1'),
      'gateway-v2': stack.pid('gateway-v2'),
      'bare-proxy': bare.child.pid ?? 0,
    },
    async stop() {
      stopping = true;
      await Promise.all([bare.stop(), stack.stop()]);
    },
  };
}
