import { readFileSync } from 'node:fs';
import type { Settings } from '@cbd/common';
import { settings as gatewayV1 } from '@cbd/gateway-v1/contract';
import { settings as gatewayV2 } from '@cbd/gateway-v2/contract';
import { settings as product } from '@cbd/product-service/contract';
import { settings as recommendations } from '@cbd/recommendations-service/contract';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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

/** Each service's settings: the one place their defaults are written. */
const SETTINGS: Record<string, Settings> = {
  'product-service': product,
  'recommendations-service': recommendations,
  'gateway-v1': gatewayV1,
  'gateway-v2': gatewayV2,
};
/** Set by the compose file on purpose: container wiring, and the hang the stack starts in. */
const WIRED: Record<string, string> = {
  HOST: '0.0.0.0',
  PRODUCT_SERVICE_URL: 'http://product-service:8081',
  RECOMMENDATIONS_SERVICE_URL: 'http://recommendations-service:8082',
  SIMULATE_FAILURE: '${SIMULATE_FAILURE:-true}',
};

describe('docker-compose.yml', () => {
  it('when read, then every setting of every service passes through blank, so its own default applies', () => {
    const file = parse(readFileSync(`${ROOT_DIR}docker-compose.yml`, 'utf8'), { merge: true }) as {
      services: Record<string, ComposeService>;
    };

    for (const [service, settings] of Object.entries(SETTINGS)) {
      const environment = file.services[service]?.environment ?? {};
      const expected = Object.fromEntries(
        Object.values(settings).map(({ env }) => [
          env,
          env === 'PORT' ? environment.PORT : (WIRED[env] ?? `\${${env}:-}`),
        ]),
      );
      expect(environment, service).toEqual(expected);
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
