import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  readSettings,
  serviceSettings,
  setting,
  settingsEnv,
  settingsSchema,
  upstreamSettings,
} from '../src/settings.js';

const defs = {
  ...serviceSettings(8081),
  ...upstreamSettings(),
  rate: setting.number('RATE', { default: 0.5, min: 0, max: 1, meaning: 'a share' }),
  enabled: setting.bool('ENABLED', { default: false, meaning: 'a switch' }),
  mode: setting.oneOf('MODE', ['a', 'b'] as const, { default: 'a', meaning: 'a mode' }),
  layers: setting.listOf('LAYERS', ['x', 'y', 'z'] as const, {
    default: ['x', 'y'],
    meaning: 'a list',
  }),
};

function problemsOf(source: Record<string, string>): string[] {
  try {
    readSettings(defs, source);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('readSettings', () => {
  it('when nothing is set, then every setting takes its default', () => {
    expect(readSettings(defs, {})).toEqual({
      host: '127.0.0.1',
      port: 8081,
      logLevel: 'info',
      shutdownGraceMs: 2000,
      allowedHosts: [],
      adminToken: '',
      productServiceUrl: 'http://127.0.0.1:8081',
      recommendationsServiceUrl: 'http://127.0.0.1:8082',
      upstreamMaxBodyBytes: 1_048_576,
      maxRecommendations: 100,
      rate: 0.5,
      enabled: false,
      mode: 'a',
      layers: ['x', 'y'],
    });
  });

  it('when values are set, then they are read as their types', () => {
    const values = readSettings(defs, {
      PORT: '9000',
      RECOMMENDATIONS_SERVICE_URL: 'http://recommendations:8082/',
      RATE: '0.25',
      ENABLED: 'TRUE',
      MODE: 'b',
      LOG_LEVEL: 'debug',
      LAYERS: 'z, x',
    });

    expect(values).toMatchObject({
      port: 9000,
      recommendationsServiceUrl: 'http://recommendations:8082',
      rate: 0.25,
      enabled: true,
      mode: 'b',
      logLevel: 'debug',
      layers: ['z', 'x'],
    });
  });

  it('when a value is blank, then the default applies', () => {
    expect(readSettings(defs, { PORT: '  ', MODE: '' })).toMatchObject({ port: 8081, mode: 'a' });
  });

  it('when a list is "none", in any case, then it is empty', () => {
    expect(readSettings(defs, { LAYERS: 'none' }).layers).toEqual([]);
    expect(readSettings(defs, { LAYERS: 'NONE' }).layers).toEqual([]);
  });

  it.each([
    ['PORT', 'abc', 'an integer from 0 to 65535'],
    ['PORT', '70000', 'an integer from 0 to 65535'],
    ['PORT', '80.5', 'an integer from 0 to 65535'],
    ['PORT', '0x1F90', 'an integer from 0 to 65535'],
    ['PORT', '0o17620', 'an integer from 0 to 65535'],
    ['PORT', '0b1', 'an integer from 0 to 65535'],
    ['PORT', '1e4', 'an integer from 0 to 65535'],
    ['PORT', '-1', 'an integer from 0 to 65535'],
    ['RATE', '2', 'a number from 0 to 1'],
    ['RATE', '.5', 'a number from 0 to 1'],
    ['RATE', '5e-1', 'a number from 0 to 1'],
    ['ENABLED', 'maybe', 'true or false'],
    ['MODE', 'c', 'one of a, b'],
    ['LAYERS', 'x,w', 'a comma-separated list of x, y, z'],
    ['LAYERS', 'x,x', 'a comma-separated list of x, y, z'],
    ['PRODUCT_SERVICE_URL', 'localhost:8082', 'an http:// or https:// URL'],
    ['PRODUCT_SERVICE_URL', 'ftp://x', 'an http:// or https:// URL'],
    ['PRODUCT_SERVICE_URL', 'http://x:8081/?debug=1', 'an http:// or https:// URL'],
    ['PRODUCT_SERVICE_URL', 'http://x:8081/#top', 'an http:// or https:// URL'],
    ['PRODUCT_SERVICE_URL', 'http://user:pw@x:8081', 'an http:// or https:// URL'],
    ['LOG_LEVEL', 'loud', 'one of fatal, error'],
    ['HOST', 'my host', 'a host name or IP address'],
    ['PORT', '08081', 'an integer from 0 to 65535'],
    ['PORT', '017620', 'an integer from 0 to 65535'],
    ['RATE', '00.5', 'a number from 0 to 1'],
    ['ALLOWED_HOSTS', 'http://demo.example', 'a comma-separated list of host names'],
    ['ALLOWED_HOSTS', 'demo.example:8082', 'a comma-separated list of host names'],
    ['ALLOWED_HOSTS', 'a..b', 'a comma-separated list of host names'],
    ['ALLOWED_HOSTS', '*.example', 'a comma-separated list of host names'],
    ['ALLOWED_HOSTS', 'demo.example,DEMO.example', 'a comma-separated list of host names'],
  ])('when %s=%s, then the one problem names the variable and the rule', (name, value, rule) => {
    const problems = problemsOf({ [name]: value });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${name}=${JSON.stringify(value)}: must be ${rule}`);
  });

  it('when ALLOWED_HOSTS lists names, then they are kept lower-cased; none is an empty list', () => {
    expect(
      readSettings(defs, { ALLOWED_HOSTS: 'Demo.Example, class-1.local' }).allowedHosts,
    ).toEqual(['demo.example', 'class-1.local']);
    expect(readSettings(defs, { ALLOWED_HOSTS: 'none' }).allowedHosts).toEqual([]);
    expect(readSettings(defs, { ALLOWED_HOSTS: 'None' }).allowedHosts).toEqual([]);
  });

  it.each([
    ['too short', 'short'],
    ['with a space', 'a token with spaces in it'],
    ['with a control character', 'abcdefghijklmnop\u0007'],
  ])('when ADMIN_TOKEN is %s, then it is refused without being printed', (_what, value) => {
    const problems = problemsOf({ ADMIN_TOKEN: value });

    expect(problems).toEqual([
      'ADMIN_TOKEN (not shown): must be 16 to 256 visible ASCII characters (no spaces)',
    ]);
  });

  it('when ADMIN_TOKEN is long enough, then it is read as given', () => {
    expect(readSettings(defs, { ADMIN_TOKEN: 'x'.repeat(16) }).adminToken).toBe('x'.repeat(16));
  });

  it('when several values are bad, then each is reported once, in definition order', () => {
    const problems = problemsOf({ RATE: 'x', PORT: '-1' });

    expect(problems.map((p) => p.split('=')[0])).toEqual(['PORT', 'RATE']);
  });

  it('when a URL has a path, then the path is kept and a trailing slash dropped', () => {
    const values = readSettings(defs, { PRODUCT_SERVICE_URL: 'https://shop.example/api/' });

    expect(values.productServiceUrl).toBe('https://shop.example/api');
  });
});

describe('settingsEnv', () => {
  it('when typed values are given, then they become the variables that read back as them', () => {
    const env = settingsEnv(defs, { port: 9001, rate: 0.1, enabled: true, layers: [] });

    expect(env).toEqual({ PORT: '9001', RATE: '0.1', ENABLED: 'true', LAYERS: 'none' });
    expect(readSettings(defs, env)).toMatchObject({
      port: 9001,
      rate: 0.1,
      enabled: true,
      layers: [],
    });
  });
});

describe('settingsSchema', () => {
  it('when a body names an unknown key or breaks a rule, then it is refused', () => {
    const schema = settingsSchema({ rate: defs.rate, mode: defs.mode }).partial();

    expect(schema.safeParse({ rate: 0.2 }).success).toBe(true);
    expect(schema.safeParse({ rate: 2 }).success).toBe(false);
    expect(schema.safeParse({ rate: '0.2' }).success).toBe(false);
    expect(schema.safeParse({ mode: 'b', extra: 1 }).success).toBe(false);
  });
});
