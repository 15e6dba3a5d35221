import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/** A call's signal: aborted once `ms` have passed, or as soon as `signal` aborts. */
export interface TimeLimit {
  readonly signal: AbortSignal;
  /** Stops the timer and lets go of `signal`; call it when the call has ended. */
  clear(): void;
}

/**
 * Built from a controller and a timer rather than
 * `AbortSignal.any([AbortSignal.timeout(ms), signal])`: Node 20 holds a timeout signal inside
 * `any` only weakly, so a garbage collection before the time is up cancels its timer and the
 * call then waits for as long as the server takes.
 */
export function timeLimit(ms: number, signal: AbortSignal): TimeLimit {
  const controller = new AbortController();
  const follow = () => controller.abort(signal.reason);
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    ms,
  );
  if (signal.aborted) follow();
  else signal.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      signal.removeEventListener('abort', follow);
    },
  };
}

/**
 * A controller whose signal ends many calls at once, each with its own time limit (a prober's
 * end): each call in flight listens to it, so a hung route keeps a timeout's worth of listeners
 * on it, which is the design, not a leak, and must not raise MaxListenersExceededWarning.
 */
export function sharedEnd(): AbortController {
  const end = new AbortController();
  setMaxListeners(Infinity, end.signal);
  return end;
}

/**
 * Waits until Date.now() reaches `at` (epoch ms), or rejects when `signal` aborts. Timers run on
 * the event loop's clock, which can be a millisecond ahead of Date.now(), so the wait is taken
 * again while it is short: a moment timed from a Date.now() t0 is never reached early.
 */
export async function waitUntil(at: number, signal?: AbortSignal): Promise<void> {
  let wait = at - Date.now();
  do {
    await sleep(Math.max(0, wait), undefined, { signal });
    wait = at - Date.now();
  } while (wait > 0);
}
