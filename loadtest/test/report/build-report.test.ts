import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { reportSchema } from '../../src/report/schema.js';
import type { ScenarioRecording } from '../../src/scenarios/recording.js';
import { scenarioSettings, serviceSettings } from '../../src/scenarios/settings.js';
import { recordingOf, T0 } from '../helpers/recordings.js';

const environment = {
  node: 'v20',
  platform: 'linux',
  arch: 'x64',
  cpus: 2,
  cpuModel: 'cpu',
  memoryGb: 8,
  versions: {},
};
const targets = { 'gateway-v1': 'a', 'gateway-v2': 'b', 'recommendations-service': 'c' };

function outage(): ScenarioRecording {
  const v1 = recordingOf('v1', [{}, {}, { failed: 4, latencyMs: 3000 }, { timeout: 2 }]);
  const v2 = recordingOf(
    'v2',
    [{ degraded: 100, latencyMs: 5 }, { degraded: 300 }, { degraded: 300 }, { degraded: 300 }],
    {
      startMs: 4000,
      transitions: [{ from: 'CLOSED', to: 'OPEN', t: 4250 }],
    },
  );
  return {
    name: 'outage',
    description: 'd',
    t0: T0,
    durationMs: 8000,
    phases: [{ mode: 'hang', startMs: 0, endMs: 8000 }],
    gateways: { v1, v2 },
  };
}

function timeline(): ScenarioRecording {
  const healthy = { full: 100, latencyMs: 10 };
  const v1 = recordingOf('v1', [healthy, healthy, {}, {}, {}, {}, healthy, healthy]);
  const v2 = recordingOf(
    'v2',
    [healthy, healthy, { degraded: 50 }, { degraded: 200 }, healthy, healthy, healthy, healthy],
    {
      transitions: [
        { from: 'CLOSED', to: 'OPEN', t: 2400 },
        { from: 'OPEN', to: 'HALF_OPEN', t: 4400 },
        { from: 'HALF_OPEN', to: 'CLOSED', t: 4500 },
      ],
    },
  );
  const phases = [
    { mode: 'healthy', startMs: 0, endMs: 2000 },
    { mode: 'hang', startMs: 2000, endMs: 4000 },
    { mode: 'healthy', startMs: 4000, endMs: 8000 },
  ];
  return {
    name: 'timeline',
    description: 'd',
    t0: T0,
    durationMs: 8000,
    phases,
    gateways: { v1, v2 },
  };
}

function build(recordings: ScenarioRecording[]) {
  return buildReport({
    settings: scenarioSettings(true),
    services: serviceSettings(true),
    targets,
    recordings,
    environment,
    generatedAt: new Date(T0),
  });
}

describe('buildReport', () => {
  it('when both scenarios ran, then the report is valid and states what each gateway did', () => {
    const report = build([outage(), timeline()]);

    expect(reportSchema.safeParse(report).success).toBe(true);
    const { v1, v2 } = report.scenarios.outage!.gateways;
    expect(v1).toMatchObject({
      requests: { total: 4, perSecond: 1, usefulPerSecond: 0 },
      usefulRate: 0,
      timeouts: 2,
    });
    expect(v1.outcomes).toEqual({ full: 0, degraded: 0, failed: 4, timeout: 2 });
    expect(v2).toMatchObject({
      requests: { total: 1000, perSecond: 250 },
      usefulRate: 1,
      startMs: 4000,
    });
    expect(v2.samples.map((s) => s.t)).toEqual([4, 5, 6, 7]);
    expect(report.config.scenarios).toEqual(['outage', 'timeline']);
  });

  it('when the outage is compared, then ratios divide v2 by v1 throughput and v1 by v2 latency', () => {
    const { comparison } = build([outage()]).scenarios.outage!;

    expect(comparison.throughputRatio).toBe(250);
    expect(comparison.usefulThroughputRatio).toBeNull();
    expect(comparison.latencyRatios.p50).toBe(300);
    expect(comparison.usefulRate).toEqual({ v1: 0, v2: 1 });
    expect(comparison.breakerOpenedAfterMs).toBe(250);
    expect(comparison.verdict).toContain('250×');
    expect(comparison.verdict).not.toMatch(/NaN|Infinity|undefined|null/);
  });

  it('when the timeline is compared, then per-phase rates and recovery times tell the story', () => {
    const { gateways, comparison } = build([timeline()]).scenarios.timeline!;

    expect(gateways.v1.phases?.map((p) => p.usefulPerSecond)).toEqual([100, 0, 50]);
    expect(gateways.v2.phases?.map((p) => p.usefulPerSecond)).toEqual([100, 125, 100]);
    expect(comparison.breakerOpenedAfterMs).toBe(400);
    expect(comparison.recoveryMs).toEqual({ v1: 2000, v2: 0 });
    expect(comparison.verdict).toContain('125 useful answers per second');
  });

  it('when only one scenario ran, then the other is absent and the headline is its verdict', () => {
    const report = build([timeline()]);

    expect(report.scenarios.outage).toBeUndefined();
    expect(report.headline).toBe(report.scenarios.timeline?.comparison.verdict);
  });
});
