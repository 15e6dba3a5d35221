import { realWait, type TourIo, type TourKey } from '../../src/tour/io.js';
import type { TourStack } from '../../src/tour/stack.js';
import { breakerDefaults } from '../helpers/breaker.js';

interface Waiter {
  resolve: (key: TourKey) => void;
}

/** A TourIo that records what is printed and hands out keys only to a reader waiting for one. */
export function fakeIo() {
  const printed: string[] = [];
  const statuses: string[] = [];
  const waiters: Waiter[] = [];
  const io: TourIo = {
    print: (text) => void printed.push(text),
    status: (line) => void statuses.push(line),
    readKey: (signal) =>
      new Promise<TourKey>((resolve, reject) => {
        const waiter = { resolve };
        waiters.push(waiter);
        signal.addEventListener(
          'abort',
          () => {
            waiters.splice(waiters.indexOf(waiter), 1);
            reject(signal.reason as Error);
          },
          { once: true },
        );
      }),
    wait: realWait,
  };
  return {
    io,
    printed,
    statuses,
    text: () => printed.join('\n'),
    /** Whether a key would be read now. */
    reading: () => waiters.length > 0,
    /** Presses a key; false if nothing was reading (the key is lost, as on a terminal). */
    press(key: TourKey): boolean {
      const waiter = waiters.shift();
      waiter?.resolve(key);
      return waiter !== undefined;
    },
  };
}

/** The answer lines printed, one per step run ("Answer: ..." with its wrapped lines joined). */
export function answers(text: string): string[] {
  return [...text.matchAll(/^Answer: ([\s\S]*?)(?=\n\n|\n━━|(?![\s\S]))/gm)].map((m) =>
    (m[1] ?? '').replace(/\s*\n\s*/g, ' '),
  );
}

/** A stack that is never called: for steps that send nothing. */
export const NO_STACK: TourStack = {
  targets: {
    'gateway-v1': 'http://127.0.0.1:9',
    'gateway-v2': 'http://127.0.0.1:9',
    'recommendations-service': 'http://127.0.0.1:9',
  },
  adminToken: undefined,
  services: {
    recommendations: {
      hangMs: 300,
      latencyMs: 100,
      errorRate: 0.5,
      capacity: { limit: 0, workMs: 0 },
    },
    v1: { size: 4, upstreamTimeoutMs: 300, retries: 0 },
    v2: {
      ...breakerDefaults(),
      timeoutMs: 50,
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      resetTimeoutMs: 200,
      capacity: 100,
      rollingWindowMs: 10_000,
      protections: ['timeout', 'fallback', 'breaker', 'bulkhead'],
    },
  },
};
