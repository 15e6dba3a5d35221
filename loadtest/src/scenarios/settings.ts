import type { ScenarioName } from '../report/schema.js';

export interface ScenarioSettings {
  quick: boolean;
  /** Longer than the hang: a 30 s answer is measured instead of being cut off (curl --max-time 35). */
  clientTimeoutMs: number;
  outage: { connections: number; durationMs: number };
  timeline: { connections: number; healthyMs: number; hangMs: number; recoveryMs: number };
  probeIntervalMs: number;
  circuitPollMs: number;
}

/** The services' settings for a run: the defaults, or about 10× shorter for --quick. */
export interface ServiceSettings {
  hangMs: number;
  v1: { upstreamTimeoutMs: number; maxSockets: number };
  v2: {
    timeoutMs: number;
    errorThresholdPercentage: number;
    volumeThreshold: number;
    resetTimeoutMs: number;
    capacity: number;
    rollingWindowMs: number;
  };
}

export function serviceSettings(quick: boolean): ServiceSettings {
  const scale = quick ? 10 : 1;
  return {
    hangMs: 30_000 / scale,
    v1: { upstreamTimeoutMs: 30_000 / scale, maxSockets: 50 },
    v2: {
      timeoutMs: 2_000 / scale,
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      resetTimeoutMs: 10_000 / scale,
      capacity: 100,
      rollingWindowMs: quick ? 500 : 1_000,
    },
  };
}

export interface SettingOverrides {
  connections?: number;
  durationMs?: number;
}

/**
 * outage: 40 s per gateway, so v1's 30 s requests complete within the run; timeline: 10 s
 * healthy, 20 s hang, 40 s healthy, so v1's backlog is seen outliving the outage.
 */
export function scenarioSettings(
  quick: boolean,
  overrides: SettingOverrides = {},
): ScenarioSettings {
  const scale = quick ? 10 : 1;
  return {
    quick,
    clientTimeoutMs: 35_000 / scale,
    outage: {
      connections: overrides.connections ?? 100,
      durationMs: overrides.durationMs ?? 40_000 / scale,
    },
    timeline: {
      connections: overrides.connections ?? 20,
      ...timelinePhases(overrides.durationMs ?? 70_000 / scale),
    },
    probeIntervalMs: quick ? 100 : 500,
    circuitPollMs: quick ? 100 : 250,
  };
}

/** 1 : 2 : 4 — healthy long enough to set a baseline, recovery long enough to outlive v1's backlog. */
function timelinePhases(totalMs: number) {
  const unit = totalMs / 7;
  return {
    healthyMs: Math.round(unit),
    hangMs: Math.round(2 * unit),
    recoveryMs: Math.round(4 * unit),
  };
}

export const SCENARIO_DESCRIPTIONS: Record<ScenarioName, string> = {
  outage:
    'Recommendations hang from the start. gateway-v1, then gateway-v2, each under the same load, one after the other.',
  timeline:
    'Both gateways under steady load at once while recommendations go healthy, then hang, then healthy again.',
};
