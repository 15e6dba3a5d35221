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
import { registerBreakerMetrics } from './breaker-metrics.js';
import { Circuit } from './circuit.js';
import type { BreakerOptions, GatewayV2Config } from './config.js';
import type { CircuitConfig, CircuitStatus } from './contract.js';
import { degradedReasonOf, productFailure } from './errors.js';

export interface RecommendationsResult {
  recommendations: Product[];
  /** Set when the fallback answered instead of the service. */
  degradedReason?: DegradedReason;
}

export const BREAKER_NAMES = ['product-service', 'recommendations-service'] as const;
export type BreakerName = (typeof BREAKER_NAMES)[number];

export interface V2Upstreams {
  /** The product, or an AppError saying why not (404, 502, 503, 504). */
  product(id: number): Promise<Product>;
  /** Live recommendations, or `[]` with the reason; never rejects. */
  recommendations(id: number): Promise<RecommendationsResult>;
  status(breaker: BreakerName): CircuitStatus;
  /** The recommendations breaker's options now and at start-up. */
  config(): CircuitConfig;
  /** Changes the recommendations breaker's options; the ones left out keep their values. */
  configure(change: Partial<BreakerOptions>): CircuitConfig;
  /** Back to the options the gateway started with. */
  restoreConfig(): CircuitConfig;
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
    caller: 'gateway-v2',
  });
  const recommendationsClient = createUpstreamClient({
    name: 'recommendations-service',
    baseUrl: config.recommendationsServiceUrl,
    agent: recommendationsAgent,
    // The breaker's timeout can change at run time; the call is aborted when it passes.
    timeoutMs: () => recommendationsCircuit.settings.timeoutMs,
    observe,
    caller: 'gateway-v2',
  });

  const productCircuit = new Circuit(
    'product-service',
    (id: number) => productClient.getJson(`/products/${id}`, isProduct),
    { ...config.breaker, timeoutMs: config.productTimeoutMs, capacity: undefined },
    logger,
  );
  const recommendationsCircuit = new Circuit(
    'recommendations-service',
    async (id: number): Promise<RecommendationsResult> => {
      const body = await recommendationsClient.getJson(
        `/recommendations/${id}`,
        isRecommendationsResponse,
      );
      return { recommendations: body.recommendations };
    },
    config.breaker,
    logger,
    (_id: number, err: unknown): RecommendationsResult => ({
      recommendations: [],
      degradedReason: degradedReasonOf(err),
    }),
  );
  const circuits = {
    'product-service': productCircuit,
    'recommendations-service': recommendationsCircuit,
  };
  if (metrics)
    registerBreakerMetrics(metrics, [productCircuit.watch, recommendationsCircuit.watch]);

  const currentConfig = (): CircuitConfig => {
    const { settings, startup, changedAt } = recommendationsCircuit;
    return {
      options: settings as BreakerOptions,
      startup: startup as BreakerOptions,
      changedAt: changedAt === null ? null : new Date(changedAt).toISOString(),
    };
  };

  return {
    async product(id) {
      try {
        return await productCircuit.fire(id);
      } catch (err) {
        throw productFailure(err, id, config.productTimeoutMs);
      }
    },
    recommendations: (id) =>
      // An upstream 4xx is not a breaker failure, so no fallback ran: degrade here instead.
      recommendationsCircuit.fire(id).catch((err: unknown) => ({
        recommendations: [],
        degradedReason: degradedReasonOf(err),
      })),
    status: (name) => circuits[name].status(),
    config: currentConfig,
    configure(change) {
      recommendationsCircuit.reconfigure({ ...recommendationsCircuit.settings, ...change });
      logger.info({ options: recommendationsCircuit.settings }, 'circuit options changed');
      return currentConfig();
    },
    restoreConfig() {
      recommendationsCircuit.reconfigure(recommendationsCircuit.startup);
      logger.info({ options: recommendationsCircuit.settings }, 'circuit options restored');
      return currentConfig();
    },
    reset() {
      productCircuit.closeByHand();
      recommendationsCircuit.closeByHand();
    },
    close() {
      productCircuit.shutdown();
      recommendationsCircuit.shutdown();
      productAgent.destroy();
      recommendationsAgent.destroy();
    },
  };
}
