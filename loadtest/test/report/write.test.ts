import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/write.js';
import { loadFixture } from './fixtures.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeReport', () => {
  it('when the report is valid, then the four files are written whole and nothing temporary is left', async () => {
    dir = await mkdtemp(join(tmpdir(), 'report-'));
    const report = loadFixture('report');

    const paths = await writeReport(join(dir, 'out'), {
      report,
      html: '<html></html>',
      raw: { v1: [1], v2: [2] },
    });

    expect(JSON.parse(await readFile(paths.json, 'utf8'))).toEqual(report);
    expect(await readFile(paths.html, 'utf8')).toBe('<html></html>');
    expect(JSON.parse(await readFile(paths.rawV2, 'utf8'))).toEqual([2]);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([
      'comparison_report.html',
      'comparison_report.json',
      'results_v1.json',
      'results_v2.json',
    ]);
  });

  it('when the report is invalid, then it throws and writes nothing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'report-'));
    const report = { ...loadFixture('report'), schemaVersion: 1 } as unknown as ReturnType<
      typeof loadFixture
    >;

    await expect(
      writeReport(join(dir, 'out'), { report, html: '', raw: { v1: 0, v2: 0 } }),
    ).rejects.toThrow();
    await expect(readdir(join(dir, 'out'))).rejects.toThrow();
  });
});
