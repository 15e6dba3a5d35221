import { ConfigError } from '@cbd/common';
import { LENIENT_BASE_URLS, LENIENT_PORTS } from '@cbd/common/tools';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('gateway-v1 config', () => {
  it('when nothing is set, then it is the unprotected gateway of the story', () => {
    expect(loadConfig({})).toMatchObject({
      port: 8080,
      productServiceUrl: 'http://127.0.0.1:8081',
      recommendationsServiceUrl: 'http://127.0.0.1:8082',
      upstreamTimeoutMs: 30_000,
      poolSize: 50,
      retries: 0,
    });
  });

  it('when upstream URLs are given by service name, then they are used as given', () => {
    const config = loadConfig({
      RECOMMENDATIONS_SERVICE_URL: 'http://recommendations-service:8082',
    });

    expect(config.recommendationsServiceUrl).toBe('http://recommendations-service:8082');
  });

  it.each([
    ['V1_POOL_SIZE', '0'],
    ['V1_RETRIES', '11'],
    ['V1_UPSTREAM_TIMEOUT_MS', '30s'],
    ['PRODUCT_SERVICE_URL', 'product-service'],
  ])('when %s=%s, then start-up fails naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });

  it.each(LENIENT_PORTS)('when PORT=%s, then start-up fails naming it', (value) => {
    expect(() => loadConfig({ PORT: value })).toThrow(`PORT=${JSON.stringify(value)}: must be`);
  });

  it.each(LENIENT_BASE_URLS)(
    'when RECOMMENDATIONS_SERVICE_URL=%s, then start-up fails naming it',
    (value) => {
      expect(() => loadConfig({ RECOMMENDATIONS_SERVICE_URL: value })).toThrow(
        `RECOMMENDATIONS_SERVICE_URL=${JSON.stringify(value)}: must be`,
      );
    },
  );

  it.each(['0x100000', '1e6', '01048576'])(
    'when UPSTREAM_MAX_BODY_BYTES=%s, then start-up fails naming it',
    (value) => {
      expect(() => loadConfig({ UPSTREAM_MAX_BODY_BYTES: value })).toThrow(
        'UPSTREAM_MAX_BODY_BYTES=',
      );
    },
  );
});
