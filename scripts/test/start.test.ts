import { createServer } from 'node:net';
import { describe, expect, it, type TestContext } from 'vitest';
import { ROOT_DIR } from '../src/stack/services.js';
import { allFree, freePorts, stackPortEnv } from './helpers/free-ports.js';
import { commandLine, descendantsOf, isRunning } from './helpers/processes.js';
import { runProcess, runScript, stopOnFinish } from './helpers/run-script.js';
import { waitFor } from './helpers/wait-for.js';

const STOPPED_WITHIN_MS = 5000;

/** Whatever a failed test leaves running is killed, services included (they have their own groups). */
function killOnFinish(ctx: TestContext, pids: () => number[]): void {
  ctx.onTestFinished(() => {
    for (const pid of pids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}

/** `npx -y pnpm@10.34.8 start` as a user types it at the repository's root, in its own job. */
async function startAsUser(ctx: TestContext, ports: number[]) {
  const run = runProcess('npx', ['-y', 'pnpm@10.34.8', 'start'], {
    cwd: ROOT_DIR,
    env: { HOME: process.env.HOME ?? '/root', ...stackPortEnv(ports) },
    detached: true,
  });
  let tree: number[] = [];
  killOnFinish(ctx, () => [run.child.pid ?? 0, ...tree]);
  await run.waitFor('Services are up');
  tree = await descendantsOf(run.child.pid ?? 0);
  return { run, top: run.child.pid ?? 0, tree };
}

async function launcherIn(tree: number[]): Promise<number> {
  for (const pid of tree) if ((await commandLine(pid)).endsWith('src/start.ts')) return pid;
  throw new Error('no launcher among the processes');
}

async function expectAllStopped(ports: number[], pids: number[]): Promise<void> {
  await waitFor(
    'every port freed and every process gone',
    async () => (await allFree(ports)) && pids.every((pid) => !isRunning(pid)),
    { timeoutMs: STOPPED_WITHIN_MS, intervalMs: 100 },
  );
  expect(pids.filter(isRunning)).toEqual([]);
  expect(await allFree(ports)).toBe(true);
}

describe('pnpm start (end to end)', () => {
  it('when the top process of `npx pnpm start` is sent SIGTERM, then the launcher, its chain and every service stop within 5 s', async (ctx) => {
    const ports = await freePorts(4);
    const { top, tree } = await startAsUser(ctx, ports);
    expect(tree.length).toBeGreaterThanOrEqual(5);

    process.kill(top, 'SIGTERM');

    await expectAllStopped(ports, [top, ...tree]);
  }, 60_000);

  it('when the whole job of `npx pnpm start` gets a Ctrl-C, then the launcher stops every service once and pnpm reports no failure', async (ctx) => {
    const ports = await freePorts(4);
    const { run, top, tree } = await startAsUser(ctx, ports);

    process.kill(-top, 'SIGINT');
    await run.exited;

    expect(run.output()).toContain('All services stopped.');
    expect(run.output()).not.toContain('again: exiting now');
    expect(run.output()).not.toMatch(/ERR_PNPM|ELIFECYCLE|Command failed/);
    await expectAllStopped(ports, [top, ...tree]);
  }, 60_000);

  it('when the launcher’s node process is killed with SIGKILL, then every service and the chain above it stop within 5 s', async (ctx) => {
    const ports = await freePorts(4);
    const { top, tree } = await startAsUser(ctx, ports);

    process.kill(await launcherIn(tree), 'SIGKILL');

    await expectAllStopped(ports, [top, ...tree]);
  }, 60_000);

  it('when the launcher is sent SIGHUP, then it stops every service and exits 0', async (ctx) => {
    const ports = await freePorts(4);
    const run = runScript('start.ts', [], stackPortEnv(ports));
    stopOnFinish(ctx, run);
    await run.waitFor('Services are up');
    const services = await descendantsOf(run.child.pid ?? 0);

    run.child.kill('SIGHUP');
    const { code } = await run.exited;

    expect(code, run.output()).toBe(0);
    expect(run.output()).toContain('pnpm start: SIGHUP, stopping the services...');
    expect(run.output()).toContain('All services stopped.');
    expect(services.filter(isRunning)).toEqual([]);
    expect(await allFree(ports)).toBe(true);
  }, 30_000);

  it('when a port setting is 0, then it exits 2 at once, naming it once, with no stack trace', async () => {
    const run = runScript('start.ts', [], { PRODUCT_PORT: '0' });

    const { code } = await run.exited;

    expect(code).toBe(2);
    expect(
      run.output().match(/PRODUCT_PORT="0": must be an integer from 1 to 65535/g),
    ).toHaveLength(1);
    expect(run.output()).toContain('Usage: pnpm start');
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('when a service setting is bad, then it exits 2 before starting anything, naming it once', async () => {
    const ports = await freePorts(4);
    const run = runScript('start.ts', [], { ...stackPortEnv(ports), LOG_LEVEL: 'loud' });

    const { code } = await run.exited;

    expect(code).toBe(2);
    expect(run.output().match(/LOG_LEVEL="loud"/g)).toHaveLength(1);
    expect(run.output()).not.toContain('listening on');
  });

  it('when a port is taken, then it names it and the variable that moves it, exits 1, with no stack trace', async (ctx) => {
    const ports = await freePorts(4);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(ports[3], '127.0.0.1', resolve));
    ctx.onTestFinished(() => void blocker.close());

    const run = runScript('start.ts', [], stackPortEnv(ports));
    const { code } = await run.exited;

    expect(code).toBe(1);
    expect(run.output().trim()).toBe(
      `pnpm start: port ${ports[3]} (gateway-v2) is already in use; set GATEWAY_V2_PORT to use another port`,
    );
  });
});
