import { breakerStory, openShare } from '../model/circuit.js';
import { rungFigures } from '../model/ladder.js';
import { meanCallsPerSecond } from '../model/observed.js';
import { secondSamples, summarizeUsers } from '../model/load.js';
import { usefulOf } from '../model/outcome.js';
import {
  meanWaiting,
  phaseStats,
  recoveryAfter,
  sickPhase,
  sickWindow,
  type Phase,
} from '../model/phases.js';
import { perSecond, ratio, round } from '../model/stats.js';
import type { StackSettings } from '../runner/control.js';
import type { GatewayRecording } from '../scenarios/gateway-load.js';
import type { LayersRecording } from '../scenarios/layers.js';
import type { ScenarioRecording } from '../scenarios/recording.js';
import type { GatewayScenario, ScenarioSettings } from '../scenarios/settings.js';
import { headlineOf, layersVerdict, partialAnswer, rungSentence, verdictFor } from './narrative.js';
import {
  reportSchema,
  SCHEMA_VERSION,
  type Comparison,
  type Environment,
  type ErrorRateRow,
  type GatewayRun,
  type LayersResult,
  type Report,
  type RungResult,
  type ScenarioResult,
} from './schema.js';

export interface ReportInput {
  settings: ScenarioSettings;
  services: StackSettings;
  /** Every service the run loaded or switched, by name (the ladder's by rung). */
  targets: Readonly<Record<string, string>>;
  recordings: (ScenarioRecording | LayersRecording)[];
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
    usefulPerSecond: perSecond(usefulOf(users.outcomes), load.durationMs),
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

/** The users who arrived while the dependency was sick: all of them but in the timeline. */
function sickShare(run: GatewayRun, name: GatewayScenario): number {
  if (name !== 'timeline') return run.users.usefulShare;
  const sick = sickPhase(run.phases);
  return sick?.users.usefulShare ?? run.users.usefulShare;
}

export function compare(
  name: GatewayScenario,
  phases: readonly Phase[],
  v1: GatewayRun,
  v2: GatewayRun,
): Comparison {
  const sick = sickWindow(phases);
  const from = name === 'timeline' ? (sick?.startMs ?? 0) : v2.startMs;
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
    breakerOpenedAfterMs: story?.openedAfterMs == null ? null : round(story.openedAfterMs),
  };
  return { ...facts, verdict: verdictFor(name, v1, v2, facts) };
}

/** partial: per share of calls failed, each gateway's users and calls, and v2's open circuit. */
export function byErrorRate(
  phases: readonly Phase[],
  v1: GatewayRun,
  v2: GatewayRun,
): ErrorRateRow[] {
  return phases.flatMap((phase, i): ErrorRateRow[] => {
    if (phase.errorRate === undefined) return [];
    const { startMs, endMs } = phase;
    const useful = (run: GatewayRun) => run.phases[i]?.users.usefulShare ?? 0;
    const users = (run: GatewayRun) =>
      perSecond(run.phases[i]?.users.arrivals ?? 0, endMs - startMs, 1);
    const calls = (run: GatewayRun) => meanCallsPerSecond(run.dependency, startMs, endMs);
    return [
      {
        errorRate: phase.errorRate,
        startMs: round(startMs),
        endMs: round(endMs),
        v1: { usefulShare: useful(v1), usersPerSecond: users(v1), callsPerSecond: calls(v1) },
        v2: {
          usefulShare: useful(v2),
          usersPerSecond: users(v2),
          callsPerSecond: calls(v2),
          openShare: round(v2.circuit ? openShare(v2.circuit, startMs, endMs) : 0, 3),
        },
      },
    ];
  });
}

function toScenario(recording: ScenarioRecording, services: StackSettings): ScenarioResult {
  const v1 = toGatewayRun(recording.gateways.v1, recording.phases);
  const v2 = toGatewayRun(recording.gateways.v2, recording.phases);
  const comparison = compare(recording.name, recording.phases, v1, v2);
  const rows = recording.name === 'partial' ? byErrorRate(recording.phases, v1, v2) : undefined;
  return {
    name: recording.name,
    description: recording.description,
    startedAt: new Date(recording.t0).toISOString(),
    durationMs: recording.durationMs,
    phases: recording.phases,
    gateways: { v1, v2 },
    comparison: rows
      ? { ...comparison, verdict: partialAnswer(rows, services.v2.errorThresholdPercentage) }
      : comparison,
    ...(rows ? { byErrorRate: rows } : {}),
  };
}

function toLayers(recording: LayersRecording): LayersResult {
  const rungs = recording.rungs.map(({ rung, recording: gateway }) => {
    const run = toGatewayRun(gateway, recording.phases);
    return { ...rung, run, figures: rungFigures(run, recording.capacity.limit) };
  });
  const results: RungResult[] = rungs.map((r) => ({
    ...r,
    sentence: rungSentence(r, rungs.find((b) => b.id === r.below) ?? null),
  }));
  return {
    name: 'layers',
    description: recording.description,
    startedAt: new Date(recording.t0).toISOString(),
    durationMs: recording.durationMs,
    phases: recording.phases,
    capacity: recording.capacity,
    rungs: results,
    verdict: layersVerdict(results),
  };
}

/** Turns what the scenarios recorded into the report; the result is validated against the schema. */
export function buildReport(input: ReportInput): Report {
  const { settings, services, targets, recordings, environment, generatedAt } = input;
  const scenarios: Report['scenarios'] = {};
  for (const recording of recordings) {
    if (recording.name === 'layers') scenarios.layers = toLayers(recording);
    else scenarios[recording.name] = toScenario(recording, services);
  }
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
      layers: settings.layers,
      partial: settings.partial,
      services,
      targets: { ...targets },
    },
    environment,
    scenarios,
    headline: headlineOf(scenarios),
  });
}

function rawUsers(load: GatewayRecording['load']) {
  return {
    columns: ['at', 'outcome', 'latencyMs', 'status'],
    rows: load.arrivals.map((a) => [
      round(a.at),
      a.outcome,
      a.latencyMs === null ? null : round(a.latencyMs),
      a.status,
    ]),
    ...('raw' in load ? { autocannon: load.raw } : {}),
  };
}

/**
 * Every user of one gateway, per scenario, in columns (and autocannon's own result when it
 * ran); the ladder's rungs on that gateway as `layers-<rung>`.
 */
export function rawResults(
  recordings: readonly (ScenarioRecording | LayersRecording)[],
  gateway: 'v1' | 'v2',
) {
  return Object.fromEntries(
    recordings.flatMap((r) =>
      r.name === 'layers'
        ? r.rungs
            .filter(({ rung }) => rung.gateway === gateway)
            .map(({ rung, recording }) => [`layers-${rung.id}`, rawUsers(recording.load)])
        : [[r.name, rawUsers(r.gateways[gateway].load)]],
    ),
  );
}
