import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { soakSchema } from '@cbd/loadtest';
import { describe, expect, it } from 'vitest';
import { allFree, freePorts, stackPortEnv } from './helpers/free-ports.js';
import { outDir } from './helpers/out-dir.js';
import { servicePid } from './helpers/processes.js';
import { runScript, stopOnFinish } from './helpers/run-script.js';

describe('pnpm soak (end to end)', () => {
  it('when run with --quick, then nothing crashed or leaked, every response was classified and the breaker followed the flaps', async () => {
    const ports = await freePorts(4);
    const out = await outDir('soak');

    const run = runScript('soak.ts', ['--quick', '--out', out], stackPortEnv(ports));
    const { code } = await run.exited;

    const soak = soakSchema.parse(JSON.parse(await readFile(join(out, 'soak.json'), 'utf8')));
    expect(
      soak.checks.filter((c) => !c.ok),
      run.output(),
    ).toEqual([]);
    expect(code).toBe(0);
    expect(soak.passed).toBe(true);
    // The invariants themselves, from the data (not only the soak's own verdicts).
    expect(Object.values(soak.alive)).toEqual([true, true, true, true]);
    expect(soak.errorLines).toEqual([]);
    const { outcomes, answers, timeouts, errors } = soak.load;
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(answers + timeouts + errors);
    expect(outcomes.full).toBeGreaterThan(0);
    expect(outcomes.degraded).toBeGreaterThan(0);
    expect(soak.stretches.map((s) => s.mode)).toEqual([
      'healthy',
      'hang',
      'healthy',
      'error',
      'healthy',
      'partial',
    ]);
    // The breaker was watched until the load ended, through the last stretch.
    expect(soak.circuit.samples.at(-1)!.t).toBeGreaterThan(soak.stretches.at(-1)!.endMs - 500);
    const states = soak.circuit.transitions.map((t) => t.to);
    expect(states.filter((s) => s === 'OPEN').length).toBeGreaterThanOrEqual(2);
    expect(states.filter((s) => s === 'CLOSED').length).toBeGreaterThanOrEqual(2);
    expect(await allFree(ports)).toBe(true);
  }, 90_000);

  it('when a service dies mid-soak, then it stops the others at once, names it and exits 1 without a report', async (ctx) => {
    const ports = await freePorts(4);
    const out = await outDir('soak');
    const run = runScript('soak.ts', ['--quick', '--out', out], stackPortEnv(ports));
    stopOnFinish(ctx, run);
    await run.waitFor('[2/3]');

    process.kill(await servicePid('recommendations-service', ports[1] ?? 0), 'SIGKILL');
    const { code } = await run.exited;

    expect(code, run.output()).toBe(1);
    expect(run.output()).toContain(
      'pnpm soak: recommendations-service exited unexpectedly (SIGKILL)',
    );
    expect(run.output()).not.toContain('[3/3]');
    expect(await readdir(out)).not.toContain('soak.json');
    expect(await allFree(ports)).toBe(true);
  }, 60_000);

  it('when an option is wrong, then it says which and exits 2', async () => {
    const run = runScript('soak.ts', ['--duration', 'forever'], {});

    const { code } = await run.exited;

    expect(code).toBe(2);
    expect(run.output()).toContain('--duration must be a whole number');
    expect(run.output()).toContain('Usage: pnpm soak');
  });
});
