import { createMetricsRegistry, silentLogger } from '@cbd/common';
import {
  bulkyRecommendations,
  exchangeRaw,
  FOREIGN_HOSTS,
  FOREIGN_ORIGINS,
  httpRequest,
  isPrototypePolluted,
  longRecommendations,
  pollutingBodies,
  startGatewayHarness,
  timedGet,
  type GatewayHarness,
  type StubReply,
  type TimedResponse,
} from '@cbd/common/tools';
import * as v1 from '@cbd/gateway-v1';
import * as v2 from '@cbd/gateway-v2';
import { type FailureMode } from '@cbd/recommendations-service/contract';
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

/** Asks `url` REQUESTS times; every answer must be one the row expects, within its latency. */
async function expectAnswers(url: string, row: Row): Promise<void> {
  const seen = new Set<Expected>();
  for (let i = 0; i < REQUESTS; i += 1) {
    const res = await timedGet(url);

    const answer = match(res, row.answers);
    expect(answer, `request ${i + 1}`).not.toBeTypeOf('string');
    seen.add(answer as Expected);
    expect(res.ms).toBeLessThan(row.maxMs);
    if (i === 0 && row.minMs !== undefined) expect(res.ms).toBeGreaterThanOrEqual(row.minMs);
  }
  // partial: both the success and the failure were seen.
  expect(seen.size).toBe(row.answers.length);
}

let stack: InProcessStack | undefined;
let gateways: GatewayHarness | undefined;
afterEach(async () => {
  await stack?.close();
  await gateways?.close();
  stack = undefined;
  gateways = undefined;
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

      await expectAnswers(`${stack.targets[gateway]}/product-details/1`, table[fault]);
    },
  );
});

// Answers no recommendations-service mode gives, from a stub, with the gateways' default caps
// (UPSTREAM_MAX_BODY_BYTES 1 MiB, MAX_RECOMMENDATIONS 100). v2's breaker timeout is 1 s here:
// these answers come at once, and reading the first megabyte must not race a 50 ms timeout.
type BadAnswer =
  | 'a 4 MB body'
  | '101 recommendations'
  | 'an HTML page with 200'
  | 'junk as application/json'
  | 'JSON of the wrong shape';

const BAD_ANSWERS: Record<BadAnswer, StubReply> = {
  'a 4 MB body': bulkyRecommendations(1, 4 * 1024 * 1024),
  '101 recommendations': longRecommendations(1, 101),
  'an HTML page with 200': {
    contentType: 'text/html',
    text: '<!doctype html><title>502</title><h1>Bad Gateway</h1>',
  },
  'junk as application/json': { text: '\u0000\u00ff{"productId":1,"recommendations":[' },
  'JSON of the wrong shape': { body: { productId: 1, recommendations: 'none' } },
};
const BAD = Object.keys(BAD_ANSWERS) as BadAnswer[];

const V1_ON_BAD: Row = { answers: [error(502, 'UPSTREAM_BAD_RESPONSE')], maxMs: MARGIN_MS };
const V2_ON_BAD: Row = { answers: [degraded('UPSTREAM_ERROR', 'EOPENBREAKER')], maxMs: MARGIN_MS };

/** Both gateways, with the matrix's other settings, in front of stubs. */
async function gatewaysInFront(): Promise<{ harness: GatewayHarness; v2Url: string }> {
  const upstreamEnv = (urls: { productServiceUrl: string; recommendationsServiceUrl: string }) => ({
    PRODUCT_SERVICE_URL: urls.productServiceUrl,
    RECOMMENDATIONS_SERVICE_URL: urls.recommendationsServiceUrl,
  });
  const harness = await startGatewayHarness((urls) => {
    const config = v1.loadConfig({
      V1_UPSTREAM_TIMEOUT_MS: String(V1_TIMEOUT_MS),
      V1_POOL_SIZE: '4',
      ...upstreamEnv(urls),
    });
    const metrics = createMetricsRegistry('v1');
    const upstreams = v1.createV1Upstreams(config, metrics);
    return {
      app: v1.createApp(config, { logger: silentLogger, upstreams, metrics }),
      close: () => upstreams.close(),
    };
  });
  const second = await harness.also((urls) => {
    const config = v2.loadConfig({
      BREAKER_TIMEOUT_MS: '1000',
      BREAKER_RESET_TIMEOUT_MS: '200',
      BREAKER_ROLLING_WINDOW_MS: '500',
      ...upstreamEnv(urls),
    });
    const metrics = createMetricsRegistry('v2');
    const upstreams = v2.createV2Upstreams(config, silentLogger, metrics);
    return {
      app: v2.createApp(config, { logger: silentLogger, upstreams, metrics }),
      close: () => upstreams.close(),
    };
  });
  return { harness, v2Url: second.url };
}

describe.each([
  ['gateway-v1', V1_ON_BAD],
  ['gateway-v2', V2_ON_BAD],
] as const)('%s when recommendations answer outside the contract', (gateway, row) => {
  it.each(BAD)(
    'when recommendations answer %s, then it is a bad body: the expected error or fallback, at once',
    async (bad) => {
      const { harness, v2Url } = await gatewaysInFront();
      gateways = harness;
      harness.recommendations.script(() => BAD_ANSWERS[bad]);
      const url = gateway === 'gateway-v1' ? harness.gateway.url : v2Url;

      await expectAnswers(`${url}/product-details/1`, row);

      // The 4 MB answers were cut off, not read to the end.
      if (bad === 'a 4 MB body') expect(harness.recommendations.abandoned).toBeGreaterThan(0);
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

// Requests outside the contract, to the real services: each is refused in the error shape (or,
// for OPTIONS, answered 204 with Allow) and none changes a mode, an option or a breaker.
type Service = 'gateway-v1' | 'gateway-v2' | 'recommendations-service';
const SERVICES: Service[] = ['gateway-v1', 'gateway-v2', 'recommendations-service'];

/** A known path per service and what OPTIONS says it allows. */
const KNOWN: [Service, string, string][] = [
  ['gateway-v1', '/product-details/1', 'GET, HEAD, OPTIONS'],
  ['gateway-v2', '/circuit/reset', 'OPTIONS, POST'],
  ['gateway-v2', '/circuit/config', 'GET, HEAD, OPTIONS, POST'],
  ['recommendations-service', '/recommendations/1', 'GET, HEAD, OPTIONS'],
  ['recommendations-service', '/admin/failure', 'GET, HEAD, OPTIONS, POST'],
];

/** Every admin route, with a body it would accept. */
const ADMIN: [Service, string, Record<string, unknown> | undefined][] = [
  ['recommendations-service', '/admin/failure', { mode: 'hang' }],
  ['gateway-v2', '/circuit/reset', undefined],
  ['gateway-v2', '/circuit/config', { volumeThreshold: 9 }],
  ['gateway-v2', '/circuit/config/reset', undefined],
];

const JSON_TYPE = { 'content-type': 'application/json' };

/** What an admin route could have changed, read through the open GET routes. */
async function adminState(targets: InProcessStack['targets']) {
  const [failure, circuit, config] = await Promise.all([
    timedGet(`${targets['recommendations-service']}/admin/failure`),
    timedGet(`${targets['gateway-v2']}/circuit-status`),
    timedGet(`${targets['gateway-v2']}/circuit/config`),
  ]);
  return {
    failure: failure.body,
    circuit: { state: circuit.body.state, transitions: circuit.body.transitions },
    config: config.body,
  };
}

function expectError(res: TimedResponse, status: number, code: string, what: string) {
  expect(res.status, what).toBe(status);
  const body = errorBodySchema.safeParse(res.body);
  expect(body.success, `${what}: ${JSON.stringify(res.body)}`).toBe(true);
  expect(body.data?.error.code, what).toBe(code);
}

describe('requests outside the contract', () => {
  it('when OPTIONS is asked on known and unknown paths, then 204 with Allow or 404, the same on every service', async () => {
    stack = await stackIn('healthy');
    const { targets } = stack;

    for (const [service, path, allow] of KNOWN) {
      const res = await httpRequest(`${targets[service]}${path}`, { method: 'OPTIONS' });
      expect(res.status, `${service} ${path}`).toBe(204);
      expect(res.headers.allow, `${service} ${path}`).toBe(allow);
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    for (const service of SERVICES) {
      const res = await httpRequest(`${targets[service]}/nowhere`, { method: 'OPTIONS' });
      expectError(res, 404, 'ROUTE_NOT_FOUND', service);
    }
  });

  it('when the HTTP parser refuses a request (8 KB path, 20 KB header, garbage), then the error shape, on every service', async () => {
    stack = await stackIn('healthy');
    const { targets } = stack;

    for (const service of SERVICES) {
      const long = await timedGet(`${targets[service]}/${'x'.repeat(8192)}`);
      expectError(long, 404, 'ROUTE_NOT_FOUND', `${service} long path`);
      expect(long.body.error.message.length, service).toBeLessThan(150);

      const big = await timedGet(`${targets[service]}/health`, {
        headers: { 'x-padding': 'p'.repeat(20_000) },
      });
      expectError(big, 431, 'HEADERS_TOO_LARGE', `${service} large header`);

      const raw = await exchangeRaw(targets[service], 'GET /health HTTP/1.1\r\nno colon\r\n\r\n');
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      expect(head.split('\r\n')[0], service).toBe('HTTP/1.1 400 Bad Request');
      expect(JSON.parse(body).error.code, service).toBe('BAD_REQUEST');
    }
  });

  it('when admin routes get forms, no content type, foreign Hosts or Origins, or polluting bodies, then each is refused and nothing changes', async () => {
    stack = await stackIn('healthy');
    const { targets } = stack;
    const before = await adminState(targets);

    for (const [service, path, valid] of ADMIN) {
      const url = `${targets[service]}${path}`;
      const body = valid === undefined ? undefined : JSON.stringify(valid);
      const what = `${service} ${path}`;
      const send = (headers: Record<string, string>, text = body) =>
        httpRequest(url, {
          method: 'POST',
          headers,
          ...(text === undefined ? {} : { body: text }),
        });

      expectError(
        await send({ 'content-type': 'text/plain' }, body ?? ''),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `${what} text/plain`,
      );
      expectError(await send({}, undefined), 415, 'UNSUPPORTED_MEDIA_TYPE', `${what} no type`);
      for (const host of FOREIGN_HOSTS) {
        expectError(await send({ ...JSON_TYPE, host }), 403, 'FORBIDDEN_HOST', `${what} ${host}`);
      }
      for (const origin of FOREIGN_ORIGINS) {
        const res = await send({ ...JSON_TYPE, origin });
        expectError(res, 403, 'FORBIDDEN_ORIGIN', `${what} ${origin}`);
      }
      if (valid !== undefined) {
        for (const polluting of pollutingBodies(valid)) {
          const res = await send(JSON_TYPE, polluting);
          expect(res.status, `${what} ${polluting}`).toBe(400);
        }
      }
    }

    expect(await adminState(targets)).toEqual(before);
    expect(isPrototypePolluted()).toBe(false);
  });

  it('when ADMIN_TOKEN is set, then admin routes refuse a missing or wrong token, take the right one, and reading stays open', async () => {
    const token = 'fault-matrix-admin-token';
    stack = await startInProcessStack({ ...ENV, ADMIN_TOKEN: token });
    const { targets } = stack;
    const before = await adminState(targets);

    for (const [service, path, valid] of ADMIN) {
      const url = `${targets[service]}${path}`;
      const body = valid === undefined ? {} : { body: JSON.stringify(valid) };
      for (const authorization of [undefined, `Bearer ${token}x`, `Basic ${token}`, token]) {
        const headers = { ...JSON_TYPE, ...(authorization ? { authorization } : {}) };
        const res = await httpRequest(url, { method: 'POST', headers, ...body });
        expectError(res, 401, 'ADMIN_TOKEN_REQUIRED', `${service} ${path} ${authorization}`);
      }
    }
    const unchanged = await adminState(targets);
    const authorized = { ...JSON_TYPE, authorization: `Bearer ${token}` };
    const results = [];
    for (const [service, path, valid] of ADMIN) {
      const body = valid === undefined ? {} : { body: JSON.stringify(valid) };
      const url = `${targets[service]}${path}`;
      results.push(
        (await httpRequest(url, { method: 'POST', headers: authorized, ...body })).status,
      );
    }

    expect(unchanged).toEqual(before);
    expect(results).toEqual([200, 200, 200, 200]);
    expect((await adminState(targets)).failure.mode).toBe('hang');
  });
});
