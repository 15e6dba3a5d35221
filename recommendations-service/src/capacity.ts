export interface CapacitySettings {
  /** Calls served at once; 0: no limit. */
  limit: number;
  /** How long a healthy call holds its place. */
  workMs: number;
}

/** The settings, and the places in use and the calls in line now (GET /admin/failure). */
export interface CapacityState extends CapacitySettings {
  busy: number;
  queued: number;
}

/** What a call does once it has a place: hold it `holdMs`, then `end`. */
export interface Work {
  holdMs: number;
  end(): void;
}

/**
 * The service's workers, as a thread-pool server has: `limit` calls are served at once, the
 * rest wait in one line, first come first served, so above capacity every call slows down.
 *
 * A place is held for the whole of a call's work, and nothing ends that work early: the
 * service cannot tell that a caller gave up, so a call served after its caller left still
 * takes its place and its time, and a call stuck in a hang stays stuck until the hang ends,
 * whatever the mode is switched to meanwhile. That wasted work is what lets a backlog outlive
 * its cause: callers that time out and call again keep the line long after the dependency
 * itself is well. A call's work is decided when it gets its place, in the mode of that moment.
 */
export class Capacity {
  #settings: CapacitySettings;
  #busy = 0;
  readonly #line: (() => Work)[] = [];

  constructor(initial: CapacitySettings) {
    this.#settings = { ...initial };
  }

  get settings(): Readonly<CapacitySettings> {
    return this.#settings;
  }

  /** Starts `start` when a place is free: at once, or after every call already in line. */
  serve(start: () => Work): void {
    if (this.#line.length === 0 && this.#hasRoom()) this.#run(start);
    else this.#line.push(start);
  }

  /** New settings from now on: a larger limit lets calls in line start at once; work in progress keeps its time. */
  configure(change: Partial<CapacitySettings>): void {
    this.#settings = { ...this.#settings, ...change };
    this.#drain();
  }

  state(): CapacityState {
    return { ...this.#settings, busy: this.#busy, queued: this.#line.length };
  }

  #hasRoom(): boolean {
    return this.#settings.limit === 0 || this.#busy < this.#settings.limit;
  }

  #run(start: () => Work): void {
    const work = start();
    if (work.holdMs <= 0) {
      work.end();
      return;
    }
    this.#busy += 1;
    // unref: work whose caller has gone must not keep a stopping process alive.
    setTimeout(() => {
      this.#busy -= 1;
      work.end();
      this.#drain();
    }, work.holdMs).unref();
  }

  // A loop, not recursion: a long line of calls that hold no time ends in one pass.
  #drain(): void {
    while (this.#line.length > 0 && this.#hasRoom()) this.#run(this.#line.shift()!);
  }
}
