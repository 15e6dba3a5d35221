import { setTimeout as sleep } from 'node:timers/promises';
import { type EnvSource } from '@cbd/common';
import { ChildService, type ExitInfo } from '@cbd/common/tools';
import { assertPortsFree } from './ports.js';
import {
  childEnv,
  entryOf,
  PORT_VARIABLES,
  SERVICE_NAMES,
  type ServiceName,
  type StackPorts,
} from './services.js';

export interface StackOptions {
  ports: StackPorts;
  host: string;
  /** The environment every child starts from (normally the user's). */
  baseEnv: EnvSource;
  /** Extra variables per service, e.g. a shorter hang for --quick. */
  overrides?: Partial<Record<ServiceName, Record<string, string>>>;
  onLine?: (service: ServiceName, line: string) => void;
  readyTimeoutMs?: number;
}

export class StackError extends Error {
  override name = 'StackError';
}

export interface UnexpectedExit {
  service: ServiceName;
  exit: ExitInfo;
  output: string;
}

/** The four services as child processes: started together, watched, stopped together. */
export class Stack {
  #stopping = false;
  /** Resolves if a service exits while the stack is supposed to be running. */
  readonly died: Promise<UnexpectedExit>;

  private constructor(
    readonly urls: Record<ServiceName, string>,
    private readonly children: ChildService[],
  ) {
    this.died = new Promise((resolve) => {
      for (const child of children) {
        void child.exited.then((exit) => {
          if (!this.#stopping) {
            resolve({ service: child.name as ServiceName, exit, output: child.output() });
          }
        });
      }
    });
  }

  static async start(options: StackOptions): Promise<Stack> {
    const { ports, host, baseEnv, overrides = {}, onLine, readyTimeoutMs = 30_000 } = options;
    await assertPortsFree(
      host,
      SERVICE_NAMES.map((name) => ({
        port: ports[name],
        variable: PORT_VARIABLES[name],
        owner: name,
      })),
    );
    const children = SERVICE_NAMES.map(
      (name) =>
        new ChildService({
          name,
          entry: entryOf(name),
          env: { ...childEnv(name, ports, baseEnv, overrides[name]), HOST: host },
          onLine: (line) => onLine?.(name, line),
        }),
    );
    try {
      const deadline = Date.now() + readyTimeoutMs;
      await Promise.all(
        children.map((c) =>
          waitHealthy(c, `http://127.0.0.1:${ports[c.name as ServiceName]}`, deadline),
        ),
      );
    } catch (err) {
      await Promise.all(children.map((c) => c.stop()));
      const failed = children.find((c) => !c.running) ?? children[0];
      throw new StackError(
        `${(err as Error).message}\n--- ${failed?.name} said:\n${failed?.output().slice(-2000)}`,
      );
    }
    const urls = Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, `http://127.0.0.1:${ports[name]}`]),
    ) as Record<ServiceName, string>;
    return new Stack(urls, children);
  }

  /** A service's process id, e.g. to read its memory, CPU time or open files from /proc. */
  pid(service: ServiceName): number {
    const pid = this.children.find((c) => c.name === service)?.child.pid;
    if (pid === undefined) throw new StackError(`${service} has no process`);
    return pid;
  }

  /** Whether a service is still running (it may have exited on its own). */
  running(service: ServiceName): boolean {
    return this.children.find((c) => c.name === service)?.running ?? false;
  }

  /** Stops every service (SIGTERM, then SIGKILL after killAfterMs) and waits until all are gone. */
  async stop(killAfterMs = 5000): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.children.map((c) => c.stop(killAfterMs)));
  }
}

/**
 * Polls /health until it answers 200: not the "listening" log line, which LOG_LEVEL=warn hides.
 * Fails at once if the child exits, or at the deadline.
 */
async function waitHealthy(child: ChildService, url: string, deadline: number): Promise<void> {
  while (child.running) {
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new StackError(`${child.name} was not healthy after the start-up timeout`);
    await sleep(100);
  }
  const { code, signal } = await child.exited;
  throw new StackError(`${child.name} exited (${signal ?? `code ${code}`}) before it was ready`);
}
