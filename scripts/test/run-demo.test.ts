import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { reportSchema } from '@cbd/loadtest';
import { describe, expect, it } from 'vitest';
import { allFree, freePorts, freeRun, stackPortEnv } from './helpers/free-ports.js';
import { outDir } from './helpers/out-dir.js';
import { servicePid } from './helpers/processes.js';
import { runScript } from './helpers/run-script.js';

describe('pnpm demo (end to end)', () => {
  it('when run with --quick, then it writes a valid report that shows the cascade and the fix, and leaves no process behind', async () => {
    const ports = await freePorts(4);
    const out = await outDir('demo');

    const run = runScript('run-demo.ts', ['--quick', '--out', out], stackPortEnv(ports));
    const { code } = await run.exited;

    expect(code, run.output()).toBe(0);
    const report = reportSchema.parse(
      JSON.parse(await readFile(join(out, 'comparison_report.json'), 'utf8')),
    );
    const html = await readFile(join(out, 'comparison_report.html'), 'utf8');
    expect(html).toContain('<canvas');
    expect(JSON.parse(await readFile(join(out, 'results_v1.json'), 'utf8'))).toHaveProperty(
      'outage',
    );
    const outage = report.scenarios.outage!;
    expect(outage.comparison.usefulShare.v1).toBeLessThan(0.05);
    expect(outage.comparison.usefulShare.v2).toBeGreaterThan(0.95);
    const timeline = report.scenarios.timeline!.comparison;
    expect(timeline.sickUsefulShare.v1).toBeLessThan(0.1);
    expect(timeline.sickUsefulShare.v2).toBeGreaterThan(0.9);
    const states = report.scenarios.timeline!.gateways.v2.circuit!.transitions.map((t) => t.to);
    expect(states).toContain('OPEN');
    expect(states.lastIndexOf('CLOSED')).toBeGreaterThan(states.indexOf('OPEN'));
    expect(run.output()).toContain('comparison_report.html');
    expect(await allFree(ports)).toBe(true);
  }, 90_000);

  it('when run with --scenario layers --quick, then every rung is reported side by side and the ladder’s ports are freed', async () => {
    const ports = await freeRun(15);
    const out = await outDir('demo');

    const run = runScript('run-demo.ts', ['--quick', '--scenario', 'layers', '--out', out], {
      LADDER_PORT: String(ports[0]),
    });
    const { code } = await run.exited;

    expect(code, run.output()).toBe(0);
    const report = reportSchema.parse(
      JSON.parse(await readFile(join(out, 'comparison_report.json'), 'utf8')),
    );
    const rungs = report.scenarios.layers!.rungs;
    expect(rungs.map((r) => r.id)).toEqual([
      'none',
      'retries',
      'fast-retries',
      'timeout',
      'fallback',
      'breaker',
      'bulkhead',
    ]);
    const share = (id: string) => rungs.find((r) => r.id === id)!.figures.hang.usefulShare;
    expect(share('none')).toBeLessThan(0.1);
    expect(share('bulkhead')).toBeGreaterThan(share('none') + 0.5);
    const figures = (id: string) => rungs.find((r) => r.id === id)!.figures;
    // More calls than gateway-v1 without retries; with --quick its pool only fills as the 2 s
    // hang ends, so the full run's 40x is not what a quick one shows.
    expect(figures('fast-retries').callsPerSecond.hang).toBeGreaterThan(
      figures('none').callsPerSecond.hang,
    );
    expect(figures('fast-retries').dependencyRecoveredAfterMs).toBeNull();
    expect(figures('bulkhead').dependencyRecoveredAfterMs).not.toBeNull();
    expect(report.scenarios.outage).toBeUndefined();
    expect(Object.keys(report.config.targets)).toHaveLength(15);
    expect(report.config.targets['bulkhead/gateway-v2']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.values(report.config.targets)).not.toContain('http://127.0.0.1:8090');
    expect(run.output()).toMatch(/│ in time while it hung/);
    expect(JSON.parse(await readFile(join(out, 'results_v1.json'), 'utf8'))).toHaveProperty(
      'layers-retries',
    );
    expect(await allFree(ports)).toBe(true);
  }, 120_000);

  it('when interrupted with Ctrl-C mid-run, then every service stops, it exits non-zero and writes no report', async () => {
    const ports = await freePorts(4);
    const out = await outDir('demo');
    const run = runScript(
      'run-demo.ts',
      ['--quick', '--scenario', 'outage', '--out', out],
      stackPortEnv(ports),
    );
    await run.waitFor(/outage\s+2s/);

    run.child.kill('SIGINT');
    const { code } = await run.exited;

    expect(code).toBe(130);
    expect(run.output()).toContain('no report was written');
    expect((await readdir(out)).filter((f) => f.endsWith('.json') || f.endsWith('.html'))).toEqual(
      [],
    );
    expect(await allFree(ports)).toBe(true);
  }, 60_000);

  it('when a service dies mid-run, then the demo stops the others, names it and exits 1', async () => {
    const ports = await freePorts(4);
    const out = await outDir('demo');
    const run = runScript(
      'run-demo.ts',
      ['--quick', '--scenario', 'outage', '--out', out],
      stackPortEnv(ports),
    );
    await run.waitFor(/outage\s+2s/);

    process.kill(await servicePid('gateway-v2', ports[3] ?? 0), 'SIGKILL');
    const { code } = await run.exited;

    expect(code).toBe(1);
    expect(run.output()).toContain('gateway-v2 exited unexpectedly');
    expect((await readdir(out)).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(await allFree(ports)).toBe(true);
  }, 60_000);

  it('when an option is wrong, then it says which and exits 2 before starting anything', async () => {
    const run = runScript('run-demo.ts', ['--scenario', 'chaos'], {});

    const { code } = await run.exited;

    expect(code).toBe(2);
    expect(run.output()).toContain('--scenario must be outage, timeline, partial, layers or all');
    expect(run.output()).toContain('Usage: pnpm demo');
  });

  it('when a port is taken, then it names the port and the variable to change, and exits 1', async () => {
    const ports = await freePorts(4);
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(ports[2], '127.0.0.1', resolve));
    try {
      const run = runScript('run-demo.ts', ['--quick'], stackPortEnv(ports));

      const { code } = await run.exited;

      expect(code).toBe(1);
      expect(run.output()).toContain(
        `port ${ports[2]} (gateway-v1) is already in use; set GATEWAY_V1_PORT`,
      );
    } finally {
      blocker.close();
    }
  });
});
