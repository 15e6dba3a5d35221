import { demoProfile, ladderRungs, SERVICE_SETTINGS } from '@cbd/loadtest';
import { describe, expect, it } from 'vitest';
import { planLadder, planStack } from '../../src/stack/service-env.js';
import { problemsOf } from '../helpers/config-problems.js';

const USER = { PATH: '/usr/bin', GATEWAY_V1_PORT: '9080', PORT: '1234', HOST: '0.0.0.0' };

describe('planStack', () => {
  it('when planned, then each child has the user’s variables and the stack’s wiring, not the user’s PORT or HOST', () => {
    const { envs, ports, host } = planStack(USER, '127.0.0.1', {});

    expect(host).toBe('127.0.0.1');
    expect(ports['gateway-v1']).toBe(9080);
    expect(envs['gateway-v1']).toMatchObject({
      PATH: '/usr/bin',
      HOST: '127.0.0.1',
      PORT: '9080',
      PRODUCT_SERVICE_URL: 'http://127.0.0.1:8081',
      RECOMMENDATIONS_SERVICE_URL: 'http://127.0.0.1:8082',
    });
    expect(envs['product-service']).toMatchObject({ HOST: '127.0.0.1', PORT: '8081' });
    expect(envs['recommendations-service']?.PORT).toBe('8082');
  });

  it('when the services are gateways’ upstreams, then only the gateways are told where they are', () => {
    const { envs } = planStack({}, '127.0.0.1', {});

    expect(envs['product-service']).not.toHaveProperty('RECOMMENDATIONS_SERVICE_URL');
    expect(envs['gateway-v2']).toHaveProperty('RECOMMENDATIONS_SERVICE_URL');
  });

  it.each([
    ['127.0.0.1', 'http://127.0.0.1:8081'],
    ['0.0.0.0', 'http://127.0.0.1:8081'],
    ['::', 'http://127.0.0.1:8081'],
    ['192.168.1.10', 'http://192.168.1.10:8081'],
    ['::1', 'http://[::1]:8081'],
  ])(
    'when the services listen on %s, then the gateways reach product-service at %s',
    (host, url) => {
      const { envs } = planStack({}, host, {});

      expect(envs['gateway-v1'].PRODUCT_SERVICE_URL).toBe(url);
      expect(envs['gateway-v2'].PRODUCT_SERVICE_URL).toBe(url);
    },
  );

  it('when given the demo’s --quick profile, then each service gets its own values as variables', () => {
    const { envs } = planStack({}, '127.0.0.1', demoProfile(true));

    expect(envs['gateway-v2']).toMatchObject({
      BREAKER_TIMEOUT_MS: '200',
      BREAKER_RESET_TIMEOUT_MS: '1000',
      BREAKER_ROLLING_WINDOW_MS: '500',
      SHUTDOWN_GRACE_MS: '300',
    });
    expect(envs['recommendations-service']).toMatchObject({ HANG_MS: '3000' });
    expect(envs['gateway-v1']).toMatchObject({ V1_UPSTREAM_TIMEOUT_MS: '3000' });
    expect(envs['gateway-v1']).not.toHaveProperty('HANG_MS');
  });

  it('when the user set a variable the profile sets, then the user’s value wins; a blank one does not', () => {
    const { envs } = planStack(
      { BREAKER_TIMEOUT_MS: '500', HANG_MS: ' ' },
      '127.0.0.1',
      demoProfile(false),
    );

    expect(envs['gateway-v2']?.BREAKER_TIMEOUT_MS).toBe('500');
    expect(envs['recommendations-service']?.HANG_MS).toBe('30000');
  });

  it('when ADMIN_TOKEN is set, then every child gets it unchanged', () => {
    const { envs } = planStack(
      { ADMIN_TOKEN: 'a-long-random-token' },
      '127.0.0.1',
      demoProfile(true),
    );

    expect(Object.values(envs).map((env) => env.ADMIN_TOKEN)).toEqual([
      'a-long-random-token',
      'a-long-random-token',
      'a-long-random-token',
      'a-long-random-token',
    ]);
  });

  it('when a value is bad, then it fails before anything starts, naming it once however many services read it', () => {
    const problems = problemsOf(() =>
      planStack({ LOG_LEVEL: 'loud', V1_POOL_SIZE: 'lots' }, '127.0.0.1', {}),
    );

    expect(problems).toEqual([
      'LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent',
      'V1_POOL_SIZE="lots": must be an integer from 1 to 10000',
    ]);
  });

  it('when a port is 0 and a service setting is bad, then both are named in one error', () => {
    expect(
      problemsOf(() => planStack({ PRODUCT_PORT: '0', HANG_MS: 'x' }, '127.0.0.1', {})),
    ).toEqual([
      'PRODUCT_PORT="0": must be an integer from 1 to 65535',
      'HANG_MS="x": must be an integer from 0 to 600000',
    ]);
  });
});

describe('planLadder', () => {
  const rungs = ladderRungs(2);

  it('when planned, then one product-service and per rung its own dependency and gateway, on consecutive ports from LADDER_PORT', () => {
    const plan = planLadder({ LADDER_PORT: '9100' }, '127.0.0.1', demoProfile(false), rungs);

    expect(plan.children.map((c) => [c.name, c.port])).toEqual([
      ['product-service', 9100],
      ...rungs.flatMap((r, i) => [
        [`${r.id}/recommendations-service`, 9101 + 2 * i],
        [`${r.id}/gateway-${r.gateway}`, 9102 + 2 * i],
      ]),
    ]);
    const gateway = plan.children.find((c) => c.name === 'breaker/gateway-v2')!;
    expect(gateway.env).toMatchObject({
      PORT: '9112',
      PRODUCT_SERVICE_URL: 'http://127.0.0.1:9100',
      RECOMMENDATIONS_SERVICE_URL: 'http://127.0.0.1:9111',
      PROTECTIONS: 'timeout,fallback,breaker',
    });
    expect(plan.rungs.retries).toEqual({
      gateway: 'retries/gateway-v1',
      recommendations: 'retries/recommendations-service',
    });
    expect(plan.children.find((c) => c.name === 'retries/gateway-v1')!.env.V1_RETRIES).toBe('2');
    expect(plan.wanted.every((w) => w.variable === 'LADDER_PORT')).toBe(true);
  });

  it('when planned, then the fast retries time out when gateway-v2 does, with a pool as large as V1_POOL_SIZE goes', () => {
    const fast = (env: Record<string, string>) =>
      planLadder(env, '127.0.0.1', demoProfile(true), rungs).children.find(
        (c) => c.name === 'fast-retries/gateway-v1',
      )!.env;

    expect(fast({})).toMatchObject({
      V1_RETRIES: '2',
      V1_UPSTREAM_TIMEOUT_MS: String(demoProfile(true)['gateway-v2']!.timeoutMs),
      V1_POOL_SIZE: String(SERVICE_SETTINGS['gateway-v1'].poolSize.max),
    });
    expect(fast({ BREAKER_TIMEOUT_MS: '700' }).V1_UPSTREAM_TIMEOUT_MS).toBe('700');
  });

  it('when the user set PROTECTIONS, then each rung keeps its own: the ladder cannot be flattened', () => {
    const plan = planLadder({ PROTECTIONS: 'none', V1_RETRIES: '5' }, '127.0.0.1', {}, rungs);

    expect(plan.children.find((c) => c.name === 'timeout/gateway-v2')!.env.PROTECTIONS).toBe(
      'timeout',
    );
    expect(plan.children.find((c) => c.name === 'none/gateway-v1')!.env.V1_RETRIES).toBe('0');
  });

  it('when LADDER_PORT or a service setting is bad, then every problem is told at once', () => {
    const problems = problemsOf(() =>
      planLadder({ LADDER_PORT: '99999', HANG_MS: 'soon' }, '127.0.0.1', {}, rungs),
    );

    expect(problems.some((p) => p.includes('LADDER_PORT'))).toBe(true);
    expect(problems.some((p) => p.includes('HANG_MS'))).toBe(true);
  });

  it('when LADDER_PORT leaves no room for every rung’s ports, then it alone is named, with the highest it may be', () => {
    const needed = 1 + 2 * rungs.length;

    const problems = problemsOf(() =>
      planLadder({ LADDER_PORT: String(65537 - needed) }, '127.0.0.1', {}, rungs),
    );

    expect(problems).toEqual([
      `LADDER_PORT="${65537 - needed}": the ladder takes ${needed} consecutive ports from it, so it must be at most ${65536 - needed}`,
    ]);
    expect(() =>
      planLadder({ LADDER_PORT: String(65536 - needed) }, '127.0.0.1', {}, rungs),
    ).not.toThrow();
  });
});
