import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { benchSchema } from '../../src/bench/schema.js';
import { writeBench } from '../../src/bench/write.js';
import { loadBench } from './fixtures.js';

describe('writeBench', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cbd-bench-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('when the report is valid, then bench.json is written in a new folder, and only it', async () => {
    const bench = loadBench();
    const dir = join(root, 'a', 'reports');

    const path = await writeBench(dir, bench);

    expect(path).toBe(join(dir, 'bench.json'));
    expect(await readdir(dir)).toEqual(['bench.json']);
    expect(benchSchema.parse(JSON.parse(await readFile(path, 'utf8')))).toEqual(bench);
  });

  it('when a figure is not a number JSON can hold, then nothing is written', async () => {
    const bench = loadBench();
    bench.measurements.bare.median.reqPerSec = Number.NaN;

    await expect(writeBench(root, bench)).rejects.toThrow(ZodError);

    expect(await readdir(root)).toEqual([]);
  });

  it('when the schema version is not this one, then the report is refused', async () => {
    const bench = { ...loadBench(), schemaVersion: 2 } as unknown as ReturnType<typeof loadBench>;

    await expect(writeBench(root, bench)).rejects.toThrow(ZodError);
  });
});
