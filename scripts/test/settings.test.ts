import { ConfigError } from '@cbd/common';
import { describe, expect, it } from 'vitest';
import { readDashboardPort, readStackPorts } from '../src/settings.js';
import { problemsOf } from './helpers/config-problems.js';

describe('readStackPorts', () => {
  it('when nothing is set, or a variable is blank, then each service takes its usual port', () => {
    expect(readStackPorts({ GATEWAY_V1_PORT: ' ' })).toEqual({
      'product-service': 8081,
      'recommendations-service': 8082,
      'gateway-v1': 8080,
      'gateway-v2': 8090,
    });
  });

  it('when a port is 0, then it is refused, since a launcher must know every URL before it starts', () => {
    expect(() => readStackPorts({ PRODUCT_PORT: '0' })).toThrow(ConfigError);
    expect(() => readStackPorts({ PRODUCT_PORT: '0' })).toThrow(
      'PRODUCT_PORT="0": must be an integer from 1 to 65535',
    );
  });

  it('when several ports are bad, then one error names each of them once', () => {
    const read = () => readStackPorts({ RECOMMENDATIONS_PORT: '65536', GATEWAY_V2_PORT: 'x' });

    expect(problemsOf(read)).toEqual([
      'RECOMMENDATIONS_PORT="65536": must be an integer from 1 to 65535',
      'GATEWAY_V2_PORT="x": must be an integer from 1 to 65535',
    ]);
  });
});

describe('readDashboardPort', () => {
  it('when DASHBOARD_PORT is unset or blank, then 8099', () => {
    expect(readDashboardPort({})).toBe(8099);
    expect(readDashboardPort({ DASHBOARD_PORT: ' ' })).toBe(8099);
  });

  it('when DASHBOARD_PORT is 0 or not a port, then a ConfigError names it', () => {
    expect(() => readDashboardPort({ DASHBOARD_PORT: '0' })).toThrow(ConfigError);
    expect(() => readDashboardPort({ DASHBOARD_PORT: 'x' })).toThrow('DASHBOARD_PORT="x"');
  });
});
