import { omit } from '@cbd/common';
import { demoProfile, type ServiceProfile } from '../scenarios/services.js';
import { scenarioSettings, type ScenarioSettings } from '../scenarios/settings.js';

/**
 * What the tour starts the services with: the demo's profile (`demoProfile`, shorter waits
 * with --quick), but gateway-v2 keeps its 10 s rolling window. The
 * tour sends one request at a time, as a student with curl does; the demo's 1 s window, made
 * for steady load, forgets each call before the next one fails, so the circuit would never
 * see enough calls to open. The load step sets the demo's window itself.
 */
export function tourProfile(quick: boolean): ServiceProfile {
  const demo = demoProfile(quick);
  return { ...demo, 'gateway-v2': omit(demo['gateway-v2'] ?? {}, ['rollingWindowMs']) };
}

/** How the tour loads the gateways in its load steps. */
export interface TourSettings {
  /** The load step: the timeline scenario (both gateways; healthy, hang, healthy). */
  timeline: ScenarioSettings;
  /** The partial-failure step: how long users arrive at each failure rate. */
  partialMs: number;
  /** The rolling window the load step gives gateway-v2's breaker, as the demo runs it. */
  loadWindowMs: number;
}

/** Users per second at each gateway: gateway-v1's pool of 50 fills within a second of a hang. */
export const TOUR_RATE = 50;

/** --quick: the timeline in 7 s (1 s healthy, 2 s hang, 4 s healthy); otherwise in 35 s. */
export function tourSettings(quick: boolean): TourSettings {
  return {
    timeline: scenarioSettings({
      quick,
      model: 'open',
      rate: TOUR_RATE,
      ...(quick ? {} : { durationMs: 35_000 }),
    }),
    partialMs: quick ? 3000 : 10_000,
    loadWindowMs: demoProfile(quick)['gateway-v2']?.rollingWindowMs ?? 1000,
  };
}
