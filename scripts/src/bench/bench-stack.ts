import { fileURLToPath } from 'node:url';
import { type EnvSource } from '@cbd/common';
import { ChildService, type ExitInfo } from '@cbd/common/tools';
import type { BenchPids, BenchTargets } from '@cbd/loadtest';
import { Stack, StackError } from '../stack/stack.js';
import type { ServiceName, StackPorts } from '../stack/services.js';

const BARE_PROXY_ENTRY = fileURLToPath(new URL('./bare-proxy-server.ts', import.meta.url));

export interface BenchStackOptions {
  ports: StackPorts;
  baseEnv: EnvSource;
  overrides: Record<ServiceName, Record<string, string>>;
  onLine: (service: ServiceName, line: string) => void;
}

export interface ChildDeath {
  name: string;
  exit: ExitInfo;
  output: string;
}

/** The four services and a bare proxy, each a real process on 127.0.0.1. */
export interface BenchStack {
  targets: BenchTargets;
  pids: BenchPids;
  /** Resolves if any of them exits before stop(). */
  died: Promise<ChildDeath>;
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

export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const stack = await Stack.start({ ...options, host: '127.0.0.1' });
  const bare = startBareProxy(stack.urls['product-service'], options.baseEnv);
  let bareUrl: string;
  try {
    bareUrl = await bare.ready;
  } catch (err) {
    await Promise.all([bare.stop(), stack.stop()]);
    throw new StackError(`${(err as Error).message}\n--- bare-proxy said:\n${bare.output()}`);
  }
  let stopping = false;
  const bareDied = new Promise<ChildDeath>((resolve) => {
    void bare.exited.then((exit) => {
      if (!stopping) resolve({ name: 'bare-proxy', exit, output: bare.output() });
    });
  });
  return {
    targets: { ...stack.urls, 'bare-proxy': bareUrl },
    pids: {
      'gateway-v1': stack.pid('gateway-v1'),
      'gateway-v2': stack.pid('gateway-v2'),
      'bare-proxy': bare.child.pid ?? 0,
    },
    died: Promise.race([
      stack.died.then(({ service, exit, output }) => ({ name: service, exit, output })),
      bareDied,
    ]),
    async stop() {
      stopping = true;
      await Promise.all([bare.stop(), stack.stop()]);
    },
  };
}
