// The answers the steps read: what of each is printed (the view), and the typed value the
// step's answer is worked out from.
import type { DegradedReason } from '@cbd/common';
import { POOL_STATUS_PATH, poolStatusSchema, type PoolStatus } from '@cbd/gateway-v1/contract';
import { CIRCUIT_PATHS, circuitStatusSchema, type CircuitStatus } from '@cbd/gateway-v2/contract';
import {
  FAILURE_PATH,
  failureStateSchema,
  type FailureState,
} from '@cbd/recommendations-service/contract';
import type { z } from 'zod';
import { ServiceCallError } from '../errors.js';
import type { Answer } from './requests.js';
import { lastItems } from './trim.js';

type Json = Record<string, unknown>;
const asObject = (body: unknown): Json =>
  typeof body === 'object' && body !== null ? (body as Json) : {};

/** An error body shows its code and message; anything else goes to `view`. */
const orError =
  (view: (body: Json) => unknown) =>
  (body: unknown): unknown => {
    const o = asObject(body);
    return 'error' in o ? o : typeof body === 'object' ? view(o) : body;
  };

function only(o: Json, keys: readonly string[]): Json {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}

/** GET /product-details/:id: the product's name, the recommendations' names, degraded or not. */
export const detailsView = orError((o) => ({
  product: only(asObject(o.product), ['id', 'name']),
  recommendations: Array.isArray(o.recommendations)
    ? o.recommendations.map((r) => asObject(r).name)
    : o.recommendations,
  degradedMode: o.degradedMode,
  degradedReason: o.degradedReason,
}));

/** Only whether the answer was degraded and why: for loops, one line per call. */
export const degradedView = orError((o) => only(o, ['degradedMode', 'degradedReason']));

/** GET /products/:id. */
export const productView = orError((o) => only(o, ['id', 'name', 'price']));

/** GET or POST /admin/failure. */
export const failureView = orError((o) =>
  only(o, o.mode === 'partial' ? ['mode', 'errorRate', 'hanging'] : ['mode', 'hangMs', 'hanging']),
);

export const poolView = orError((o) => only(o, ['size', 'active', 'waiting']));

type CircuitField = 'state' | 'totals' | 'options' | 'nextAttemptAt' | 'transitions' | 'probes';

/** GET /circuit-status: the fields named, lists cut to their last entries, totals to `counts`. */
export function circuitView(
  fields: readonly CircuitField[],
  { counts = ['fires', 'failures', 'rejects'], options = [] as string[], last = 3 } = {},
) {
  return orError((o) => {
    const picked: Json = {};
    for (const field of fields) {
      const value = o[field];
      if (field === 'totals') picked.totals = only(asObject(value), counts);
      else if (field === 'options') picked.options = only(asObject(value), options);
      else if (field === 'transitions' || field === 'probes') {
        const list = Array.isArray(value) ? value : [];
        picked[field] = lastItems(
          field === 'transitions'
            ? list.map((t) => only(asObject(t), ['from', 'to']))
            : list.map((p) => only(asObject(p), ['result', 'latencyMs', 'to'])),
          last,
        );
      } else picked[field] = value;
    }
    return picked;
  });
}

/** GET or POST /circuit/config: the options named, and when they changed. */
export const configView = (options: readonly string[], { changedAt = true } = {}) =>
  orError((o) => ({
    options: only(asObject(o.options), options),
    ...(changedAt ? { changedAt: o.changedAt } : {}),
  }));

function typed<S extends z.ZodType>(schema: S, what: string, answer: Answer): z.infer<S> {
  const parsed = schema.safeParse(answer.body);
  if (parsed.success) return parsed.data;
  throw new ServiceCallError(
    'GET',
    what,
    answer.status === null ? (answer.error ?? 'no answer') : `answered ${answer.status}`,
  );
}

export const asCircuit = (a: Answer): CircuitStatus =>
  typed(circuitStatusSchema, CIRCUIT_PATHS.status, a);
export const asFailure = (a: Answer): FailureState => typed(failureStateSchema, FAILURE_PATH, a);
export const asPool = (a: Answer): PoolStatus => typed(poolStatusSchema, POOL_STATUS_PATH, a);

/**
 * What one call to GET /product-details gave, read from v2's answer: live recommendations, or
 * the fallback because the circuit rejected the call, it timed out, recommendations failed,
 * or the bulkhead was full; `failed` without a product at all.
 */
export type CallKind = 'full' | 'rejected' | 'timeout' | 'error' | 'bulkhead' | 'failed';

const BY_REASON: Record<DegradedReason, CallKind> = {
  EOPENBREAKER: 'rejected',
  ETIMEDOUT: 'timeout',
  UPSTREAM_ERROR: 'error',
  ESEMLOCKED: 'bulkhead',
};

export function callKind(answer: Answer): CallKind {
  const o = asObject(answer.body);
  if (answer.status !== 200 || typeof o.degradedMode !== 'boolean') return 'failed';
  if (!o.degradedMode) return 'full';
  return BY_REASON[o.degradedReason as DegradedReason] ?? 'error';
}

/** The error code of an error body, if it is one. */
export function errorCode(answer: Answer): string | undefined {
  const error = asObject(asObject(answer.body).error);
  return typeof error.code === 'string' ? error.code : undefined;
}
