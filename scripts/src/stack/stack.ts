import { setTimeout as sleep } from 'node:timers/promises';
import { SERVICE_NAMES, type ServiceName } from '@cbd/loadtest';
import { localUrl } from '@cbd/common';
import { ChildService } from '@cbd/common/tools';
import { LaunchErrors, type LaunchError } from '../errors.js';
import { assertPortsFree, stackPortsWanted, type WantedPort } from './ports.js';
import type { StackChild, StackPlan } from './service-env.js';
import type { ServiceLogs } from './service-logs.js';
import { entryOf } from './services.js';

/** The run a stack serves (a command's context fits). */
export interface StackRun {
  /** Aborted while the stack starts: the services are stopped and the start rejects. */
  signal: AbortSignal;
  /** Called once if a service exits while the stack runs (neither while it starts nor stops). */
  fail: (err: LaunchError) => void;
}

export interface StackHooks<K extends string = ServiceName> {
  run?: StackRun;
  onLine?: (name: K, line: string) => void;
  readyTimeoutMs?: number;
}

/**
 * Calls onDied with a SERVICE_DIED error for the first child that exits while `stopping()` is
 * false, or that was killed by someone else: its exit may be noticed only once a run, failing
 * for want of it, is stopping the rest. Any set of children (the bench adds its bare proxy).
 */
export function watchDeaths(
  children: ChildService[],
  stopping: () => boolean,
  onDied: (err: LaunchError) => void,
): void {
  let told = false;
  for (const child of children) {
    void child.exited.then((exit) => {
      if (told || (stopping() && !child.killedByOthers(exit))) return;
      told = true;
      onDied(LaunchErrors.died(child.name, exit, child.output()));
    });
  }
}

/**
 * Services as child processes: started together, watched, stopped together. The four of the
 * demo (`Stack.start`), or any set of them under names of their own (the ladder's rungs).
 */
export class Stack<K extends string = ServiceName> {
  #stopping = false;

  private constructor(
    readonly urls: Record<K, string>,
    private readonly children: ChildService[],
    run: StackRun | undefined,
  ) {
    if (run) watchDeaths(children, () => this.#stopping, run.fail);
  }

  /** The four services as planned. */
  static start(plan: StackPlan, hooks: StackHooks = {}): Promise<Stack> {
    const children = SERVICE_NAMES.map((name) => ({
      name,
      service: name,
      env: plan.envs[name],
      port: plan.ports[name],
    }));
    return Stack.startChildren(plan.host, children, stackPortsWanted(plan.ports), hooks);
  }

  /**
   * The four services as planned, their lines in `logs` after a marker `note`, and one line on
   * the console saying where those logs are.
   */
  static startLogged(
    plan: StackPlan,
    run: StackRun,
    logs: ServiceLogs,
    note: string,
    say: (line: string) => void = console.log,
  ): Promise<Stack> {
    logs.note(note);
    say(`Starting the four services (logs: ${logs.dir})`);
    return Stack.start(plan, { run, onLine: (service, line) => logs.write(service, line) });
  }

  /**
   * Checks the ports, starts every child with its planned environment and waits until each
   * answers /health. If one exits first or is not healthy in time, the error names it and
   * carries its own last lines, and the others are stopped.
   */
  static async startChildren<K extends string>(
    host: string,
    planned: StackChild<K>[],
    wanted: WantedPort[],
    hooks: StackHooks<K> = {},
  ): Promise<Stack<K>> {
    const { run, onLine, readyTimeoutMs = 30_000 } = hooks;
    const signal = run?.signal;
    await assertPortsFree(host, wanted);
    signal?.throwIfAborted();
    const urls = Object.fromEntries(planned.map((c) => [c.name, localUrl(c.port, host)])) as Record<
      K,
      string
    >;
    const children = planned.map(
      (c) =>
        new ChildService({
          name: c.name,
          entry: entryOf(c.service),
          env: c.env,
          onLine: (line) => onLine?.(c.name, line),
        }),
    );
    try {
      const deadline = Date.now() + readyTimeoutMs;
      await Promise.all(
        children.map((child) =>
          waitHealthy(child, urls[child.name as K], { deadline, readyTimeoutMs, signal }),
        ),
      );
    } catch (err) {
      await Promise.all(children.map((c) => c.stop()));
      throw err;
    }
    return new Stack(urls, children, run);
  }

  /** A child's process id, e.g. to read its memory, CPU time or open files from /proc. */
  pid(name: K): number {
    return this.child(name).child.pid ?? 0;
  }

  /** Whether a child is still running (it may have exited on its own). */
  running(name: K): boolean {
    return this.child(name).running;
  }

  /** Stops every service (SIGTERM, then SIGKILL after killAfterMs) and waits until all are gone. */
  async stop(killAfterMs = 5000): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.children.map((c) => c.stop(killAfterMs)));
  }

  private child(name: K): ChildService {
    const child = this.children.find((c) => c.name === name);
    if (!child) throw new Error(`no ${name} in the stack`);
    return child;
  }
}

interface Readiness {
  deadline: number;
  readyTimeoutMs: number;
  signal: AbortSignal | undefined;
}

/**
 * Polls /health until it answers 200: not the "listening" log line, which LOG_LEVEL=warn hides.
 * Fails at once if the child exits, or at the deadline, with the child's own output.
 */
async function waitHealthy(child: ChildService, url: string, readiness: Readiness): Promise<void> {
  const { deadline, readyTimeoutMs, signal } = readiness;
  while (child.running) {
    signal?.throwIfAborted();
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw LaunchErrors.notReady(child.name, readyTimeoutMs, child.output());
    await sleep(100);
  }
  throw LaunchErrors.exitedEarly(child.name, await child.exited, child.output());
}
