import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { reportSchema, type Report } from './schema.js';

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

/**
 * Validates `value` against `schema` and writes it as `dir`/`file` atomically; returns its
 * absolute path. An invalid value throws and nothing is written (bench.json, soak.json).
 */
export async function writeJsonFile<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  value: z.infer<S>,
): Promise<string> {
  const valid = schema.parse(value);
  const path = join(resolve(dir), file);
  await writeFilesAtomically([{ path, text: toJsonText(valid) }]);
  return path;
}

export interface ReportFiles {
  report: Report;
  html: string;
  /** Every user per gateway (and autocannon's own result for a closed loop), beside the report. */
  raw: { v1: unknown; v2: unknown };
}

export interface ReportPaths {
  json: string;
  html: string;
  rawV1: string;
  rawV2: string;
}

/**
 * Writes the four report files into `dir` and returns their absolute paths. The report is
 * validated first: an invalid one throws and nothing is written.
 */
export async function writeReport(dir: string, files: ReportFiles): Promise<ReportPaths> {
  const report = reportSchema.parse(files.report);
  const root = resolve(dir);
  const paths: ReportPaths = {
    json: join(root, 'comparison_report.json'),
    html: join(root, 'comparison_report.html'),
    rawV1: join(root, 'results_v1.json'),
    rawV2: join(root, 'results_v2.json'),
  };
  // Serialized before anything touches the disk: a value JSON cannot hold fails here.
  await writeFilesAtomically([
    { path: paths.json, text: toJsonText(report) },
    { path: paths.html, text: files.html },
    { path: paths.rawV1, text: toJsonText(files.raw.v1) },
    { path: paths.rawV2, text: toJsonText(files.raw.v2) },
  ]);
  return paths;
}
