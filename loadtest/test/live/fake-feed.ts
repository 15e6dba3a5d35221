import type {
  LiveGatewaySecond,
  LiveEvent,
  LiveFeed,
  LiveSecond,
  LiveSnapshot,
  LiveStatus,
  TourFeed,
  TourView,
} from '../../src/live/types.js';
import { emptyCounts } from '../../src/model/outcome.js';

/** One gateway's second: `full` users answered, `waiting` left waiting. */
export function gatewaySecond(full: number, waiting = 0): LiveGatewaySecond {
  return {
    arrived: full,
    outcomes: { ...emptyCounts(), full },
    answeredInTime: full,
    p50: full ? 5 : null,
    p99: full ? 12 : null,
    waiting,
    probes: { ended: 2, inTime: 2, worstMs: 4 },
  };
}

export function liveSecond(t: number, overrides: Partial<LiveSecond> = {}): LiveSecond {
  return {
    t,
    gateways: { v1: gatewaySecond(10), v2: gatewaySecond(10) },
    mode: 'healthy',
    circuit: 'CLOSED',
    pool: { size: 4, active: 1, waiting: 0 },
    dependency: null,
    ...overrides,
  };
}

const probeNow = { last: { ms: 3, status: 200, inTime: true }, waiting: 0, oldestMs: null };

export const STATUS: LiveStatus = {
  readAt: '2026-01-01T00:00:00.000Z',
  circuit: null,
  breakerConfig: null,
  failure: null,
  pool: null,
  dependency: null,
  users: { v1: { waiting: 3, probe: probeNow }, v2: { waiting: 0, probe: probeNow } },
};

/** A live session's stand-in: two seconds of history, events sent by the test. */
export class FakeFeed implements LiveFeed {
  readonly #listeners = new Set<(event: LiveEvent) => void>();
  refreshes = 0;
  get listeners() {
    return this.#listeners.size;
  }
  snapshot(): LiveSnapshot {
    return {
      windowSeconds: 60,
      patienceMs: 5000,
      load: {
        model: 'open',
        rate: 10,
        arrivals: 'uniform',
        seed: 1,
        socketBudget: 50,
        patienceMs: 500,
        clientTimeoutMs: 2000,
      },
      seconds: [liveSecond(0), liveSecond(1)],
      status: STATUS,
    };
  }
  subscribe(listener: (event: LiveEvent) => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  emit(event: LiveEvent) {
    for (const listener of this.#listeners) listener(event);
  }
  refresh() {
    this.refreshes += 1;
    return Promise.resolve();
  }
}

/** A tour of `titles`, one step at a time; counts how often it was moved on. */
export class FakeTour implements TourFeed {
  readonly #listeners = new Set<(step: TourView | null) => void>();
  index = 0;
  nexts = 0;
  constructor(readonly titles: string[]) {}
  current(): TourView | null {
    const title = this.titles[this.index];
    return title === undefined
      ? null
      : {
          index: this.index,
          count: this.titles.length,
          title,
          notice: `Do ${title}.\nThen look.`,
          question: `What did ${title} show?`,
          state: 'answered',
          answer: null,
        };
  }
  next() {
    this.nexts += 1;
    this.index += 1;
    for (const listener of this.#listeners) listener(this.current());
    return Promise.resolve();
  }
  subscribe(listener: (step: TourView | null) => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  get listeners() {
    return this.#listeners.size;
  }
}
