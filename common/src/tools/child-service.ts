import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildServiceOptions {
  name: string;
  /** A service's src/server.ts: run with tsx, one process, so signals reach it directly. */
  entry: string;
  /** The child's whole environment: nothing else leaks in. */
  env: Record<string, string | undefined>;
  /** Receives each line the child prints (stdout and stderr). */
  onLine?: (line: string) => void;
}

const KEPT_OUTPUT = 64 * 1024;

/** A service running as a child process, stoppable, whose exit and readiness can be awaited. */
export class ChildService {
  readonly name: string;
  readonly child: ChildProcess;
  /** The URL the service logs once it listens; rejects if it exits first. */
  readonly ready: Promise<string>;
  readonly exited: Promise<ExitInfo>;
  #output = '';
  #exit: ExitInfo | undefined;
  readonly #signalsSent = new Set<NodeJS.Signals>();

  constructor({ name, entry, env, onLine }: ChildServiceOptions) {
    this.name = name;
    // Its own process group, so a Ctrl-C in the terminal reaches only the orchestrator, which
    // stops children in order; the IPC channel lets a child notice if the orchestrator dies.
    this.child = spawn(process.execPath, ['--conditions=@cbd/source', '--import', 'tsx', entry], {
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    });
    this.exited = new Promise((resolve) => {
      // 'close', not 'exit': by then every line it printed has been read.
      this.child.once('close', (code, signal) => {
        this.#exit = { code, signal };
        resolve(this.#exit);
      });
    });
    this.ready = new Promise((resolve, reject) => {
      const read = (stream: Readable | null) => {
        if (!stream) return;
        createInterface({ input: stream }).on('line', (line) => {
          this.#output = `${this.#output}${line}\n`.slice(-KEPT_OUTPUT);
          onLine?.(line);
          const match = /listening on (http:\/\/[^\s"]+)/.exec(line);
          if (match?.[1]) resolve(match[1]);
        });
      };
      read(this.child.stdout);
      read(this.child.stderr);
      this.child.once('error', reject);
      void this.exited.then(({ code, signal }) =>
        reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before it was ready`)),
      );
    });
    this.ready.catch(() => undefined);
  }

  get running(): boolean {
    return this.#exit === undefined;
  }

  /**
   * Whether it ended by a signal stop() did not send (e.g. SIGKILL from someone else): then it
   * died, even if it was being stopped when its exit was noticed.
   */
  killedByOthers(exit: ExitInfo): boolean {
    return exit.signal !== null && !this.#signalsSent.has(exit.signal);
  }

  /** The last 64 KiB it printed. */
  output(): string {
    return this.#output;
  }

  /** SIGTERM, then SIGKILL if it has not exited within killAfterMs. */
  async stop(killAfterMs = 5000): Promise<ExitInfo> {
    if (!this.running) return this.exited;
    this.#send('SIGTERM');
    const timer = setTimeout(() => this.#send('SIGKILL'), killAfterMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  #send(signal: NodeJS.Signals): void {
    this.#signalsSent.add(signal);
    this.child.kill(signal);
  }
}
