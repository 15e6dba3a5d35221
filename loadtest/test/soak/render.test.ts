import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { renderSoakTable } from '../../src/soak/render.js';
import { soakSchema, writeSoak } from '../../src/soak/schema.js';
import { BROKEN_VALUES, plain } from '../report/fixtures.js';
import { loadSoak } from '../bench/fixtures.js';

describe('renderSoakTable', () => {
  it('when a soak passed, then each check is a row marked pass, under what was run', () => {
    const soak = loadSoak();

    const text = plain(renderSoakTable(soak));

    expect(text).toContain('gateway-v2, 20 connections, 12 s; recommendations switched every 2 s');
    expect(text).toContain('healthy → hang → healthy → error → healthy → partial');
    expect(text).toMatch(/│ breaker follows the flaps\s+│ pass\s+│/);
    expect(text.match(/│ pass /g)).toHaveLength(soak.checks.length);
    expect(text).toContain('Every check passed.');
    expect(text).not.toMatch(BROKEN_VALUES);
  });

  it('when a check failed, then its row says FAIL and the verdict counts it', () => {
    const soak = loadSoak();
    soak.checks[2] = { ...soak.checks[2]!, ok: false };

    const text = renderSoakTable({ ...soak, passed: false });

    expect(text).toMatch(/│ open sockets did not grow\s+│ FAIL/);
    expect(text).toContain('1 check(s) failed.');
  });
});

describe('writeSoak', () => {
  it('when the report is valid, then soak.json holds it; when not, nothing is written', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cbd-soak-'));
    try {
      const path = await writeSoak(root, loadSoak());
      expect(soakSchema.parse(JSON.parse(await readFile(path, 'utf8')))).toEqual(loadSoak());

      await expect(
        writeSoak(join(root, 'bad'), { ...loadSoak(), passed: 'yes' } as never),
      ).rejects.toThrow(ZodError);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
