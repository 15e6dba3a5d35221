import type { TourFeed, TourListener, TourView } from '../live/types.js';
import { TourStepError } from '../errors.js';
import type { TourIo, TourKey } from './io.js';
import { TourHttp } from './requests.js';
import type { TourSettings } from './settings.js';
import { describeStack, longestWaitMs, type TourStack } from './stack.js';
import type { TourStep } from './step.js';
import { header, wrap } from './layout.js';
import { createStepTools } from './tools.js';

export type { TourFeed, TourListener, TourView } from '../live/types.js';

export interface Tour extends TourFeed {
  /** As r: the same step again, from its start state. */
  repeat(): Promise<void>;
  /** As b: the step before (the first stays the first). */
  back(): Promise<void>;
  /** As q: stops the step that runs (its waits and requests) and ends the tour. */
  quit(): Promise<void>;
  /** Runs the tour until its last step is done and moved past, or it is quit. */
  run(): Promise<TourEnd>;
}

export interface TourEnd {
  how: 'finished' | 'quit';
  /** Steps run to their end (answered or failed), repeats included; one cut short by quit is not. */
  stepsRun: number;
}

export interface TourOptions {
  steps: readonly TourStep[];
  stack: TourStack;
  settings: TourSettings;
  io: TourIo;
  /** Every step in a row without waiting for a key (rehearsals, CI); q still quits. */
  auto: boolean;
  /** 0-based step to start at. */
  startAt?: number;
  /** Stops the tour from outside (Ctrl-C as a signal, a service that died), as q does. */
  signal?: AbortSignal;
  /** Where lines are wrapped. */
  width?: number;
}

interface Request {
  key: Exclude<TourKey, 'quit'>;
  settled: () => void;
}

const HINT = 'Enter next · r repeat · b back · q quit';
const LAST_HINT = 'Enter ends the tour · r repeat · b back · q quit';

/**
 * The tour: runs its steps one at a time through `io`, moving on the keys read from it (Enter
 * next, r repeat, b back, q quit) or on calls to next(), repeat(), back() and quit().
 */
export function createTour(options: TourOptions): Tour {
  const { steps, stack, settings, io, auto, startAt = 0, width = 96 } = options;
  if (!Number.isInteger(startAt) || startAt < 0 || startAt >= steps.length)
    throw new RangeError(`startAt must be a step from 0 to ${steps.length - 1}, got ${startAt}`);
  const quitting = new AbortController();
  const onOuterAbort = () => quitting.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) onOuterAbort();

  const http = new TourHttp(stack.targets, stack.adminToken, longestWaitMs(stack) + 5000);
  const listeners = new Set<TourListener>();
  let view: TourView | null = null;
  let ended = false;
  const requests: Request[] = [];
  let wake: (() => void) | undefined;
  let settleAfterStep: (() => void)[] = [];
  let resolveEnd: () => void = () => undefined;
  const endedPromise = new Promise<void>((resolve) => (resolveEnd = resolve));

  const show = (next: TourView | null) => {
    view = next;
    for (const listener of listeners) listener(next);
  };
  const say = (text: string) => io.print(wrap(text, width));

  const ask = (key: TourKey): Promise<void> => {
    if (ended) return Promise.resolve();
    if (key === 'quit') {
      quitting.abort(new DOMException('The tour was quit', 'AbortError'));
      return endedPromise;
    }
    if (auto) return Promise.resolve();
    return new Promise((settled) => {
      requests.push({ key, settled });
      wake?.();
    });
  };

  /** Keys while a step runs: only q counts (an Enter pressed in impatience must not skip). */
  const watchQuit = async (signal: AbortSignal) => {
    try {
      for (;;) if ((await io.readKey(signal)) === 'quit') void ask('quit');
    } catch {
      // The step ended: no more keys are read for it.
    }
  };

  const waitForKey = async (): Promise<TourKey> => {
    const queued = requests.shift();
    if (queued) {
      settleAfterStep.push(queued.settled);
      return queued.key;
    }
    const done = new AbortController();
    const signal = AbortSignal.any([done.signal, quitting.signal]);
    const fromFeed = new Promise<TourKey>((resolve) => {
      wake = () => {
        const request = requests.shift();
        if (!request) return;
        settleAfterStep.push(request.settled);
        resolve(request.key);
      };
    });
    const quit = new Promise<TourKey>((resolve) =>
      signal.addEventListener('abort', () => resolve('quit'), { once: true }),
    );
    try {
      return await Promise.race([io.readKey(signal).catch(() => 'quit' as const), fromFeed, quit]);
    } finally {
      wake = undefined;
      done.abort();
    }
  };

  const runStep = async (index: number): Promise<'answered' | 'failed' | 'quit'> => {
    const step = steps[index];
    if (!step) throw new RangeError(`no step ${index}`);
    const base = {
      index,
      count: steps.length,
      title: step.title,
      notice: step.notice(stack),
      question: step.question,
    };
    io.print(`\n${header(`Step ${index + 1} of ${steps.length} · ${step.title}`, width)}`);
    say(step.intro(stack));
    io.print('');
    show({ ...base, state: 'running', answer: null });
    const watching = new AbortController();
    void watchQuit(AbortSignal.any([watching.signal, quitting.signal]));
    const tools = createStepTools({ io, http, stack, settings, signal: quitting.signal, width });
    try {
      const answer = await step.run(tools);
      io.print('');
      say(`Notice: ${base.notice}`);
      say(`Question: ${step.question}`);
      say(`Answer: ${answer}`);
      show({ ...base, state: 'answered', answer });
      return 'answered';
    } catch (err) {
      if (quitting.signal.aborted) return 'quit';
      const failure = new TourStepError(index + 1, step.title, err);
      if (auto) throw failure;
      say(`\n${failure.message}. r tries it again.`);
      show({ ...base, state: 'failed', answer: null });
      return 'failed';
    } finally {
      watching.abort();
      io.status('');
    }
  };

  return {
    current: () => view,
    next: () => ask('next'),
    repeat: () => ask('repeat'),
    back: () => ask('back'),
    quit: () => ask('quit'),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async run() {
      let index = startAt;
      let stepsRun = 0;
      let how: TourEnd['how'] = 'quit';
      say(
        `A guided tour of the circuit breaker in ${steps.length} steps: each says what it does, ` +
          'prints the curl commands and runs them, then answers its question from what it ' +
          `measured.${auto ? '' : ` Keys: ${HINT}.`}`,
      );
      io.print(describeStack(stack));
      try {
        while (index < steps.length && !quitting.signal.aborted) {
          const outcome = await runStep(index);
          for (const settled of settleAfterStep) settled();
          settleAfterStep = [];
          if (outcome === 'quit') break;
          stepsRun += 1;
          if (auto) {
            index += 1;
            continue;
          }
          io.print(`\n${index === steps.length - 1 ? LAST_HINT : HINT}`);
          const key = await waitForKey();
          if (key === 'quit') break;
          if (key === 'next') index += 1;
          else if (key === 'back') index = Math.max(0, index - 1);
        }
        if (index >= steps.length) how = 'finished';
      } finally {
        ended = true;
        options.signal?.removeEventListener('abort', onOuterAbort);
        await http.close();
        for (const settled of [...settleAfterStep, ...requests.map((r) => r.settled)]) settled();
        resolveEnd();
        show(null);
      }
      return { how, stepsRun };
    },
  };
}
