import { join, resolve } from 'node:path';
import { toJsonText as json, writeFilesAtomically } from './atomic-write.js';
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
  // Serialized before anything touches the disk: a value JSON cannot hold fails here.
  await writeFilesAtomically([
    { path: paths.json, text: json(report) },
    { path: paths.html, text: files.html },
    { path: paths.rawV1, text: json(files.raw.v1) },
    { path: paths.rawV2, text: json(files.raw.v2) },
  ]);
  return paths;
}
