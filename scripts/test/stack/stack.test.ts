import { SERVICE_NAMES } from '@cbd/loadtest';
import { describe, expect, it, vi } from 'vitest';
import type { LaunchError } from '../../src/errors.js';
import { planStack, type StackPlan } from '../../src/stack/service-env.js';
import { Stack } from '../../src/stack/stack.js';
import { allFree, freePorts, stackPortEnv } from '../helpers/free-ports.js';
import { waitFor } from '../helpers/wait-for.js';

async function plan(): Promise<{ plan: StackPlan; ports: number[] }> {
  const ports = await freePorts(4);
  const env = { PATH: process.env.PATH, SHUTDOWN_GRACE_MS: '100', ...stackPortEnv(ports) };
  return { plan: planStack(env, '127.0.0.1', {}), ports };
}

async function startFailure(start: Promise<Stack>): Promise<LaunchError> {
  return start.then(
    () => {
      throw new Error('the stack started');
    },
    (err: LaunchError) => err,
  );
}

describe('Stack', () => {
  it('when a service dies while the stack runs, then the run is failed once, naming it with its own last lines', async () => {
    const { plan: stackPlan, ports } = await plan();
    const run = { signal: new AbortController().signal, fail: vi.fn() };
    const stack = await Stack.start(stackPlan, { run });

    process.kill(stack.pid('gateway-v1'), 'SIGKILL');
    await waitFor('the run to be failed', () => run.fail.mock.calls.length > 0, {
      intervalMs: 20,
      timeoutMs: 5000,
    });
    await stack.stop();

    expect(run.fail).toHaveBeenCalledTimes(1);
    const [err] = run.fail.mock.calls[0] as [LaunchError];
    expect(err.code).toBe('SERVICE_DIED');
    expect(err.message).toBe('gateway-v1 exited unexpectedly (SIGKILL)');
    expect(err.output?.lines).toContain('gateway-v1 listening on');
    expect(await allFree(ports)).toBe(true);
  }, 30_000);

  it('when a service is killed by someone else just before the stack is stopped, then its death is still told', async () => {
    const { plan: stackPlan } = await plan();
    const run = { signal: new AbortController().signal, fail: vi.fn() };
    const stack = await Stack.start(stackPlan, { run });

    process.kill(stack.pid('recommendations-service'), 'SIGKILL');
    await stack.stop();

    expect(run.fail).toHaveBeenCalledTimes(1);
    expect(run.fail.mock.calls[0]?.[0]).toMatchObject({
      code: 'SERVICE_DIED',
      message: 'recommendations-service exited unexpectedly (SIGKILL)',
    });
  }, 30_000);

  it('when the stack is stopped, then no death is told', async () => {
    const { plan: stackPlan } = await plan();
    const run = { signal: new AbortController().signal, fail: vi.fn() };
    const stack = await Stack.start(stackPlan, { run });

    await stack.stop();

    expect(run.fail).not.toHaveBeenCalled();
  }, 30_000);

  it('when a service exits before it is ready, then the error names it and shows its own lines, and the others are stopped', async () => {
    const { plan: stackPlan, ports } = await plan();
    stackPlan.envs['recommendations-service'].LOG_LEVEL = 'loud';

    const err = await startFailure(Stack.start(stackPlan));

    expect(err.code).toBe('SERVICE_EXITED_EARLY');
    expect(err.message).toBe('recommendations-service exited (code 1) before it was ready');
    expect(err.output?.service).toBe('recommendations-service');
    expect(err.output?.lines).toContain('LOG_LEVEL="loud"');
    for (const other of SERVICE_NAMES.filter((n) => n !== 'recommendations-service')) {
      expect(err.output?.lines).not.toContain(other);
    }
    expect(await allFree(ports)).toBe(true);
  }, 30_000);

  it('when a service does not answer /health in time, then the error names it and shows its own lines', async () => {
    const { plan: stackPlan, ports } = await plan();
    const [elsewhere] = await freePorts(1);
    stackPlan.envs['product-service'].PORT = String(elsewhere);

    const err = await startFailure(Stack.start(stackPlan, { readyTimeoutMs: 6000 }));

    expect(err.code).toBe('SERVICE_NOT_READY');
    expect(err.message).toBe('product-service did not answer GET /health within 6 s');
    expect(err.output?.lines).toContain(
      `product-service listening on http://127.0.0.1:${elsewhere}`,
    );
    expect(await allFree([...ports, elsewhere ?? 0])).toBe(true);
  }, 30_000);

  it('when its run is stopped while it starts, then it stops the services and rejects with the reason', async () => {
    const { plan: stackPlan, ports } = await plan();
    const controller = new AbortController();
    const run = { signal: controller.signal, fail: vi.fn() };
    const start = Stack.start(stackPlan, { run });
    setTimeout(() => controller.abort(new Error('SIGINT')), 200);

    await expect(start).rejects.toThrow('SIGINT');

    expect(run.fail).not.toHaveBeenCalled();
    expect(await allFree(ports)).toBe(true);
  }, 30_000);
});
