import { createMetricsRegistry, silentLogger } from '@cbd/common';
import { startGatewayHarness, type GatewayHarness } from '@cbd/common/tools';
import { createApp } from '../src/app.js';
import { loadConfig, type GatewayV1Config } from '../src/config.js';
import { createV1Upstreams } from '../src/upstreams.js';

/** gateway-v1 on port 0 in front of stub services, with a test-sized 100 ms timeout. */
export function startV1(overrides: Partial<GatewayV1Config> = {}): Promise<GatewayHarness> {
  return startGatewayHarness((urls) => {
    const config: GatewayV1Config = {
      ...loadConfig({}),
      ...urls,
      upstreamTimeoutMs: 100,
      ...overrides,
    };
    const metrics = createMetricsRegistry('v1');
    const upstreams = createV1Upstreams(config, metrics);
    return {
      app: createApp(config, { logger: silentLogger, upstreams, metrics }),
      close: () => upstreams.close(),
    };
  });
}
