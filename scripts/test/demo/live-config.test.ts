import { scenarioSettings, serviceSettings } from '@cbd/loadtest';
import { describe, expect, it } from 'vitest';
import { liveClientTimeoutMs, livePorts } from '../../src/demo/live-config.js';
import { readStackPorts } from '../../src/settings.js';

describe('livePorts', () => {
  it('when the services are started here, then their ports are checked with the dashboard’s', () => {
    const ports = livePorts(9000, readStackPorts({}));

    expect(ports.map((p) => [p.port, p.variable])).toEqual([
      [9000, 'DASHBOARD_PORT'],
      [8081, 'PRODUCT_PORT'],
      [8082, 'RECOMMENDATIONS_PORT'],
      [8080, 'GATEWAY_V1_PORT'],
      [8090, 'GATEWAY_V2_PORT'],
    ]);
  });

  it('when the services are already running, then only the dashboard’s port is checked', () => {
    expect(livePorts(9000, undefined).map((p) => p.port)).toEqual([9000]);
  });
});

describe('liveClientTimeoutMs', () => {
  it('when the hang is longer than the demo’s client timeout, then the load waits it out', () => {
    const services = { ...serviceSettings(false), hangMs: 60_000 };

    expect(liveClientTimeoutMs(scenarioSettings(false), services)).toBe(65_000);
  });

  it('when the settings are the demo’s own, then the demo’s client timeout', () => {
    expect(liveClientTimeoutMs(scenarioSettings(false), serviceSettings(false))).toBe(35_000);
  });
});
