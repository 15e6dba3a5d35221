import { breakerStory } from '../model/circuit.js';
import { secondSamples, summarizeUsers } from '../model/load.js';
import { usefulOf } from '../model/outcome.js';
import { meanWaiting, phaseStats, recoveryAfter, sickWindow, type Phase } from '../model/phases.js';
import { ratio, round } from '../model/stats.js';
import type { StackSettings, Targets } from '../runner/control.js';
import type { GatewayRecording } from '../scenarios/gateway-load.js';
import type { ScenarioRecording } from '../scenarios/recording.js';
import type { GatewayScenario, ScenarioSettings } from '../scenarios/settings.js';
import { headlineOf, verdictFor } from './narrative.js';
import {
  reportSchema,
  SCHEMA_VERSION,
  type Comparison,
  type Environment,
  type GatewayRun,
  type Report,
  type ScenarioResult,
} from './schema.js';

export interface ReportInput {
  settings: ScenarioSettings;
  services: StackSettings;
  targets: Targets;
  recordings: ScenarioRecording[];
  environment: Environment;
  generatedAt: Date;
}

/** One gateway's recording as the report states it, every figure per user who arrived. */
export function toGatewayRun(recording: GatewayRecording, phases: readonly Phase[]): GatewayRun {
  const { load } = recording;
  const firstSecond = Math.floor(load.startMs / 1000);
  const lastSecond = Math.ceil(load.endMs / 1000);
  const samples = secondSamples(load.arrivals, firstSecond, lastSecond);
  const users = summarizeUsers(load.arrivals);
  const seconds = load.durationMs / 1000;
  const sick = sickWindow(phases);
  const healthyBefore = phases[0]?.mode === 'healthy' ? phases[0] : undefined;
  return {
    gateway: recording.gateway,
    url: recording.url,
    path: recording.path,
    load: load.load,
    startMs: round(load.startMs),
    durationMs: round(load.durationMs),
    endMs: round(load.endMs),
    users,
    usefulPerSecond: seconds > 0 ? round(usefulOf(users.outcomes) / seconds) : 0,
    schedule: load.schedule,
    cutOff: load.cutOff,
    peakWaiting: samples.reduce((max, s) => Math.max(max, s.waiting), 0),
    collateral: recording.collateral,
    samples,
    pool: recording.pool,
    circuit: recording.circuit,
    dependency: recording.dependency,
    phases: phaseStats(load.arrivals, samples, phases),
    recovery:
      sick?.healedAtMs != null
        ? recoveryAfter(
            samples,
            sick.healedAtMs,
            healthyBefore ? meanWaiting(samples, healthyBefore) : 0,
          )
        : null,
  };
}

/** The users who arrived while the dependency was sick: all of them in the outage. */
function sickShare(run: GatewayRun, name: GatewayScenario): number {
  if (name === 'outage') return run.users.usefulShare;
  const sick = run.phases.find((p) => p.mode !== 'healthy');
  return sick?.users.usefulShare ?? run.users.usefulShare;
}

export function compare(
  name: GatewayScenario,
  phases: readonly Phase[],
  v1: GatewayRun,
  v2: GatewayRun,
): Comparison {
  const sick = sickWindow(phases);
  const from = name === 'outage' ? v2.startMs : (sick?.startMs ?? 0);
  const story = v2.circuit ? breakerStory(v2.circuit, from, sick?.healedAtMs ?? null) : null;
  const facts = {
    usefulShare: { v1: v1.users.usefulShare, v2: v2.users.usefulShare },
    sickUsefulShare: { v1: sickShare(v1, name), v2: sickShare(v2, name) },
    usefulPerSecondRatio: ratio(v2.usefulPerSecond, v1.usefulPerSecond),
    latencyRatios: {
      p50: ratio(v1.users.latencyMs?.p50, v2.users.latencyMs?.p50),
      p99: ratio(v1.users.latencyMs?.p99, v2.users.latencyMs?.p99),
    },
    collateralP99Ratio: ratio(v1.collateral.latencyMs?.p99, v2.collateral.latencyMs?.p99),
    breakerOpenedAfterMs: story?.openedAfterMs ?? null,
  };
  return { ...facts, verdict: verdictFor(name, v1, v2, facts) };
}

function toScenario(recording: ScenarioRecording): ScenarioResult {
  const v1 = toGatewayRun(recording.gateways.v1, recording.phases);
  const v2 = toGatewayRun(recording.gateways.v2, recording.phases);
  return {
    name: recording.name,
    description: recording.description,
    startedAt: new Date(recording.t0).toISOString(),
    durationMs: recording.durationMs,
    phases: recording.phases,
    gateways: { v1, v2 },
    comparison: compare(recording.name, recording.phases, v1, v2),
  };
}

/** Turns what the scenarios recorded into the report; the result is validated against the schema. */
export function buildReport(input: ReportInput): Report {
  const { settings, services, targets, recordings, environment, generatedAt } = input;
  const scenarios: Report['scenarios'] = {};
  for (const recording of recordings) scenarios[recording.name] = toScenario(recording);
  return reportSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    generatedAt: generatedAt.toISOString(),
    config: {
      quick: settings.quick,
      scenarios: recordings.map((r) => r.name),
      load: settings.load,
      tailMs: settings.tailMs,
      outage: settings.outage,
      timeline: settings.timeline,
      services,
      targets: { ...targets },
    },
    environment,
    scenarios,
    headline: headlineOf(scenarios),
  });
}

/** Every user of one gateway, per scenario, in columns (and autocannon's own result when it ran). */
export function rawResults(recordings: readonly ScenarioRecording[], gateway: 'v1' | 'v2') {
  return Object.fromEntries(
    recordings.map((r) => {
      const { load } = r.gateways[gateway];
      return [
        r.name,
        {
          columns: ['at', 'outcome', 'latencyMs', 'status'],
          rows: load.arrivals.map((a) => [
            round(a.at),
            a.outcome,
            a.latencyMs === null ? null : round(a.latencyMs),
            a.status,
          ]),
          ...('raw' in load ? { autocannon: load.raw } : {}),
        },
      ];
    }),
  );
}
