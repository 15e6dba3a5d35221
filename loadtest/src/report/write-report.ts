import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { reportSchema, type Report } from './schema.js';

export interface ReportFiles {
  report: Report;
  html: string;
  /** autocannon's own results per gateway, kept beside the report. */
  raw: { v1: unknown; v2: unknown };
}

export interface ReportPaths {
  json: string;
  html: string;
  rawV1: string;
  rawV2: string;
}

const json = (value: unknown) => `${JSON.stringify(value ?? null, null, 2)}\n`;

/**
 * Writes the four report files into `dir` (created if needed) and returns their absolute
 * paths. The report is validated first: an invalid one throws and nothing is written. Each
 * file is written to a temporary name in the same directory and renamed, so a reader (or a
 * crash) never sees half a file; all are written before any is renamed.
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
  // Serialize everything before touching the disk: a value JSON cannot hold fails here.
  const suffix = `.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const pending = [
    { path: paths.json, text: json(report) },
    { path: paths.html, text: files.html },
    { path: paths.rawV1, text: json(files.raw.v1) },
    { path: paths.rawV2, text: json(files.raw.v2) },
  ].map((file) => ({ ...file, temp: `${file.path}${suffix}` }));
  await mkdir(root, { recursive: true });
  try {
    await Promise.all(pending.map(({ temp, text }) => writeFile(temp, text, 'utf8')));
    for (const { temp, path } of pending) await rename(temp, path);
  } catch (err) {
    await Promise.all(pending.map(({ temp }) => rm(temp, { force: true })));
    throw err;
  }
  return paths;
}
