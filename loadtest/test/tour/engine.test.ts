import { describe, expect, it } from 'vitest';
import { TourStepError } from '../../src/errors.js';
import { createTour, type TourView } from '../../src/tour/engine.js';
import { tourSettings } from '../../src/tour/settings.js';
import type { StepTools, TourStep } from '../../src/tour/step.js';
import { answers, fakeIo, NO_STACK } from './fake-io.js';

/** Steps that record each run and answer with their name and how many times they ran. */
function recordingSteps(names: string[], run?: (t: StepTools, name: string) => Promise<void>) {
  const runs: string[] = [];
  const steps: TourStep[] = names.map((name) => ({
    title: name,
    intro: () => `${name} intro`,
    notice: () => `${name} notice`,
    question: `${name}?`,
    async run(t) {
      runs.push(name);
      await run?.(t, name);
      return `${name} answered, run ${runs.length}`;
    },
  }));
  return { steps, runs };
}

function tourOf(
  steps: TourStep[],
  more: { auto?: boolean; startAt?: number; signal?: AbortSignal } = {},
) {
  const fake = fakeIo();
  const tour = createTour({
    steps,
    stack: NO_STACK,
    settings: tourSettings(true),
    io: fake.io,
    auto: more.auto ?? false,
    ...(more.startAt === undefined ? {} : { startAt: more.startAt }),
    ...(more.signal ? { signal: more.signal } : {}),
  });
  /** Waits until the step on screen has its answer and a key is being read, then presses. */
  const press = async (key: Parameters<typeof fake.press>[0]) => {
    await expect.poll(() => tour.current()?.state !== 'running' && fake.reading()).toBe(true);
    fake.press(key);
  };
  return { tour, fake, press };
}

describe('the tour engine', () => {
  it('when run with auto, then it runs every step once in order, prints each answer and finishes without reading a key', async () => {
    const { steps, runs } = recordingSteps(['a', 'b', 'c']);
    const { tour, fake } = tourOf(steps, { auto: true });

    const end = await tour.run();

    expect(end).toEqual({ how: 'finished', stepsRun: 3 });
    expect(runs).toEqual(['a', 'b', 'c']);
    expect(answers(fake.text())).toEqual([
      'a answered, run 1',
      'b answered, run 2',
      'c answered, run 3',
    ]);
    expect(fake.text()).toContain('━━ Step 2 of 3 · b');
    expect(fake.reading()).toBe(false);
  });

  it('when Enter, b, r, Enter and q are pressed, then it goes forward, back, repeats, forward and quits', async () => {
    const { steps, runs } = recordingSteps(['a', 'b', 'c']);
    const { tour, press } = tourOf(steps);

    const ended = tour.run();
    await press('next');
    await press('back');
    await press('repeat');
    await press('next');
    await press('quit');

    expect(await ended).toEqual({ how: 'quit', stepsRun: 5 });
    expect(runs).toEqual(['a', 'b', 'a', 'a', 'b']);
  });

  it('when b is pressed on the first step, then it runs the first step again', async () => {
    const { steps, runs } = recordingSteps(['a', 'b']);
    const { tour, press } = tourOf(steps);

    const ended = tour.run();
    await press('back');
    await press('quit');
    await ended;

    expect(runs).toEqual(['a', 'a']);
  });

  it('when started at a step, then it begins there, and Enter after the last step finishes the tour', async () => {
    const { steps, runs } = recordingSteps(['a', 'b', 'c']);
    const { tour, fake, press } = tourOf(steps, { startAt: 1 });

    const ended = tour.run();
    await press('next');
    await press('next');

    expect(await ended).toEqual({ how: 'finished', stepsRun: 2 });
    expect(runs).toEqual(['b', 'c']);
    expect(fake.text()).toContain('Enter ends the tour');
  });

  it('when the start step is outside the tour, then it throws before anything runs', () => {
    const { steps } = recordingSteps(['a']);

    expect(() => tourOf(steps, { startAt: 1 })).toThrow(RangeError);
  });

  it('when q is pressed during a long wait, then the wait ends at once with an AbortError and the tour quits', async () => {
    let caught: unknown;
    const { steps, runs } = recordingSteps(['a', 'b'], async (t) => {
      try {
        await t.wait(60_000, 'a long wait');
      } catch (err) {
        caught = err;
        throw err;
      }
    });
    const { tour, fake } = tourOf(steps);
    const started = Date.now();

    const ended = tour.run();
    await expect.poll(() => fake.statuses.some((s) => s.includes('a long wait'))).toBe(true);
    fake.press('quit');

    expect(await ended).toEqual({ how: 'quit', stepsRun: 0 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((caught as Error).name).toBe('AbortError');
    expect(runs).toEqual(['a']);
  });

  it('when Enter is pressed while a step runs, then it is ignored: the tour waits for a key once the step is answered', async () => {
    const { steps, runs } = recordingSteps(['a', 'b'], (t) => t.wait(200, 'busy'));
    const { tour, fake, press } = tourOf(steps);

    const ended = tour.run();
    await expect.poll(() => fake.statuses.some((s) => s.includes('busy'))).toBe(true);
    expect(fake.press('next')).toBe(true);
    await expect.poll(() => tour.current()?.state).toBe('answered');

    expect(tour.current()?.index).toBe(0);
    await press('quit');
    await ended;
    expect(runs).toEqual(['a']);
  });

  it('when the stop signal aborts, then the running step is cut short and the tour ends as quit', async () => {
    const stop = new AbortController();
    const { steps } = recordingSteps(['a'], (t) => t.wait(60_000, 'waiting'));
    const { tour, fake } = tourOf(steps, { signal: stop.signal });

    const ended = tour.run();
    await expect.poll(() => fake.statuses.length).toBeGreaterThan(0);
    stop.abort();

    expect((await ended).how).toBe('quit');
  });

  it('when followed through the feed, then it tells each step running and answered, next() moves on once that step has run, and null at the end', async () => {
    const { steps } = recordingSteps(['a', 'b']);
    const { tour } = tourOf(steps);
    const seen: (Pick<TourView, 'index' | 'state' | 'title'> | null)[] = [];
    tour.subscribe((view) =>
      seen.push(view && { index: view.index, state: view.state, title: view.title }),
    );

    const ended = tour.run();
    await expect.poll(() => tour.current()?.state).toBe('answered');
    expect(tour.current()).toMatchObject({
      index: 0,
      count: 2,
      notice: 'a notice',
      answer: 'a answered, run 1',
    });
    await tour.next();
    expect(tour.current()).toMatchObject({
      index: 1,
      state: 'answered',
      answer: 'b answered, run 2',
    });
    await tour.next();
    await ended;

    expect(tour.current()).toBeNull();
    expect(seen).toEqual([
      { index: 0, state: 'running', title: 'a' },
      { index: 0, state: 'answered', title: 'a' },
      { index: 1, state: 'running', title: 'b' },
      { index: 1, state: 'answered', title: 'b' },
      null,
    ]);
  });

  it('when next() is called while a step runs, then the tour moves on as soon as that step has answered', async () => {
    const { steps, runs } = recordingSteps(['a', 'b'], (t, name) =>
      name === 'a' ? t.wait(150, 'busy') : Promise.resolve(),
    );
    const { tour } = tourOf(steps);

    const ended = tour.run();
    await expect.poll(() => tour.current()?.state).toBe('running');
    await tour.next();

    expect(runs).toEqual(['a', 'b']);
    await tour.quit();
    expect((await ended).how).toBe('quit');
  });

  it('when a step fails in an interactive tour, then it says why and r runs it again', async () => {
    let attempts = 0;
    const { steps, runs } = recordingSteps(['a'], () => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('service said no')) : Promise.resolve();
    });
    const { tour, fake, press } = tourOf(steps);

    const ended = tour.run();
    await expect.poll(() => tour.current()?.state).toBe('failed');
    expect(fake.text()).toContain('step 1 (a) could not finish: service said no');
    await press('repeat');
    await expect.poll(() => tour.current()?.state).toBe('answered');
    await press('quit');
    await ended;

    expect(runs).toEqual(['a', 'a']);
  });

  it('when a step fails in an auto run, then the run rejects with a TourStepError naming the step', async () => {
    const { steps } = recordingSteps(['a', 'b'], (_t, name) =>
      name === 'b' ? Promise.reject(new Error('boom')) : Promise.resolve(),
    );
    const { tour } = tourOf(steps, { auto: true });

    const failure = await tour.run().catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(TourStepError);
    expect((failure as TourStepError).step).toBe(2);
  });
});
