import { ConfigError } from '@cbd/common';
import { LENIENT_BASE_URLS, LENIENT_PORTS } from '@cbd/common/tools';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('gateway-v2 config', () => {
  it('when nothing is set, then the breaker has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 8090,
      productTimeoutMs: 1000,
      breaker: {
        timeoutMs: 2000,
        errorThresholdPercentage: 50,
        volumeThreshold: 3,
        resetTimeoutMs: 10_000,
        capacity: 10,
      },
    });
  });

  it('when nothing is set, then every protection is on', () => {
    expect(loadConfig({}).protections).toEqual(['timeout', 'fallback', 'breaker', 'bulkhead']);
  });

  it.each([
    ['none', []],
    ['timeout', ['timeout']],
    ['bulkhead, Timeout', ['timeout', 'bulkhead']],
    ['breaker,fallback,timeout', ['timeout', 'fallback', 'breaker']],
  ])('when PROTECTIONS=%s, then those are on, in the ladder order', (text, expected) => {
    expect(loadConfig({ PROTECTIONS: text }).protections).toEqual(expected);
  });

  it('when breaker variables are set, then they are used', () => {
    const config = loadConfig({
      BREAKER_TIMEOUT_MS: '500',
      BREAKER_VOLUME_THRESHOLD: '10',
      BREAKER_CAPACITY: '7',
    });

    expect(config.breaker).toMatchObject({ timeoutMs: 500, volumeThreshold: 10, capacity: 7 });
  });

  it.each([
    ['BREAKER_TIMEOUT_MS', '0'],
    ['BREAKER_ERROR_THRESHOLD_PERCENTAGE', '150'],
    ['BREAKER_RESET_TIMEOUT_MS', 'soon'],
    ['RECOMMENDATIONS_SERVICE_URL', 'recommendations:8082'],
    ['PROTECTIONS', 'timeout,retries'],
    ['PROTECTIONS', 'timeout,timeout'],
    ['UNPROTECTED_TIMEOUT_MS', '0'],
    ['SHARED_POOL_SIZE', 'many'],
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
