import { EXIT } from '../demo/exit-codes.js';

type StopSignal = 'SIGINT' | 'SIGTERM';

export interface Interrupts {
  /** Aborted on the first Ctrl-C (or SIGTERM), or by abort() (e.g. a service died). */
  readonly signal: AbortSignal;
  abort(reason: Error): void;
  /** Which signal stopped the run, if one did. */
  readonly by: StopSignal | undefined;
  dispose(): void;
}

/**
 * The first Ctrl-C aborts the run, whose `finally` blocks stop every child; a second one exits
 * at once (the children, in their own process groups, notice their orchestrator is gone).
 */
export function handleInterrupts(command: string, stopping: string): Interrupts {
  const controller = new AbortController();
  let by: StopSignal | undefined;
  const onSignal = (signal: StopSignal) => {
    if (by) {
      console.error(`\n${signal} again: exiting now.`);
      process.exit(EXIT[signal]);
    }
    by = signal;
    console.error(`\n${command}: ${signal}, ${stopping}...`);
    controller.abort(new Error(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    get by() {
      return by;
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
