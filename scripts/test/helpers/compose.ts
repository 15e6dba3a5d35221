import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT_DIR } from '../../src/stack/services.js';

const run = promisify(execFile);

export interface ComposeResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs docker-compose on the repository's docker-compose.yml for one project, with `env`
 * added to this process's environment; a failure carries the end of its output.
 */
export async function compose(
  project: string | undefined,
  args: string[],
  env: Record<string, string> = {},
): Promise<ComposeResult> {
  const projectArgs = project ? ['-p', project] : [];
  try {
    return await run('docker-compose', [...projectArgs, '-f', 'docker-compose.yml', ...args], {
      cwd: ROOT_DIR,
      // No profile unless asked for, whatever the caller's shell has in COMPOSE_PROFILES.
      env: { ...process.env, COMPOSE_PROFILES: '', ...env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15 * 60_000,
    });
  } catch (err) {
    const { stdout = '', stderr = '', message } = err as Error & Partial<ComposeResult>;
    const output = `${stdout}\n${stderr}`.trim().slice(-4000);
    throw new Error(`docker-compose ${args.join(' ')} failed: ${message}\n${output}`);
  }
}
