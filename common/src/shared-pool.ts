import type { Agent } from 'node:http';
import type { RequestHandler } from 'express';
import pLimit from 'p-limit';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { registerPoolMetrics, type PoolState } from './metrics/pool-metrics.js';
import { keepAliveAgent } from './upstream.js';

/**
 * gateway-v1's defaults, which gateway-v2 takes when its protections are off: the long upstream
 * timeout and the size of the one pool both upstreams share.
 */
export const UNPROTECTED_DEFAULTS = { timeoutMs: 30_000, poolSize: 50 } as const;

/** Where a gateway with a shared pool serves its state. */
export const POOL_STATUS_PATH = '/pool-status';

/** GET /pool-status, for the tools that watch the shared pool fill: load runner, report, live page. */
export const poolStatusSchema = z.strictObject({
  /** Places in the pool (gateway-v1's V1_POOL_SIZE, gateway-v2's SHARED_POOL_SIZE). */
  size: z.int().min(1),
  /** Upstream calls holding a place. */
  active: z.int().min(0),
  /** Upstream calls waiting in line for one. */
  waiting: z.int().min(0),
  /** How long one call may take once it has a place (gateway-v2: its recommendations calls). */
  upstreamTimeoutMs: z.int().min(1),
  /** How many more times a failed call is tried, in the same place (gateway-v1's V1_RETRIES; 0 on gateway-v2). */
  retries: z.int().min(0),
});
export type PoolStatus = z.infer<typeof poolStatusSchema>;

/**
 * GET /pool-status, on both gateways: the pool's places now, with the terms a call holds one
 * on (read per answer: gateway-v2's timeout can change at run time).
 */
export function poolStatusHandler(
  state: () => PoolState,
  terms: () => Pick<PoolStatus, 'upstreamTimeoutMs' | 'retries'>,
): RequestHandler {
  return (_req, res) => {
    const body: PoolStatus = { ...state(), ...terms() };
    res.json(body);
  };
}

export interface SharedPool {
  /** The connections every call in the pool uses. */
  readonly agent: Agent;
  /** Runs `call` once it has a place, in arrival order; it keeps the place until it settles. */
  run<T>(call: () => Promise<T>): Promise<T>;
  state(): PoolState;
  close(): void;
}

/**
 * One pool of `size` places for every upstream call, taken in arrival order, like the worker
 * threads of a thread-pool server: once hung recommendation calls hold every place, product
 * calls wait behind them too. With a registry, the pool is exposed as gauges.
 */
export function createSharedPool(size: number, metrics?: Registry): SharedPool {
  const agent = keepAliveAgent({ maxFreeSockets: size });
  const limit = pLimit(size);
  const state = (): PoolState => ({ size, active: limit.activeCount, waiting: limit.pendingCount });
  if (metrics) registerPoolMetrics(metrics, state);
  return {
    agent,
    run: (call) => limit(call),
    state,
    close() {
      limit.clearQueue();
      agent.destroy();
    },
  };
}
