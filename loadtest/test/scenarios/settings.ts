import type { ScenarioSettings } from '../../src/scenarios/settings.js';

/** Scenario timings for tests: about a second each, against the in-process stack's short timeouts. */
export const TEST_SETTINGS: ScenarioSettings = {
  quick: true,
  clientTimeoutMs: 1000,
  outage: { connections: 4, durationMs: 1000 },
  timeline: { connections: 4, healthyMs: 500, hangMs: 700, recoveryMs: 1300 },
  probeIntervalMs: 50,
  circuitPollMs: 50,
};
