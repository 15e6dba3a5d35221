import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GOAL_IDS, benchSchema } from '@cbd/loadtest';
import { describe, expect, it } from 'vitest';
import { allFree, freePorts, stackPortEnv } from './helpers/free-ports.js';
import { outDir } from './helpers/out-dir.js';
import { processesRunning } from './helpers/processes.js';
import { runScript } from './helpers/run-script.js';

const BARE_PROXY = 'bare-proxy-server.ts';

// Timings are never asserted: only that the bench runs, measures something, and cleans up.
describe('pnpm bench (end to end)', () => {
  it('when run with --quick, then it reports every phase, writes a valid bench.json with every goal, prints the table, measures capacity on gateways started after the outage and leaves nothing running', async () => {
    const ports = await freePorts(4);
    const out = await outDir('bench');

    const run = runScript('bench.ts', ['--quick', '--out', out], stackPortEnv(ports));
    const { code } = await run.exited;

    expect(code, run.output()).toBe(0);
    const bench = benchSchema.parse(JSON.parse(await readFile(join(out, 'bench.json'), 'utf8')));
    expect(bench.quick).toBe(true);
    expect(bench.goals.map((g) => g.id)).toEqual([...GOAL_IDS]);
    const { bare, v2Open, v2Healthy, outage, protection } = bench.measurements;
    for (const target of [bare, v2Open, v2Healthy]) {
      expect(target.runs).toHaveLength(bench.settings.rounds);
      expect(target.runs.every((r) => r.responses > 0)).toBe(true);
    }
    expect(outage.v2.users).toBe(outage.v1.users);
    expect(outage.v2.usefulShare).toBeGreaterThan(outage.v1.usefulShare);
    expect(protection.healedAtMs).not.toBeNull();
    for (const phase of [1, 2, 3, 4, 5, 6, 7]) expect(run.output()).toContain(`[${phase}/7]`);
    for (const goal of bench.goals) expect(run.output()).toContain(goal.label);
    expect(run.output()).toContain(join(out, 'bench.json'));
    for (const service of ['gateway-v1', 'gateway-v2']) {
      const log = await readFile(join(out, 'bench-logs', `${service}.log`), 'utf8');
      const starts = log
        .split('\n')
        .filter((line) => line.includes(' listening on '))
        .map((line) => (JSON.parse(line) as { pid: number }).pid);
      expect(starts).toHaveLength(2);
      expect(new Set(starts).size).toBe(2);
    }
    const output = run.output();
    expect(output.indexOf('starting them again')).toBeGreaterThan(output.indexOf('[3/7]'));
    expect(output.indexOf('starting them again')).toBeLessThan(output.indexOf('[4/7]'));
    expect(await allFree(ports)).toBe(true);
    expect(await processesRunning(BARE_PROXY)).toEqual([]);
  }, 120_000);

  it('when interrupted with Ctrl-C mid-run, then every service and the bare proxy stop, it exits 130 and writes no bench.json', async () => {
    const ports = await freePorts(4);
    const out = await outDir('bench');
    const run = runScript('bench.ts', ['--quick', '--out', out], stackPortEnv(ports));
    await run.waitFor('[3/7]');

    run.child.kill('SIGINT');
    const { code } = await run.exited;

    expect(code, run.output()).toBe(130);
    expect(run.output()).toContain('no bench report was written');
    expect((await readdir(out)).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(await allFree(ports)).toBe(true);
    expect(await processesRunning(BARE_PROXY)).toEqual([]);
  }, 60_000);

  it('when an option is wrong, then it says which and exits 2 before starting anything', async () => {
    const run = runScript('bench.ts', ['--rounds', '3'], {});

    const { code } = await run.exited;

    expect(code).toBe(2);
    expect(run.output()).toContain("Unknown option '--rounds'");
    expect(run.output()).toContain('Usage: pnpm bench');
  });
});
