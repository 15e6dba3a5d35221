import type { OpenLoad } from '../../src/model/load.js';
import type { ScenarioSettings } from '../../src/scenarios/settings.js';

/** Test-sized scenarios for the in-process stack (v1 gives up after 300 ms, v2 after 50 ms). */
export function testSettings(over: Partial<ScenarioSettings> = {}): ScenarioSettings {
  const load: OpenLoad = {
    model: 'open',
    rate: 60,
    arrivals: 'uniform',
    seed: 1,
    socketBudget: 500,
    patienceMs: 200,
    clientTimeoutMs: 2000,
  };
  return {
    quick: true,
    load: { outage: load, timeline: load, layers: load, partial: load },
    tailMs: 300,
    outage: { durationMs: 1200 },
    timeline: { healthyMs: 500, hangMs: 1000, recoveryMs: 1500 },
    layers: {
      warmupMs: 300,
      healthyMs: 500,
      hangMs: 1000,
      recoveryMs: 1500,
      capacity: 4,
      workMs: 5,
      retries: 2,
    },
    partial: { errorRates: [0.3, 0.7], stretchMs: 800 },
    probeIntervalMs: 50,
    pollMs: 50,
    ...over,
  };
}
