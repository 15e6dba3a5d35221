import type { LiveSample, LiveStatus } from './types.js';

/** The last `capacity` seconds of samples, oldest first: what a page shows and what is kept. */
export class LiveHistory {
  readonly #samples: LiveSample[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a whole number of seconds, got ${capacity}`);
    }
  }

  push(sample: LiveSample): void {
    const last = this.#samples.at(-1);
    // Seconds arrive in order from one clock; anything else is a bug upstream, not data.
    if (last && sample.t <= last.t) {
      throw new RangeError(`second ${sample.t} arrived after second ${last.t}`);
    }
    this.#samples.push(sample);
    if (this.#samples.length > this.capacity) this.#samples.shift();
  }

  /** A copy: a caller serialising it later must not see it change. */
  list(): LiveSample[] {
    return [...this.#samples];
  }
}

/** Before the first read: nothing known yet. */
export function unknownStatus(now: Date): LiveStatus {
  return { readAt: now.toISOString(), circuit: null, failure: null, pool: null };
}
