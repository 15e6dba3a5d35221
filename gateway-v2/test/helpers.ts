import { createMetricsRegistry, silentLogger } from '@cbd/common';
import { startGatewayHarness, timedGet, type GatewayHarness } from '@cbd/common/tools';
import { createApp } from '../src/app.js';
import { loadConfig, type GatewayV2Config } from '../src/config.js';
import { createV2Upstreams } from '../src/upstreams.js';

export type ConfigOverrides = Partial<Omit<GatewayV2Config, 'breaker'>> & {
  breaker?: Partial<GatewayV2Config['breaker']>;
};

/**
 * Test-sized settings: a 100 ms breaker timeout and a 300 ms reset timeout; with the timeout
 * protection off, calls wait 300 ms.
 */
export function testConfig(overrides: ConfigOverrides = {}): GatewayV2Config {
  const base = loadConfig({});
  return {
    ...base,
    productTimeoutMs: 100,
    unprotectedTimeoutMs: 300,
    ...overrides,
    breaker: { ...base.breaker, timeoutMs: 100, resetTimeoutMs: 300, ...overrides.breaker },
  };
}

/** gateway-v2 on port 0 in front of stub services. */
export function startV2(overrides: ConfigOverrides = {}): Promise<GatewayHarness> {
  return startGatewayHarness((urls) => {
    const config = { ...testConfig(overrides), ...urls };
    const metrics = createMetricsRegistry('v2');
    const upstreams = createV2Upstreams(config, silentLogger, metrics);
    return {
      app: createApp(config, { logger: silentLogger, upstreams, metrics }),
      close: () => upstreams.close(),
    };
  });
}

export function getter(harness: () => GatewayHarness) {
  return (path: string, init?: RequestInit) => timedGet(`${harness().gateway.url}${path}`, init);
}
