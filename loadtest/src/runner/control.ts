import {
  CIRCUIT_PATHS,
  circuitConfigSchema,
  circuitStatusSchema,
  type BreakerOptions,
  type CircuitConfig,
} from '@cbd/gateway-v2/contract';
import { POOL_STATUS_PATH, poolStatusSchema } from '@cbd/gateway-v1/contract';
import {
  FAILURE_PATH,
  failureStateSchema,
  type FailureChange,
  type FailureState,
} from '@cbd/recommendations-service/contract';
import { adminHeaders } from '@cbd/common';
import { z } from 'zod';
import { ServiceCallError } from '../errors.js';

/** Where a run sends its load and its switches. */
export interface Targets {
  'gateway-v1': string;
  'gateway-v2': string;
  'recommendations-service': string;
}

/**
 * The headers of a call to the stack: admin routes take JSON only, bodiless or not, and the
 * token when one is set. The tour prints the same ones as curl flags.
 */
export function requestHeaders(
  method: 'GET' | 'POST',
  token: string | undefined,
): Record<string, string> {
  return method === 'POST' ? adminHeaders(token) : {};
}

async function call<S extends z.ZodType>(
  method: 'GET' | 'POST',
  url: string,
  schema: S,
  { body, token }: { body?: unknown; token?: string | undefined } = {},
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: requestHeaders(method, token),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(5000),
    });
  } catch (err) {
    throw new ServiceCallError(method, url, `got no answer (${(err as Error).message})`);
  }
  const text = await res.text();
  if (!res.ok)
    throw new ServiceCallError(method, url, `answered ${res.status}: ${text.slice(0, 300)}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ServiceCallError(method, url, 'answered something that is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ServiceCallError(method, url, `answered outside its contract`);
  return parsed.data;
}

/** The switches a run pulls: recommendations' failure mode, gateway-v2's breaker. */
export interface Control {
  setFailure(change: FailureChange): Promise<FailureState>;
  readFailure(): Promise<FailureState>;
  resetBreaker(): Promise<void>;
  configureBreaker(change: Partial<BreakerOptions>): Promise<void>;
  restoreBreaker(): Promise<void>;
}

/** Control calls to a stack; `adminToken` is sent when the services were started with one. */
export function controlOf(targets: Targets, adminToken?: string): Control {
  const recommendations = targets['recommendations-service'];
  const v2 = targets['gateway-v2'];
  const token = adminToken;
  return {
    setFailure: (change) =>
      call('POST', `${recommendations}${FAILURE_PATH}`, failureStateSchema, {
        body: change,
        token,
      }),
    readFailure: () => call('GET', `${recommendations}${FAILURE_PATH}`, failureStateSchema),
    async resetBreaker() {
      await call('POST', `${v2}${CIRCUIT_PATHS.reset}`, circuitStatusSchema, { token });
    },
    async configureBreaker(change) {
      await call('POST', `${v2}${CIRCUIT_PATHS.config}`, circuitConfigSchema, {
        body: change,
        token,
      });
    },
    async restoreBreaker() {
      await call('POST', `${v2}${CIRCUIT_PATHS.configReset}`, circuitConfigSchema, { token });
    },
  };
}

/** The services' settings that shape a run, as the running stack reports them. */
export const stackSettingsSchema = z.strictObject({
  recommendations: failureStateSchema
    .pick({ hangMs: true, latencyMs: true, errorRate: true })
    .extend({
      capacity: failureStateSchema.shape.capacity.pick({ limit: true, workMs: true }),
    }),
  v1: poolStatusSchema.omit({ active: true, waiting: true }),
  v2: circuitStatusSchema.shape.options.extend({
    protections: circuitStatusSchema.shape.protections,
  }),
});
export type StackSettings = z.infer<typeof stackSettingsSchema>;

/** gateway-v2's breaker options now and as it started (GET /circuit/config). */
export function readCircuitConfig(targets: Targets): Promise<CircuitConfig> {
  return call('GET', `${targets['gateway-v2']}${CIRCUIT_PATHS.config}`, circuitConfigSchema);
}

/** Reads what the running services really run with (the report states it). */
export async function readStackSettings(targets: Targets): Promise<StackSettings> {
  const [failure, pool, circuit] = await Promise.all([
    call('GET', `${targets['recommendations-service']}${FAILURE_PATH}`, failureStateSchema),
    call('GET', `${targets['gateway-v1']}${POOL_STATUS_PATH}`, poolStatusSchema),
    call('GET', `${targets['gateway-v2']}${CIRCUIT_PATHS.status}`, circuitStatusSchema),
  ]);
  const { hangMs, latencyMs, errorRate, capacity } = failure;
  const { size, upstreamTimeoutMs, retries } = pool;
  return {
    recommendations: {
      hangMs,
      latencyMs,
      errorRate,
      capacity: { limit: capacity.limit, workMs: capacity.workMs },
    },
    v1: { size, upstreamTimeoutMs, retries },
    v2: { ...circuit.options, protections: circuit.protections },
  };
}
