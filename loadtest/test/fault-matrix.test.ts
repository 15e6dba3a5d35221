import { type FailureMode } from '@cbd/recommendations-service/contract';
import { timedGet, type TimedResponse } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { controlOf } from '../src/runner/control.js';
import { startInProcessStack, type InProcessStack } from './helpers/in-process-stack.js';
import {
  degradedDetailsSchema,
  errorBodySchema,
  fullDetailsSchema,
  type Reason,
} from './helpers/payloads.js';

// What each gateway answers to GET /product-details/1 in each fault, with test-sized timeouts:
// v1 gives up on an upstream call after 300 ms; v2's breaker after 50 ms. Recommendations hang
// for 2 s and `slow` adds 150 ms. Bounds are generous: they tell a gateway that waited out a
// timeout from one that answered at once, not milliseconds.
const ENV = { HANG_MS: '2000', SLOW_MS: '150' };
const V1_TIMEOUT_MS = 300;
const V2_TIMEOUT_MS = 50;
const MARGIN_MS = 500;
const REQUESTS = 4;

type Fault = FailureMode | 'product down';

type Expected =
  | { kind: 'full' }
  | { kind: 'degraded'; reasons: Reason[] }
  | { kind: 'error'; status: number; codes: string[] };

interface Row {
  /** Every answer is one of these. */
  answers: Expected[];
  minMs?: number;
  maxMs: number;
}

const full: Expected = { kind: 'full' };
const degraded = (...reasons: Reason[]): Expected => ({ kind: 'degraded', reasons });
const error = (status: number, ...codes: string[]): Expected => ({ kind: 'error', status, codes });

const V1: Record<Fault, Row> = {
  healthy: { answers: [full], maxMs: MARGIN_MS },
  // All or nothing: it waits its whole timeout for recommendations, then gives the user nothing.
  hang: {
    answers: [error(504, 'UPSTREAM_TIMEOUT')],
    minMs: V1_TIMEOUT_MS - 5,
    maxMs: V1_TIMEOUT_MS + MARGIN_MS,
  },
  error: { answers: [error(502, 'UPSTREAM_ERROR')], maxMs: MARGIN_MS },
  slow: { answers: [full], minMs: 145, maxMs: V1_TIMEOUT_MS },
  partial: { answers: [full, error(502, 'UPSTREAM_ERROR')], maxMs: MARGIN_MS },
  reset: { answers: [error(502, 'UPSTREAM_UNAVAILABLE')], maxMs: MARGIN_MS },
  'product down': { answers: [error(502, 'UPSTREAM_UNAVAILABLE')], maxMs: MARGIN_MS },
};

const V2: Record<Fault, Row> = {
  healthy: { answers: [full], maxMs: MARGIN_MS },
  // The product within the breaker timeout, then at once once the circuit is open.
  hang: {
    answers: [degraded('ETIMEDOUT', 'EOPENBREAKER')],
    minMs: V2_TIMEOUT_MS - 5,
    maxMs: V2_TIMEOUT_MS + MARGIN_MS,
  },
  error: { answers: [degraded('UPSTREAM_ERROR', 'EOPENBREAKER')], maxMs: MARGIN_MS },
  slow: {
    answers: [degraded('ETIMEDOUT', 'EOPENBREAKER')],
    minMs: V2_TIMEOUT_MS - 5,
    maxMs: V2_TIMEOUT_MS + MARGIN_MS,
  },
  partial: { answers: [full, degraded('UPSTREAM_ERROR', 'EOPENBREAKER')], maxMs: MARGIN_MS },
  reset: { answers: [degraded('UPSTREAM_ERROR', 'EOPENBREAKER')], maxMs: MARGIN_MS },
  // Product is critical: an error, fast (502 while it is tried, 503 once its circuit opened).
  'product down': {
    answers: [error(502, 'UPSTREAM_UNAVAILABLE'), error(503, 'PRODUCT_SERVICE_UNAVAILABLE')],
    maxMs: MARGIN_MS,
  },
};

/** Whether `res` is the answer `expected` describes: status, body shape, code or reason. */
function isAnswer(res: TimedResponse, expected: Expected): boolean {
  if (expected.kind === 'error') {
    const body = errorBodySchema.safeParse(res.body);
    return (
      res.status === expected.status &&
      body.success &&
      expected.codes.includes(body.data.error.code)
    );
  }
  if (res.status !== 200) return false;
  if (expected.kind === 'full') return fullDetailsSchema.safeParse(res.body).success;
  const body = degradedDetailsSchema.safeParse(res.body);
  return body.success && expected.reasons.includes(body.data.degradedReason);
}

/** Which of the expected answers `res` is, or what it was instead. */
function match(res: TimedResponse, answers: Expected[]): Expected | string {
  return (
    answers.find((a) => isAnswer(res, a)) ??
    `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`
  );
}

let stack: InProcessStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** A fresh stack in the fault; partial fails every other request (no luck involved). */
async function stackIn(fault: Fault): Promise<InProcessStack> {
  let call = 0;
  const s = await startInProcessStack(ENV, { random: () => (call++ % 2 === 0 ? 0.9 : 0.1) });
  if (fault === 'product down') await s.stopProduct();
  else await controlOf(s.targets).setFailure({ mode: fault, errorRate: 0.5 });
  return s;
}

const FAULTS = Object.keys(V1) as Fault[];

describe.each([
  ['gateway-v1', V1],
  ['gateway-v2', V2],
] as const)('%s under each fault', (gateway, table) => {
  it.each(FAULTS)(
    'when the fault is %s, then every answer has the expected status, body and latency',
    async (fault) => {
      stack = await stackIn(fault);
      const row = table[fault];
      const seen = new Set<Expected>();

      for (let i = 0; i < REQUESTS; i += 1) {
        const res = await timedGet(`${stack.targets[gateway]}/product-details/1`);

        const answer = match(res, row.answers);
        expect(answer, `request ${i + 1}`).not.toBeTypeOf('string');
        seen.add(answer as Expected);
        expect(res.ms).toBeLessThan(row.maxMs);
        if (i === 0 && row.minMs !== undefined) expect(res.ms).toBeGreaterThanOrEqual(row.minMs);
      }
      // partial: both the success and the failure were seen.
      expect(seen.size).toBe(row.answers.length);
    },
  );
});

describe('ids that are not products', () => {
  const UNKNOWN = ['999', '2147483647'];
  const INVALID = ['abc', '0', '-1', '1e3', '01', '0x1', '99999999999'];

  it("when many unknown and invalid ids are asked for, then each is a 404 or 400 and v2's breakers stay CLOSED with no failure", async () => {
    stack = await stackIn('healthy');
    const { targets } = stack;

    for (let round = 0; round < 5; round += 1) {
      for (const gateway of ['gateway-v1', 'gateway-v2'] as const) {
        for (const [ids, status] of [
          [UNKNOWN, 404],
          [INVALID, 400],
        ] as const) {
          for (const id of ids) {
            const res = await timedGet(`${targets[gateway]}/product-details/${id}`);
            expect(res.status, `${gateway} ${id}`).toBe(status);
            expect(errorBodySchema.safeParse(res.body).success).toBe(true);
          }
        }
      }
    }

    for (const breaker of ['recommendations-service', 'product-service']) {
      const { body } = await timedGet(`${targets['gateway-v2']}/circuit-status/${breaker}`);
      expect(body.state, breaker).toBe('CLOSED');
      expect(body.totals.failures, breaker).toBe(0);
      expect(body.transitions).toEqual([]);
    }
    // The unknown ids did reach both services: 4xx answers were seen, and not counted as failures.
    const { body } = await timedGet(`${targets['gateway-v2']}/circuit-status`);
    expect(body.totals.fires).toBe(5 * UNKNOWN.length);
    expect(body.totals.successes).toBe(5 * UNKNOWN.length);
  });
});
