import { createServer } from 'node:net';
import { readEventStream, timedGet } from '@cbd/common/tools';
import { describe, expect, it } from 'vitest';
import { allFree, freePorts, stackPortEnv } from './helpers/free-ports.js';
import { outDir } from './helpers/out-dir.js';
import { runScript, stopOnFinish } from './helpers/run-script.js';

describe('pnpm demo --live (end to end)', () => {
  it('when run, then the dashboard streams live data and its buttons work, and Ctrl-C stops everything and exits 0', async (ctx) => {
    const ports = await freePorts(5);
    const [dashboardPort = 0, ...stack] = ports;
    const out = await outDir('live');
    const run = runScript('run-demo.ts', ['--live', '--quick', '--rate', '20', '--out', out], {
      ...stackPortEnv(stack),
      DASHBOARD_PORT: String(dashboardPort),
    });
    stopOnFinish(ctx, run);
    await run.waitFor(/Live classroom view: \S+/);
    const url = /Live classroom view: (\S+)/.exec(run.output())?.[1] ?? '';

    const stream = await readEventStream(`${url}/events`);
    const second = await stream.waitFor(
      (e) => e.event === 'second' && JSON.parse(e.data).gateways.v2.arrived > 0,
      5000,
    );
    const control = await timedGet(`${url}/api/failure-mode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"mode":"error"}',
    });
    await stream.waitFor(
      (e) => e.event === 'status' && JSON.parse(e.data).failure?.mode === 'error',
      3000,
    );
    stream.close();
    await run.waitFor('recommendations-service: error');
    run.child.kill('SIGINT');
    const { code } = await run.exited;

    expect(url).toBe(`http://127.0.0.1:${dashboardPort}`);
    expect(JSON.parse(second.data).gateways.v1.arrived).toBeGreaterThan(0);
    expect(control.status).toBe(200);
    expect(control.body.mode).toBe('error');
    expect(code, run.output()).toBe(0);
    expect(run.output()).toContain('Stopped: the load, the dashboard and every service');
    expect(await allFree(ports)).toBe(true);
  }, 90_000);

  it('when the dashboard port is taken, then it names DASHBOARD_PORT and exits 1 before starting anything', async (ctx) => {
    const ports = await freePorts(5);
    const [dashboardPort = 0, ...stack] = ports;
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(dashboardPort, '127.0.0.1', resolve));
    ctx.onTestFinished(() => void blocker.close());

    const run = runScript('run-demo.ts', ['--live'], {
      ...stackPortEnv(stack),
      DASHBOARD_PORT: String(dashboardPort),
    });
    stopOnFinish(ctx, run);
    const { code } = await run.exited;

    expect(code).toBe(1);
    expect(run.output()).toContain(
      `port ${dashboardPort} (the live dashboard) is already in use; set DASHBOARD_PORT`,
    );
    expect(run.output()).not.toContain('Starting the four services');
    expect(await allFree(stack)).toBe(true);
  });

  it('when DASHBOARD_PORT is not a port, then it says so and exits 2', async () => {
    const run = runScript('run-demo.ts', ['--live'], { DASHBOARD_PORT: 'eighty' });

    const { code } = await run.exited;

    expect(code).toBe(2);
    expect(run.output()).toContain('DASHBOARD_PORT="eighty"');
  });
});
