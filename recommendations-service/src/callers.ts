import type { CallerCounts } from './contract.js';

/** Calls that named no caller. */
const UNKNOWN_CALLER = 'unknown';
/** Calls whose caller name is not a plain name, or came once MAX_CALLERS names were kept. */
const OTHER_CALLER = 'other';
/** Distinct caller names kept, besides `unknown` and `other`. */
export const MAX_CALLERS = 20;

// The name comes from a request header, i.e. from anyone: only short plain names are kept as
// they are, and only so many, so neither the state nor the metrics grow without bound.
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** One caller's counts, changed in place as its calls come and end. */
export interface CallerTally {
  total: number;
  inFlight: number;
}

/** The calls the service receives, per caller: in total since start, and in flight now. */
export class CallCounter {
  readonly #byCaller = new Map<string, CallerTally>();
  #named = 0;

  /** Counts a call from `header` (the caller header's value) and returns its caller's tally. */
  arrive(header: string | string[] | undefined): CallerTally {
    const tally = this.#tallyOf(this.#nameOf(header));
    tally.total += 1;
    tally.inFlight += 1;
    return tally;
  }

  snapshot(): CallerCounts {
    return Object.fromEntries([...this.#byCaller].map(([name, t]) => [name, { ...t }]));
  }

  #nameOf(header: string | string[] | undefined): string {
    if (header === undefined || header === '') return UNKNOWN_CALLER;
    if (typeof header !== 'string' || !PLAIN_NAME.test(header)) return OTHER_CALLER;
    return header;
  }

  #tallyOf(name: string): CallerTally {
    const known = this.#byCaller.get(name);
    if (known) return known;
    const named = name !== UNKNOWN_CALLER && name !== OTHER_CALLER;
    if (named && this.#named >= MAX_CALLERS) return this.#tallyOf(OTHER_CALLER);
    if (named) this.#named += 1;
    const tally = { total: 0, inFlight: 0 };
    this.#byCaller.set(name, tally);
    return tally;
  }
}
