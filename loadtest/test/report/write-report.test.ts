import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { reportSchema, type Report } from '../../src/report/schema.js';
import { writeReport } from '../../src/report/write-report.js';
import { loadFixture } from './fixtures.js';

const FILES = [
  'comparison_report.html',
  'comparison_report.json',
  'results_v1.json',
  'results_v2.json',
];

describe('writeReport', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cbd-write-report-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('when the report is valid, then the four files are written into a new folder and their absolute paths returned', async () => {
    // Arrange
    const report = loadFixture('report-outage-only');
    const dir = join(root, 'nested', 'reports');
    const raw = {
      v1: { outage: { requests: { average: 1.25 } } },
      v2: { outage: { requests: { average: 4591 } } },
    };

    // Act
    const paths = await writeReport(dir, { report, html: '<!doctype html><p>report</p>', raw });

    // Assert
    expect(Object.values(paths).every(isAbsolute)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(FILES);
    expect(reportSchema.parse(JSON.parse(await readFile(paths.json, 'utf8')))).toEqual(report);
    expect(await readFile(paths.html, 'utf8')).toBe('<!doctype html><p>report</p>');
    expect(JSON.parse(await readFile(paths.rawV1, 'utf8'))).toEqual(raw.v1);
    expect(JSON.parse(await readFile(paths.rawV2, 'utf8'))).toEqual(raw.v2);
  });

  it('when files from an earlier run exist, then they are replaced and no temporary file is left', async () => {
    // Arrange
    await mkdir(join(root, 'reports'));
    await writeFile(join(root, 'reports', 'comparison_report.html'), 'old');
    const report = loadFixture('report-outage-only');

    // Act
    const paths = await writeReport(join(root, 'reports'), {
      report,
      html: 'new',
      raw: { v1: null, v2: null },
    });

    // Assert
    expect(await readFile(paths.html, 'utf8')).toBe('new');
    expect((await readdir(join(root, 'reports'))).sort()).toEqual(FILES);
  });

  it('when the report is invalid, then it throws and writes nothing, leaving earlier files alone', async () => {
    // Arrange
    const dir = join(root, 'reports');
    await mkdir(dir);
    await writeFile(join(dir, 'comparison_report.json'), 'old');
    const broken = { ...loadFixture('report-outage-only'), schemaVersion: 2 } as unknown as Report;

    // Act
    const writing = writeReport(dir, { report: broken, html: 'new', raw: { v1: {}, v2: {} } });

    // Assert
    await expect(writing).rejects.toBeInstanceOf(ZodError);
    expect(await readdir(dir)).toEqual(['comparison_report.json']);
    expect(await readFile(join(dir, 'comparison_report.json'), 'utf8')).toBe('old');
  });

  it('when a raw result cannot be written as JSON, then it throws before creating anything', async () => {
    // Arrange
    const dir = join(root, 'reports');
    const report = loadFixture('report-outage-only');

    // Act
    const writing = writeReport(dir, { report, html: 'new', raw: { v1: { n: 1n }, v2: {} } });

    // Assert
    await expect(writing).rejects.toThrow(/BigInt/);
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });

  it('when a file cannot be put in place, then it throws and leaves no temporary file behind', async () => {
    // Arrange
    const dir = join(root, 'reports');
    await mkdir(join(dir, 'results_v2.json'), { recursive: true });
    const report = loadFixture('report-outage-only');

    // Act
    const writing = writeReport(dir, { report, html: 'new', raw: { v1: {}, v2: {} } });

    // Assert
    await expect(writing).rejects.toThrow();
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
