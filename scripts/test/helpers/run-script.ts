import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ScriptRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the output contains `text`. */
  waitFor(text: string | RegExp): Promise<void>;
}

const SCRIPTS_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Runs scripts/src/<entry> as `pnpm demo` does, with exactly the environment given (plus PATH). */
export function runScript(entry: string, args: string[], env: Record<string, string>): ScriptRun {
  const child = spawn(
    process.execPath,
    ['--conditions=@cbd/source', '--import', 'tsx', `src/${entry}`, ...args],
    {
      cwd: SCRIPTS_DIR,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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
