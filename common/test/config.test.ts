import { describe, expect, it } from 'vitest';
import { ConfigError, env, parseEnv } from '../src/config.js';
import { serviceEnv } from '../src/service-config.js';

const shape = {
  ...serviceEnv(8081),
  UPSTREAM_URL: env.httpUrl('http://127.0.0.1:8082'),
  RATE: env.number(0.5, 0, 1),
  ENABLED: env.bool(false),
  MODE: env.oneOf(['a', 'b'] as const, 'a'),
};

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(shape, source);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnv', () => {
  it('when nothing is set, then every key takes its default', () => {
    const config = parseEnv(shape, {});

    expect(config).toEqual({
      HOST: '127.0.0.1',
      PORT: 8081,
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: 2000,
      UPSTREAM_URL: 'http://127.0.0.1:8082',
      RATE: 0.5,
      ENABLED: false,
      MODE: 'a',
    });
  });

  it('when values are set, then they are parsed to their types', () => {
    const config = parseEnv(shape, {
      PORT: '9000',
      UPSTREAM_URL: 'http://recommendations:8082/',
      RATE: '0.25',
      ENABLED: 'true',
      MODE: 'b',
      LOG_LEVEL: 'debug',
    });

    expect(config).toMatchObject({
      PORT: 9000,
      UPSTREAM_URL: 'http://recommendations:8082',
      RATE: 0.25,
      ENABLED: true,
      MODE: 'b',
      LOG_LEVEL: 'debug',
    });
  });

  it('when a value is blank, then the default applies', () => {
    expect(parseEnv(shape, { PORT: '  ', MODE: '' })).toMatchObject({ PORT: 8081, MODE: 'a' });
  });

  it.each([
    ['PORT', 'abc', 'PORT="abc": must be an integer from 0 to 65535'],
    ['PORT', '70000', 'PORT="70000": must be an integer from 0 to 65535'],
    ['PORT', '80.5', 'PORT="80.5": must be an integer from 0 to 65535'],
    ['RATE', '2', 'RATE="2": must be a number from 0 to 1'],
    ['ENABLED', 'maybe', 'ENABLED="maybe": must be true or false'],
    ['MODE', 'c', 'MODE="c": must be one of a, b'],
    [
      'UPSTREAM_URL',
      'localhost:8082',
      'UPSTREAM_URL="localhost:8082": must be an http:// or https:// URL',
    ],
    ['UPSTREAM_URL', 'ftp://x', 'UPSTREAM_URL="ftp://x": must be an http:// or https:// URL'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL="loud": must be one of fatal, error'],
    ['HOST', 'my host', 'HOST="my host": must be a host name or IP address'],
  ])('when %s=%s, then the error names the variable and the rule', (name, value, expected) => {
    const problems = problemsOf({ [name]: value });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it('when several values are bad, then each is reported', () => {
    const problems = problemsOf({ PORT: '-1', RATE: 'x' });

    expect(problems.map((p) => p.split('=')[0])).toEqual(['PORT', 'RATE']);
  });
});
