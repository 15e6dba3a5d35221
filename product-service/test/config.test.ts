import { ConfigError } from '@cbd/common';
import { LENIENT_PORTS } from '@cbd/common/tools';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('product-service config', () => {
  it('when nothing is set, then it listens on 127.0.0.1:8081', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8081,
      logLevel: 'info',
      shutdownGraceMs: 2000,
      allowedHosts: [],
      adminToken: '',
    });
  });

  it('when PORT is not a port, then start-up fails naming PORT', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty": must be an integer/);
  });

  it.each(LENIENT_PORTS)('when PORT=%s, then start-up fails naming it', (value) => {
    expect(() => loadConfig({ PORT: value })).toThrow(`PORT=${JSON.stringify(value)}: must be`);
  });
});
