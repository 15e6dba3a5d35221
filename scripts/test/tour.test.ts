import { fileURLToPath } from 'node:url';
import { spawn, type IPty } from 'node-pty';
import { TOUR_STEPS } from '@cbd/loadtest';
import { describe, expect, it, type TestContext } from 'vitest';
import { allFree, freePorts, stackPortEnv } from './helpers/free-ports.js';
import { runScript } from './helpers/run-script.js';

const SCRIPTS_DIR = fileURLToPath(new URL('../', import.meta.url));

/** The answer of each step run, its wrapped lines joined. */
const answersIn = (output: string) =>
  [...output.matchAll(/^Answer: ([\s\S]*?)(?=\r?\n\r?\n)/gm)].map((m) =>
    (m[1] ?? '').replace(/\s+/g, ' '),
  );

/** `pnpm tour` in a real pseudo-terminal, as a student's shell runs it. */
function inTerminal(ctx: TestContext, args: string[], env: Record<string, string>) {
  const pty: IPty = spawn(
    process.execPath,
    ['--conditions=@cbd/source', '--import', 'tsx', 'src/tour.ts', ...args],
    { cwd: SCRIPTS_DIR, cols: 100, rows: 40, env: { PATH: process.env.PATH ?? '', ...env } },
  );
  let output = '';
  pty.onData((data) => (output += data));
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  let done = false;
  void exited.then(() => (done = true));
  ctx.onTestFinished(async () => {
    if (done) return;
    pty.kill('SIGINT');
    await exited;
  });
  const count = (text: string) => output.split(text).length - 1;
  return {
    output: () => output,
    exited,
    type: (keys: string) => pty.write(keys),
    /** Waits until `text` has been printed `times` times in all. */
    async waitFor(text: string, times = 1, timeoutMs = 60_000) {
      await expect
        .poll(() => count(text), { timeout: timeoutMs, interval: 50 })
        .toBeGreaterThanOrEqual(times);
    },
  };
}

describe('pnpm tour (end to end)', () => {
  it('when run with --auto --quick, then every step prints an answer with figures, it exits 0 within 2 minutes and frees every port', async () => {
    const ports = await freePorts(4);
    const started = Date.now();

    const run = runScript('tour.ts', ['--auto', '--quick'], stackPortEnv(ports));
    const { code } = await run.exited;

    expect(code, run.output()).toBe(0);
    expect(Date.now() - started).toBeLessThan(120_000);
    for (const [i, step] of TOUR_STEPS.entries()) {
      expect(run.output()).toContain(`Step ${i + 1} of ${TOUR_STEPS.length} · ${step.title}`);
    }
    const answers = answersIn(run.output());
    expect(answers).toHaveLength(TOUR_STEPS.length);
    for (const answer of answers) expect(answer).toMatch(/\d/);
    expect(run.output()).toMatch(/Tour done: 10 steps in \d+ s\./);
    expect(await allFree(ports)).toBe(true);
  }, 150_000);

  it('when driven through a terminal, then Enter goes on, b goes back, r repeats, and q quits a running step at once and frees every port', async (ctx) => {
    const ports = await freePorts(4);
    const tour = inTerminal(ctx, ['--quick'], stackPortEnv(ports));
    const hint = 'Enter next · r repeat · b back · q quit\r\n';
    const step = (n: number) => `━━ Step ${n} of 10`;

    await tour.waitFor(hint, 1);
    tour.type('\r');
    await tour.waitFor(step(2));
    await tour.waitFor(hint, 2);
    tour.type('b');
    await tour.waitFor(step(1), 2);
    await tour.waitFor(hint, 3);
    tour.type('r');
    await tour.waitFor(step(1), 3);
    await tour.waitFor(hint, 4);
    tour.type('\r');
    await tour.waitFor(step(2), 2);
    await tour.waitFor('so far (q quits)');
    const quitAt = Date.now();
    tour.type('q');

    expect(await tour.exited).toBe(0);
    expect(Date.now() - quitAt).toBeLessThan(10_000);
    expect(tour.output()).toContain('Tour ended after 4 steps');
    expect(answersIn(tour.output())).toHaveLength(4);
    expect(await allFree(ports)).toBe(true);
  }, 120_000);

  it('when run with --live, then the page follows the tour, its next button moves the terminal on, and its port is freed', async (ctx) => {
    const ports = await freePorts(5);
    const env = { ...stackPortEnv(ports), DASHBOARD_PORT: String(ports[4]) };
    const tour = inTerminal(ctx, ['--quick', '--live'], env);
    const page = `http://127.0.0.1:${ports[4]}`;

    await tour.waitFor('Live page, following the tour: ');
    await tour.waitFor('Enter next · r repeat · b back · q quit\r\n');
    const before = (await (await fetch(`${page}/api/snapshot`)).json()) as {
      load: unknown;
      tour: { index: number; title: string } | null;
    };
    const next = await fetch(`${page}/api/tour/next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await tour.waitFor('━━ Step 2 of 10');
    const after = (await (await fetch(`${page}/api/snapshot`)).json()) as typeof before;
    tour.type('q');

    expect(before.load).toBeNull();
    expect(before.tour).toMatchObject({ index: 0, title: TOUR_STEPS[0]!.title });
    expect(next.status).toBe(200);
    expect(after.tour?.index).toBe(1);
    expect(await tour.exited).toBe(0);
    expect(await allFree(ports)).toBe(true);
  }, 120_000);

  it('when Ctrl-C is pressed in the terminal, then it stops the tour and the services and exits 0', async (ctx) => {
    const ports = await freePorts(4);
    const tour = inTerminal(ctx, ['--quick', '--step', '8'], stackPortEnv(ports));

    await tour.waitFor('━━ Step 8 of 10');
    tour.type('\x03');

    expect(await tour.exited).toBe(0);
    expect(tour.output()).toContain('pnpm tour: SIGINT, stopping the tour and the services...');
    expect(tour.output()).toContain('Tour stopped; every service it started is stopped.');
    expect(await allFree(ports)).toBe(true);
  }, 60_000);

  it('when stdin is not a terminal and --auto is not given, then it says why and exits 2 before starting anything', async () => {
    const ports = await freePorts(4);
    const run = runScript('tour.ts', ['--quick'], stackPortEnv(ports));

    const { code } = await run.exited;

    expect(code).toBe(2);
    expect(run.output()).toContain('the tour reads its keys from a terminal, and stdin is not one');
    expect(run.output()).not.toContain('Starting the four services');
  });

  it('when --step is outside the tour, then it names the range and exits 2', async () => {
    const run = runScript('tour.ts', ['--auto', '--step', '11'], {});

    const { code } = await run.exited;

    expect(code).toBe(2);
    expect(run.output()).toContain('--step must be a whole number from 1 to 10, got "11"');
  });
});
