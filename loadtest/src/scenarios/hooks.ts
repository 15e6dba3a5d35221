import type { OnSecond } from './ticker.js';

export interface ScenarioHooks {
  /** Aborting stops the load at once; the scenario then rejects with an AbortError. */
  signal?: AbortSignal;
  onSecond?: OnSecond;
}

export function interrupted(scenario: string): DOMException {
  return new DOMException(`The ${scenario} scenario was interrupted`, 'AbortError');
}
