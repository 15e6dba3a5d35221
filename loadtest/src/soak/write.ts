import { join, resolve } from 'node:path';
import { toJsonText, writeFilesAtomically } from '../report/atomic-write.js';
import { soakSchema, type SoakReport } from './schema.js';

export const SOAK_FILE = 'soak.json';

/** Validates the soak report and writes `dir`/soak.json atomically; returns its absolute path. */
export async function writeSoak(dir: string, report: SoakReport): Promise<string> {
  const valid = soakSchema.parse(report);
  const path = join(resolve(dir), SOAK_FILE);
  await writeFilesAtomically([{ path, text: toJsonText(valid) }]);
  return path;
}
