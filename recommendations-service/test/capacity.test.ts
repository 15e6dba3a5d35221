import { CALLER_HEADER } from '@cbd/common';
import { startApp, timedGet, type RunningApp } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { appWith } from './helpers.js';

let running: RunningApp | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serve(...args: Parameters<typeof appWith>) {
  running = await startApp(appWith(...args));
  return running.url;
}

const state = async (url: string) => (await timedGet(`${url}/admin/failure`)).body;
const capacityOf = async (url: string) => (await state(url)).capacity;
const post = (url: string, body: unknown) =>
  timedGet(`${url}/admin/failure`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A call that its caller abandons at once when `abort` is called. */
function abandonable(url: string) {
  const controller = new AbortController();
  const call = fetch(`${url}/recommendations/1`, {
    signal: controller.signal,
    headers: { [CALLER_HEADER]: 'impatient' },
  }).then(
    () => 'answered',
    () => 'abandoned',
  );
  return { call, abort: () => controller.abort() };
}

describe('recommendations-service capacity', () => {
  it('when CAPACITY=2 and WORK_MS=50, then a third call at once waits in line and is served after one of the first two', async () => {
    const url = await serve({ mode: 'healthy' }, undefined, { capacity: { limit: 2, workMs: 50 } });

    const calls = [1, 2, 3].map(() => timedGet(`${url}/recommendations/1`));
    await expect.poll(() => capacityOf(url)).toEqual({ limit: 2, workMs: 50, busy: 2, queued: 1 });
    const [first, second, third] = await Promise.all(calls);

    expect([first!.status, second!.status, third!.status]).toEqual([200, 200, 200]);
    expect(first!.ms).toBeGreaterThanOrEqual(45);
    expect(third!.ms).toBeGreaterThanOrEqual(95);
    expect(await capacityOf(url)).toMatchObject({ busy: 0, queued: 0 });
  });

  it('when no capacity is set, then calls never wait for each other', async () => {
    const url = await serve({ mode: 'slow', latencyMs: 100 });

    const calls = await Promise.all(
      [1, 2, 3, 4, 5].map(() => timedGet(`${url}/recommendations/1`)),
    );

    expect(Math.max(...calls.map((c) => c.ms))).toBeLessThan(190);
    expect((await state(url)).capacity).toEqual({ limit: 0, workMs: 0, busy: 0, queued: 0 });
  });

  it('when a queued call is abandoned by its caller, then it is still served, taking its place and its time', async () => {
    const url = await serve({ mode: 'healthy' }, undefined, {
      capacity: { limit: 1, workMs: 100 },
    });
    const first = timedGet(`${url}/recommendations/1`);
    await expect.poll(() => capacityOf(url)).toMatchObject({ busy: 1 });
    const gone = abandonable(url);
    await expect.poll(() => capacityOf(url)).toMatchObject({ queued: 1 });

    gone.abort();
    expect(await gone.call).toBe('abandoned');
    await first;
    const busyAfterFirst = await capacityOf(url);
    const later = await timedGet(`${url}/recommendations/1`);

    expect(busyAfterFirst).toMatchObject({ busy: 1, queued: 0 });
    expect((await state(url)).callers.impatient).toEqual({ total: 1, inFlight: 0 });
    expect(later.status).toBe(200);
    // It waited for the abandoned call's 100 ms of work (less what passed since), then did its own.
    expect(later.ms).toBeGreaterThanOrEqual(120);
  });

  it('when a hang holds every place and the mode goes back to healthy, then the stuck place is not freed until the hang ends', async () => {
    const url = await serve({ mode: 'hang', hangMs: 300 }, undefined, { capacity: { limit: 1 } });
    const stuck = abandonable(url);
    await expect.poll(() => capacityOf(url)).toMatchObject({ busy: 1 });
    stuck.abort();
    await stuck.call;

    await post(url, { mode: 'healthy' });
    const next = await timedGet(`${url}/recommendations/1`);

    expect(next.status).toBe(200);
    expect(next.ms).toBeGreaterThanOrEqual(200);
    expect((await state(url)).hanging).toBe(0);
  });

  it('when the capacity is raised at run time, then calls in line start at once', async () => {
    const url = await serve({ mode: 'healthy' }, undefined, {
      capacity: { limit: 1, workMs: 300 },
    });
    const calls = [1, 2, 3].map(() => timedGet(`${url}/recommendations/1`));
    await expect.poll(() => capacityOf(url)).toMatchObject({ busy: 1, queued: 2 });

    const changed = await post(url, { mode: 'healthy', capacity: 3, workMs: 20 });
    const answers = await Promise.all(calls);

    expect(changed.body.capacity).toEqual({ limit: 3, workMs: 20, busy: 3, queued: 0 });
    // The two that waited started when the limit rose, with the new, shorter work.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(550);
  });

  it('when calls are in line or at work, then they count in flight for their caller until they are done', async () => {
    const url = await serve({ mode: 'healthy' }, undefined, { capacity: { limit: 1, workMs: 80 } });
    const headers = (caller: string) => ({ headers: { [CALLER_HEADER]: caller } });
    const calls = [
      timedGet(`${url}/recommendations/1`, headers('gateway-v1')),
      timedGet(`${url}/recommendations/2`, headers('gateway-v1')),
      timedGet(`${url}/recommendations/3`, headers('gateway-v2')),
    ];
    await expect.poll(() => capacityOf(url)).toMatchObject({ busy: 1, queued: 2 });

    const during = (await state(url)).callers;
    await Promise.all(calls);
    const after = (await state(url)).callers;

    expect(during).toEqual({
      'gateway-v1': { total: 2, inFlight: 2 },
      'gateway-v2': { total: 1, inFlight: 1 },
    });
    expect(after).toEqual({
      'gateway-v1': { total: 2, inFlight: 0 },
      'gateway-v2': { total: 1, inFlight: 0 },
    });
  });

  it('when a call has a bad id or names no caller, then it is still counted, as unknown', async () => {
    const url = await serve({ mode: 'healthy' });

    await timedGet(`${url}/recommendations/x`);
    await timedGet(`${url}/recommendations/1`);

    expect((await state(url)).callers).toEqual({ unknown: { total: 2, inFlight: 0 } });
  });
});
