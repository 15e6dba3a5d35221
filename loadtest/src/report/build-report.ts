import type { ScenarioRecording } from '../scenarios/recording.js';
import type { ScenarioSettings, ServiceSettings } from '../scenarios/settings.js';
import type { Targets } from '../scenarios/targets.js';
import { compare } from './comparison.js';
import { toGatewayRun } from './gateway-run.js';
import { reportSchema, SCHEMA_VERSION, type Report, type ScenarioResult } from './schema.js';

export interface ReportInput {
  settings: ScenarioSettings;
  services: ServiceSettings;
  targets: Targets;
  recordings: ScenarioRecording[];
  environment: Report['environment'];
  generatedAt: Date;
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
  const lead = scenarios.outage ?? scenarios.timeline;
  return reportSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    generatedAt: generatedAt.toISOString(),
    config: {
      quick: settings.quick,
      scenarios: recordings.map((r) => r.name),
      clientTimeoutMs: settings.clientTimeoutMs,
      outage: settings.outage,
      timeline: settings.timeline,
      services,
      targets: { ...targets },
    },
    environment,
    scenarios,
    headline: lead?.comparison.verdict ?? 'No scenario was run.',
  });
}
