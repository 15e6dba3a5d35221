import { createMetricsRegistry, silentLogger } from '@cbd/common';
import { startApp, type RunningApp } from '@cbd/common/tools';
import * as v1 from '@cbd/gateway-v1';
import * as v2 from '@cbd/gateway-v2';
import * as product from '@cbd/product-service';
import * as recommendations from '@cbd/recommendations-service';
import type { Targets } from '../../src/runner/control.js';

export interface InProcessStack {
  targets: Targets;
  /** Stops product-service: the gateways then find nothing listening where it was. */
  stopProduct(): Promise<void>;
  close(): Promise<void>;
}

export interface InProcessOptions {
  /** Decides which requests recommendations' `partial` mode fails (default Math.random). */
  random?: () => number;
}

/** gateway-v2's breaker timeout here; gateway-v1 gives up after 300 ms. */
export const IN_PROCESS_V2_TIMEOUT_MS = 50;

/** The four real services in this process on port 0, with test-sized timeouts. */
export async function startInProcessStack(
  env: Record<string, string> = {},
  { random }: InProcessOptions = {},
): Promise<InProcessStack> {
  const running: RunningApp[] = [];
  const closers: (() => void)[] = [];
  const serve = async (app: Parameters<typeof startApp>[0]) => {
    const r = await startApp(app);
    running.push(r);
    return r.url;
  };
  const productUrl = await serve(
    product.createApp(product.loadConfig({}), { logger: silentLogger }),
  );
  const recommendationsUrl = await serve(
    recommendations.createApp(recommendations.loadConfig({ HANG_MS: '300', ...env }), {
      logger: silentLogger,
      ...(random ? { random } : {}),
    }),
  );
  const upstreamEnv = {
    ...env,
    PRODUCT_SERVICE_URL: productUrl,
    RECOMMENDATIONS_SERVICE_URL: recommendationsUrl,
  };
  const v1Config = v1.loadConfig({
    V1_UPSTREAM_TIMEOUT_MS: '300',
    V1_POOL_SIZE: '4',
    ...upstreamEnv,
  });
  const v1Metrics = createMetricsRegistry('v1');
  const v1Upstreams = v1.createV1Upstreams(v1Config, v1Metrics);
  closers.push(() => v1Upstreams.close());
  const v2Config = v2.loadConfig({
    BREAKER_TIMEOUT_MS: String(IN_PROCESS_V2_TIMEOUT_MS),
    BREAKER_RESET_TIMEOUT_MS: '200',
    BREAKER_ROLLING_WINDOW_MS: '500',
    ...upstreamEnv,
  });
  const v2Metrics = createMetricsRegistry('v2');
  const v2Upstreams = v2.createV2Upstreams(v2Config, silentLogger, v2Metrics);
  closers.push(() => v2Upstreams.close());
  const gatewayV1 = await serve(
    v1.createApp(v1Config, { logger: silentLogger, upstreams: v1Upstreams, metrics: v1Metrics }),
  );
  const gatewayV2 = await serve(
    v2.createApp(v2Config, { logger: silentLogger, upstreams: v2Upstreams, metrics: v2Metrics }),
  );
  return {
    targets: {
      'gateway-v1': gatewayV1,
      'gateway-v2': gatewayV2,
      'recommendations-service': recommendationsUrl,
    },
    stopProduct: () => running[0]!.close(),
    async close() {
      await Promise.all(running.map((r) => r.close()));
      for (const close of closers) close();
    },
  };
}
