import { EXIT } from './exit-codes.js';
import { watchLaunchChain } from './launch-chain.js';

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';
const SIGNALS: StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * How soon after the first stop signal another one is still the same Ctrl-C. The terminal
 * sends SIGINT to every process of the job, and each pnpm between it and this one forwards
 * its own to its child, then sends SIGTERM when a second arrives: one key press reaches this
 * process two or three times within milliseconds. A person pressing again takes longer.
 */
export const ECHO_WITHIN_MS = 500;

export interface Interrupts {
  /** Aborted on the first stop signal, when the launch chain breaks, or by fail(). */
  readonly signal: AbortSignal;
  /** What stopped the run, if something did; a broken launch chain counts as SIGHUP (hang-up). */
  readonly by: StopSignal | undefined;
  /** As if `by` had arrived: e.g. a Ctrl-C key read in raw mode, where no SIGINT is sent. */
  interrupt(by: StopSignal): void;
  /** Stops the run because of `reason` (e.g. a service died). */
  fail(reason: Error): void;
  /** Why the run was failed, if it was. */
  readonly failure: Error | undefined;
  dispose(): void;
}

/**
 * The one way every launcher is stopped from outside: SIGINT (Ctrl-C), SIGTERM, SIGHUP, or the
 * processes that started it gone. The first aborts the run, whose `finally` blocks stop every
 * child; a second signal, once the first's echoes are over, exits at once (the children, in
 * their own process groups, notice their launcher is gone by their IPC channel closing).
 * `onStop` says what is happening.
 */
export function watchInterrupts(onStop: (why: string) => void): Interrupts {
  const controller = new AbortController();
  let by: StopSignal | undefined;
  let byAt = 0;
  let failure: Error | undefined;
  const stop = (signal: StopSignal, why: string) => {
    if (by) {
      if (performance.now() - byAt < ECHO_WITHIN_MS) return;
      console.error(`\n${signal} again: exiting now.`);
      process.exit(EXIT[signal]);
    }
    by = signal;
    byAt = performance.now();
    onStop(why);
    controller.abort(new Error(why));
  };
  const onSignal = (signal: StopSignal) => stop(signal, signal);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  const unwatch = watchLaunchChain(() => {
    if (!by) stop('SIGHUP', 'the process that started it is gone');
  });
  return {
    signal: controller.signal,
    get by() {
      return by;
    },
    interrupt: onSignal,
    fail(reason) {
      if (controller.signal.aborted) return;
      failure = reason;
      controller.abort(reason);
    },
    get failure() {
      return failure;
    },
    dispose() {
      unwatch();
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}
