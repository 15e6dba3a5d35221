import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh directory for one test's reports and logs. It is removed once the test passes; a
 * failed test's is kept, since the command's output in its message names the files in it.
 */
export async function outDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  onTestFinished(async ({ task }) => {
    if (task.result?.state !== 'fail') await rm(dir, { recursive: true, force: true });
  });
  return dir;
}
