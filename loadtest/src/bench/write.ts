import { join, resolve } from 'node:path';
import { toJsonText, writeFilesAtomically } from '../report/atomic-write.js';
import { benchSchema, type BenchReport } from './schema.js';

export const BENCH_FILE = 'bench.json';

/**
 * Validates the bench report and writes `dir`/bench.json atomically; returns its absolute path.
 * An invalid report throws and nothing is written.
 */
export async function writeBench(dir: string, report: BenchReport): Promise<string> {
  const valid = benchSchema.parse(report);
  const path = join(resolve(dir), BENCH_FILE);
  await writeFilesAtomically([{ path, text: toJsonText(valid) }]);
  return path;
}
