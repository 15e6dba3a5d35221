import { Agent } from 'node:http';
import {
  createUpstreamClient,
  isProduct,
  isRecommendationsResponse,
  productCallFailure,
  upstreamFailure,
  UpstreamError,
  upstreamMetrics,
  type Product,
} from '@cbd/common';
import pLimit from 'p-limit';
import type { Registry } from 'prom-client';
import type { GatewayV1Config } from './config.js';
import { registerPoolMetrics } from './pool-metrics.js';

export interface V1Upstreams {
  product(id: number): Promise<Product>;
  recommendations(id: number): Promise<Product[]>;
  /** Calls holding a place in the shared pool, and calls waiting for one. */
  pool(): { active: number; waiting: number; size: number };
  close(): void;
}

function gatewayError(err: unknown, id: number): unknown {
  if (!(err instanceof UpstreamError)) return err;
  return err.upstream === 'product-service' ? productCallFailure(err, id) : upstreamFailure(err);
}

/**
 * Both upstreams share one pool of `poolSize` places, taken in arrival order, like the worker
 * threads of a thread-pool server: once hung recommendation calls hold every place, product
 * calls wait behind them too. A call's timeout starts when it gets its place. With a registry,
 * it times upstream calls and exposes the pool as gauges.
 */
export function createV1Upstreams(config: GatewayV1Config, metrics?: Registry): V1Upstreams {
  const agent = new Agent({ keepAlive: true, maxFreeSockets: config.poolSize });
  const pool = pLimit(config.poolSize);
  const observe = metrics && upstreamMetrics(metrics);
  const client = (name: string, baseUrl: string) =>
    createUpstreamClient({
      name,
      baseUrl,
      agent,
      timeoutMs: config.upstreamTimeoutMs,
      observe,
      caller: 'gateway-v1',
    });
  const products = client('product-service', config.productServiceUrl);
  const recommendations = client('recommendations-service', config.recommendationsServiceUrl);

  const call = async <T>(id: number, fn: () => Promise<T>): Promise<T> => {
    try {
      return await pool(fn);
    } catch (err) {
      throw gatewayError(err, id);
    }
  };

  const readPool = () => ({
    active: pool.activeCount,
    waiting: pool.pendingCount,
    size: config.poolSize,
  });
  if (metrics) registerPoolMetrics(metrics, readPool);

  return {
    product: (id) => call(id, () => products.getJson(`/products/${id}`, isProduct)),
    recommendations: (id) =>
      call(id, async () => {
        const body = await recommendations.getJson(
          `/recommendations/${id}`,
          isRecommendationsResponse,
        );
        return body.recommendations;
      }),
    pool: readPool,
    close() {
      pool.clearQueue();
      agent.destroy();
    },
  };
}
