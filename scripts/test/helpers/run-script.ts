import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'vitest';

export interface ScriptRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the output contains `text`. */
  waitFor(text: string | RegExp): Promise<void>;
}

const SCRIPTS_DIR = fileURLToPath(new URL('../../', import.meta.url));

export interface ProcessOptions {
  cwd: string;
  /** Exactly the environment given (plus PATH). */
  env: Record<string, string>;
  /** Its own process group, as a shell starts a job. */
  detached?: boolean;
}

/** Runs scripts/src/<entry> as `pnpm demo` does, with exactly the environment given (plus PATH). */
export function runScript(entry: string, args: string[], env: Record<string, string>): ScriptRun {
  return runProcess(
    process.execPath,
    ['--conditions=@cbd/source', '--import', 'tsx', `src/${entry}`, ...args],
    { cwd: SCRIPTS_DIR, env },
  );
}

/** Runs a command with its output collected, e.g. `npx pnpm start` as a user types it. */
export function runProcess(command: string, args: string[], options: ProcessOptions): ScriptRun {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let output = '';
  const waiters: { test: (s: string) => boolean; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of waiters.splice(0)) {
      if (w.test(output)) w.resolve();
      else waiters.push(w);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    waitFor(text) {
      const test = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
      if (test(output)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiters.push({ test, resolve });
        void exited.then(() =>
          reject(new Error(`exited before printing ${String(text)}:\n${output}`)),
        );
      });
    },
  };
}

/** A failed test must not leave the launcher (and its services) running. */
export function stopOnFinish(ctx: TestContext, run: ScriptRun): void {
  ctx.onTestFinished(async () => {
    if (run.child.exitCode !== null || run.child.signalCode !== null) return;
    run.child.kill('SIGINT');
    await run.exited;
  });
}
