import { scenarioSettings, type StackSettings } from '@cbd/loadtest';
import { describe, expect, it } from 'vitest';
import { liveLoad, livePorts } from '../../src/demo/live-config.js';
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

const services = (hangMs: number, upstreamTimeoutMs: number) =>
  ({
    recommendations: { hangMs, latencyMs: 1000, errorRate: 0.5, capacity: { limit: 0, workMs: 0 } },
    v1: { size: 50, upstreamTimeoutMs, retries: 0 },
  }) as StackSettings;

describe('liveLoad', () => {
  it('when the hang is longer than the demo’s client timeout, then every user waits it out, with sockets for all', () => {
    const settings = scenarioSettings({ quick: false, model: 'open', rate: 40 });

    const load = liveLoad(settings, services(60_000, 30_000));

    expect(load).toMatchObject({ model: 'open', rate: 40, clientTimeoutMs: 65_000 });
    expect(load.model === 'open' && load.socketBudget).toBeGreaterThanOrEqual(40 * 65);
  });

  it('when the services run the demo’s own timeouts, then the demo’s client timeout and its chosen load', () => {
    const settings = scenarioSettings({ quick: false, model: 'closed', connections: 7 });

    expect(liveLoad(settings, services(30_000, 30_000))).toEqual(settings.load.timeline);
  });
});
