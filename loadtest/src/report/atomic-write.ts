import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface PendingFile {
  path: string;
  text: string;
}

/** A value as the reports store it: indented JSON with a final newline. */
export const toJsonText = (value: unknown): string => `${JSON.stringify(value ?? null, null, 2)}\n`;

/**
 * Writes each file to a temporary name in its own directory (created if needed), then renames
 * them all into place, so a reader (or a crash) never sees half a file; nothing is renamed until
 * every file is written, and on failure the temporary files are removed.
 */
export async function writeFilesAtomically(files: PendingFile[]): Promise<void> {
  const suffix = `.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const pending = files.map((file) => ({ ...file, temp: `${file.path}${suffix}` }));
  for (const dir of new Set(files.map((f) => dirname(f.path)))) {
    await mkdir(dir, { recursive: true });
  }
  try {
    await Promise.all(pending.map(({ temp, text }) => writeFile(temp, text, 'utf8')));
    for (const { temp, path } of pending) await rename(temp, path);
  } catch (err) {
    await Promise.all(pending.map(({ temp }) => rm(temp, { force: true })));
    throw err;
  }
}
