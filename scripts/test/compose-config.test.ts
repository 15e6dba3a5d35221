import { readFileSync } from 'node:fs';
import type { EnvSource } from '@cbd/common';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig as gatewayV1Config } from '../../gateway-v1/src/config.js';
import { loadConfig as gatewayV2Config } from '../../gateway-v2/src/config.js';
import { loadConfig as productConfig } from '../../product-service/src/config.js';
import { loadConfig as recommendationsConfig } from '../../recommendations-service/src/config.js';
import { ROOT_DIR } from '../src/stack/services.js';
import { compose } from './helpers/compose.js';
import { missingCommand, requireTools } from './helpers/tools.js';

const missing = missingCommand('docker-compose', ['version']);

interface ComposeService {
  environment?: Record<string, string>;
  ports?: string[] | { host_ip?: string; published?: string | number; target?: number }[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  profiles?: string[];
}

/** The compose file as docker-compose resolves it, with no variable set by the caller. */
async function resolvedConfig() {
  const { stdout } = await compose(undefined, ['config'], {
    SIMULATE_FAILURE: '',
    PUBLISH_HOST: '',
  });
  return parse(stdout) as { services: Record<string, ComposeService> };
}

/** Each service's own parser of its environment: the one place its defaults are written. */
const CONFIG_LOADERS: Record<string, (env: EnvSource) => unknown> = {
  'product-service': productConfig,
  'recommendations-service': recommendationsConfig,
  'gateway-v1': gatewayV1Config,
  'gateway-v2': gatewayV2Config,
};
/** Set by the compose file on purpose: container wiring, and the original demo's hang. */
const NOT_DEFAULTS = new Set([
  'HOST',
  'PORT',
  'PRODUCT_SERVICE_URL',
  'RECOMMENDATIONS_SERVICE_URL',
  'SIMULATE_FAILURE',
]);

describe('docker-compose.yml', () => {
  it('when the caller sets no variable, then every service gets the same settings as its own defaults', () => {
    const file = parse(readFileSync(`${ROOT_DIR}docker-compose.yml`, 'utf8'), { merge: true }) as {
      services: Record<string, ComposeService>;
    };

    for (const [service, loadConfig] of Object.entries(CONFIG_LOADERS)) {
      const environment = file.services[service]?.environment ?? {};
      for (const [name, value] of Object.entries(environment)) {
        if (NOT_DEFAULTS.has(name)) continue;
        // "${NAME:-default}" with NAME unset is the default.
        const unset = String(value).replace(/\$\{\w+:-([^}]*)\}/g, '$1');
        expect(loadConfig({ [name]: unset }), `${service} ${name}=${unset}`).toEqual(
          loadConfig({}),
        );
      }
    }
  });

  it.for([
    ['without a profile', []],
    ['with --profile observability', ['--profile', 'observability']],
  ] as const)('when docker-compose checks it %s, then it is valid', async ([, args], ctx) => {
    requireTools(ctx, [missing]);

    const result = compose(undefined, [...args, 'config', '-q']);

    await expect(result).resolves.toBeDefined();
  });

  it('when resolved with defaults, then gateways find the services by name and ports stay on 127.0.0.1', async (ctx) => {
    requireTools(ctx, [missing]);

    const { services } = await resolvedConfig();

    for (const gateway of ['gateway-v1', 'gateway-v2']) {
      expect(services[gateway]?.environment).toMatchObject({
        HOST: '0.0.0.0',
        PRODUCT_SERVICE_URL: 'http://product-service:8081',
        RECOMMENDATIONS_SERVICE_URL: 'http://recommendations-service:8082',
      });
      expect(services[gateway]?.depends_on).toEqual({
        'product-service': { condition: 'service_healthy' },
        'recommendations-service': { condition: 'service_healthy' },
      });
    }
    expect(services['recommendations-service']?.environment?.SIMULATE_FAILURE).toBe('true');
    for (const [name, service] of Object.entries(services)) {
      expect(JSON.stringify(service.ports), name).toMatch(/127\.0\.0\.1/);
      if (!service.profiles) expect(service.healthcheck?.test, name).toContain('node');
    }
  });

  it('when no profile is chosen, then Prometheus and Grafana stay off: only the observability profile has them', async (ctx) => {
    requireTools(ctx, [missing]);

    const { services } = await resolvedConfig();

    const profiles = Object.fromEntries(
      Object.entries(services).map(([name, service]) => [name, service.profiles ?? []]),
    );
    expect(profiles).toEqual({
      'product-service': [],
      'recommendations-service': [],
      'gateway-v1': [],
      'gateway-v2': [],
      prometheus: ['observability'],
      grafana: ['observability'],
    });
  });
});
