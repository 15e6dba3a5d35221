import { setTimeout as sleep } from 'node:timers/promises';

/** What a key (or the dashboard's button) asks the tour to do. */
export const TOUR_KEYS = ['next', 'repeat', 'back', 'quit'] as const;
export type TourKey = (typeof TOUR_KEYS)[number];

/**
 * Where the tour prints and reads its keys: a terminal in raw mode for `pnpm tour`, a fake in
 * tests. The tour never touches process.stdin or stdout itself.
 */
export interface TourIo {
  /** Prints text (one or more lines) after the status line, which it clears. */
  print(text: string): void;
  /** Replaces the one status line (a countdown, a load's second); '' clears it. */
  status(line: string): void;
  /**
   * The next key pressed from now on (earlier ones are not kept); rejects with the signal's
   * reason once it aborts.
   */
  readKey(signal: AbortSignal): Promise<TourKey>;
  /** Resolves after ms; rejects once the signal aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
}

/** The real clock's wait, for any IO. */
export const realWait = (ms: number, signal: AbortSignal): Promise<void> =>
  sleep(ms, undefined, { signal });
