import {
  createSharedPool,
  createUpstreamClient,
  isClientError,
  isProduct,
  recommendationsGuard,
  productCallFailure,
  upstreamFailure,
  UpstreamError,
  upstreamMetrics,
  type PoolState,
  type Product,
} from '@cbd/common';
import type { Registry } from 'prom-client';
import type { GatewayV1Config } from './config.js';

export interface V1Upstreams {
  product(id: number): Promise<Product>;
  recommendations(id: number): Promise<Product[]>;
  /** Calls holding a place in the shared pool, and calls waiting for one. */
  pool(): PoolState;
  close(): void;
}

function gatewayError(err: unknown, id: number): unknown {
  if (!(err instanceof UpstreamError)) return err;
  return err.upstream === 'product-service' ? productCallFailure(err, id) : upstreamFailure(err);
}

/** Whether a failed call is worth another attempt: anything but an upstream's plain 4xx. */
const isRetryable = (err: unknown) => err instanceof UpstreamError && !isClientError(err);

/**
 * Tries `call` up to `retries` more times while it fails. Every attempt is a real upstream
 * call, made at once, in the place the first one holds: a worker thread retrying.
 */
async function withRetries<T>(retries: number, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= retries || !isRetryable(err)) throw err;
    }
  }
}

/**
 * Both upstreams share one pool (common's SharedPool): once hung recommendation calls hold
 * every place, product calls wait behind them too. A call's timeout starts when it gets its
 * place. With a registry, it times upstream calls and exposes the pool as gauges.
 */
export function createV1Upstreams(config: GatewayV1Config, metrics?: Registry): V1Upstreams {
  const pool = createSharedPool(config.poolSize, metrics);
  const observe = metrics && upstreamMetrics(metrics);
  const client = (name: string, baseUrl: string) =>
    createUpstreamClient({
      name,
      baseUrl,
      agent: pool.agent,
      timeoutMs: config.upstreamTimeoutMs,
      maxBodyBytes: config.upstreamMaxBodyBytes,
      observe,
      caller: 'gateway-v1',
    });
  const isRecommendations = recommendationsGuard(config.maxRecommendations);
  const products = client('product-service', config.productServiceUrl);
  const recommendations = client('recommendations-service', config.recommendationsServiceUrl);
  const { retries } = config;

  const call = async <T>(id: number, fn: () => Promise<T>): Promise<T> => {
    try {
      return await pool.run(retries === 0 ? fn : () => withRetries(retries, fn));
    } catch (err) {
      throw gatewayError(err, id);
    }
  };

  return {
    product: (id) => call(id, () => products.getJson(`/products/${id}`, isProduct)),
    recommendations: (id) =>
      call(id, async () => {
        const body = await recommendations.getJson(`/recommendations/${id}`, isRecommendations);
        return body.recommendations;
      }),
    pool: () => pool.state(),
    close: () => pool.close(),
  };
}
