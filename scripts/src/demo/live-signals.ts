import { EXIT } from './exit-codes.js';

export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface StopRequest {
  /** Resolves with the first SIGINT or SIGTERM. */
  readonly requested: Promise<StopSignal>;
  readonly signal: StopSignal | undefined;
  uninstall(): void;
}

/**
 * The first Ctrl-C asks for an orderly stop; a second one exits at once (the services notice
 * their orchestrator is gone through the IPC channel and stop themselves).
 */
export function onStopRequest(say: (line: string) => void): StopRequest {
  let received: StopSignal | undefined;
  let resolve: (signal: StopSignal) => void = () => undefined;
  const requested = new Promise<StopSignal>((r) => (resolve = r));
  const handler = (signal: StopSignal) => {
    if (received) {
      say(`\n${signal} again: exiting now.`);
      process.exit(EXIT[signal]);
    }
    received = signal;
    say(`\n${signal}: stopping the load, the dashboard and the services...`);
    resolve(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    requested,
    get signal() {
      return received;
    },
    uninstall() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
