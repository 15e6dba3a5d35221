import { Agent } from 'node:http';
import {
  createUpstreamClient,
  isProduct,
  isRecommendationsResponse,
  upstreamMetrics,
  type DegradedReason,
  type Logger,
  type Product,
} from '@cbd/common';
import type { Registry } from 'prom-client';
import { createBreaker, fireBreaker } from './breaker.js';
import { createBreakerMetrics } from './breaker-metrics.js';
import { BreakerMonitor } from './breaker-monitor.js';
import type { GatewayV2Config } from './config.js';
import { degradedReasonOf, productFailure } from './errors.js';

export interface RecommendationsResult {
  recommendations: Product[];
  /** Set when the fallback answered instead of the service. */
  degradedReason?: DegradedReason;
}

export interface V2Upstreams {
  /** The product, or an AppError saying why not (404, 502, 503, 504). */
  product(id: number): Promise<Product>;
  /** Live recommendations, or `[]` with the reason; never rejects. */
  recommendations(id: number): Promise<RecommendationsResult>;
  readonly breakers: Record<'product-service' | 'recommendations-service', BreakerMonitor>;
  /** Closes every breaker. */
  reset(): void;
  close(): void;
}

/** With a registry, it times upstream calls and exposes the breakers' states and events. */
export function createV2Upstreams(
  config: GatewayV2Config,
  logger: Logger,
  metrics?: Registry,
): V2Upstreams {
  const observe = metrics && upstreamMetrics(metrics);
  // One agent per upstream (bulkheads): hung recommendation sockets never block product calls.
  const productAgent = new Agent({ keepAlive: true, maxSockets: config.productMaxSockets });
  const recommendationsAgent = new Agent({
    keepAlive: true,
    maxSockets: config.recommendationsMaxSockets,
  });
  const productClient = createUpstreamClient({
    name: 'product-service',
    baseUrl: config.productServiceUrl,
    agent: productAgent,
    timeoutMs: config.productTimeoutMs,
    observe,
  });
  const recommendationsClient = createUpstreamClient({
    name: 'recommendations-service',
    baseUrl: config.recommendationsServiceUrl,
    agent: recommendationsAgent,
    timeoutMs: config.breaker.timeoutMs,
    observe,
  });

  const productSettings = {
    ...config.breaker,
    timeoutMs: config.productTimeoutMs,
    capacity: undefined,
  };
  const productBreaker = createBreaker(
    'product-service',
    (id: number) => productClient.getJson(`/products/${id}`, isProduct),
    productSettings,
  );
  const recommendationsBreaker = createBreaker(
    'recommendations-service',
    async (id: number): Promise<RecommendationsResult> => {
      const body = await recommendationsClient.getJson(
        `/recommendations/${id}`,
        isRecommendationsResponse,
      );
      return { recommendations: body.recommendations };
    },
    config.breaker,
  );
  recommendationsBreaker.fallback((_id: number, err: unknown): RecommendationsResult => ({
    recommendations: [],
    degradedReason: degradedReasonOf(err),
  }));

  const breakers = {
    'product-service': new BreakerMonitor(productBreaker, productSettings, logger),
    'recommendations-service': new BreakerMonitor(recommendationsBreaker, config.breaker, logger),
  };
  if (metrics) {
    const breakerMetrics = createBreakerMetrics(metrics);
    breakerMetrics.watch(productBreaker, productSettings);
    breakerMetrics.watch(recommendationsBreaker, config.breaker);
  }

  return {
    async product(id) {
      try {
        return await fireBreaker(productBreaker, id);
      } catch (err) {
        throw productFailure(err, id, config.productTimeoutMs);
      }
    },
    recommendations: (id) =>
      // An upstream 4xx is not a breaker failure, so no fallback ran: degrade here instead.
      fireBreaker(recommendationsBreaker, id).catch((err: unknown) => ({
        recommendations: [],
        degradedReason: degradedReasonOf(err),
      })),
    breakers,
    reset() {
      productBreaker.close();
      recommendationsBreaker.close();
    },
    close() {
      productBreaker.shutdown();
      recommendationsBreaker.shutdown();
      productAgent.destroy();
      recommendationsAgent.destroy();
    },
  };
}
