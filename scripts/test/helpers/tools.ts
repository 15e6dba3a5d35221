import { spawnSync } from 'node:child_process';
import type { TestContext } from 'vitest';

/** Why `command` cannot be run here, or undefined if `command ...args` works. */
export function missingCommand(command: string, args = ['--version']): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code ?? result.error.message;
    return `${command} (not installed: ${code})`;
  }
  if (result.status !== 0) {
    return `${command} (\`${command} ${args.join(' ')}\` failed: ${result.stderr.trim().slice(0, 300)})`;
  }
  return undefined;
}

/**
 * For tests that need tools from outside the repository (promtool, docker-compose, an engine).
 * In CI a missing tool fails the test, since CI installs them (.ci/run); on a developer's
 * machine the test is skipped, and the reason is printed.
 */
export function requireTools(ctx: TestContext, problems: (string | undefined)[]): void {
  const missing = problems.filter((p): p is string => p !== undefined);
  if (missing.length === 0) return;
  const reason = `missing ${missing.join('; ')}`;
  if (process.env.CI) throw new Error(`${reason}. CI must provide it: see .ci/run`);
  console.warn(`[skipped] ${ctx.task.name}: ${reason}`);
  ctx.skip(reason);
}
