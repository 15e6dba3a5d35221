import {
  DEFAULT_PORTS,
  readSettings,
  serviceSettings,
  setting,
  type EnvSource,
  type ServiceConfig,
} from '@cbd/common';
import type { CapacitySettings } from './capacity.js';
import { FAILURE_MODES, type FailureSettings } from './failure-controller.js';

/** Every variable recommendations-service reads. */
export const settings = {
  ...serviceSettings(DEFAULT_PORTS['recommendations-service']),
  simulateFailure: setting.bool('SIMULATE_FAILURE', {
    default: false,
    meaning: '`true` starts in `hang` mode, unless `FAILURE_MODE` names another',
  }),
  failureMode: setting.oneOf('FAILURE_MODE', FAILURE_MODES, {
    default: 'healthy',
    meaning:
      '`healthy`, `hang`, `error`, `slow`, `partial` or `reset`; wins over `SIMULATE_FAILURE`',
  }),
  hangMs: setting.int('HANG_MS', {
    default: 30_000,
    min: 0,
    max: 600_000,
    meaning: 'how long `hang` holds a request',
  }),
  latencyMs: setting.int('SLOW_MS', {
    default: 1000,
    min: 0,
    max: 600_000,
    meaning: 'how long a `slow` call takes (holding its place that long)',
  }),
  errorRate: setting.number('ERROR_RATE', {
    default: 0.5,
    min: 0,
    max: 1,
    meaning: 'the fraction `partial` fails',
  }),
  capacity: setting.int('CAPACITY', {
    default: 0,
    min: 0,
    max: 100_000,
    meaning:
      'calls served at once (`0`: no limit); the rest wait in line, first come first served, and so slow down',
  }),
  workMs: setting.int('WORK_MS', {
    default: 0,
    min: 0,
    max: 600_000,
    meaning:
      'how long a `healthy` or `partial` call holds its place (`0`: it answers at once); see "The dependency\'s side"',
  }),
};

export interface RecommendationsConfig extends ServiceConfig {
  /** The failure mode and its parameters at start; POST /admin/failure changes them later. */
  failure: FailureSettings;
  /** Its workers at start; POST /admin/failure changes them later. */
  capacity: CapacitySettings;
}

export function loadConfig(source: EnvSource): RecommendationsConfig {
  const {
    simulateFailure,
    failureMode,
    hangMs,
    latencyMs,
    errorRate,
    capacity,
    workMs,
    ...service
  } = readSettings(settings, source);
  // SIMULATE_FAILURE=true is the one-word way to start hanging; an explicit FAILURE_MODE wins.
  const modeIsSet = (source[settings.failureMode.env] ?? '').trim() !== '';
  const mode = modeIsSet ? failureMode : simulateFailure ? 'hang' : 'healthy';
  return {
    ...service,
    failure: { mode, hangMs, latencyMs, errorRate },
    capacity: { limit: capacity, workMs },
  };
}
