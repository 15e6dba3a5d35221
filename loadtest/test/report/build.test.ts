import { describe, expect, it } from 'vitest';
import type { ArrivalRecord } from '../../src/model/load.js';
import { buildReport, rawResults, toGatewayRun } from '../../src/report/build.js';
import type { GatewayRecording } from '../../src/scenarios/gateway-load.js';
import type { ScenarioRecording } from '../../src/scenarios/recording.js';
import { breakerDefaults } from '../helpers/breaker.js';
import { testSettings } from '../scenarios/settings.js';

const ENVIRONMENT = {
  node: 'v20',
  platform: 'linux',
  arch: 'x64',
  cpus: 2,
  cpuModel: 'cpu',
  memoryGb: 8,
  versions: {},
};
const SERVICES = {
  recommendations: {
    hangMs: 300,
    latencyMs: 150,
    errorRate: 0.5,
    capacity: { limit: 0, workMs: 0 },
  },
  v1: { size: 4, upstreamTimeoutMs: 300, retries: 0 },
  v2: {
    ...breakerDefaults(),
    timeoutMs: 50,
    errorThresholdPercentage: 50,
    volumeThreshold: 3,
    resetTimeoutMs: 200,
    capacity: 10,
    rollingWindowMs: 500,
    protections: ['timeout' as const, 'fallback' as const, 'breaker' as const, 'bulkhead' as const],
  },
};
const PHASES = [
  { mode: 'healthy', startMs: 0, endMs: 3000 },
  { mode: 'hang', startMs: 3000, endMs: 6000 },
  { mode: 'healthy', startMs: 6000, endMs: 12_000 },
];

/** Ten users a second for 12 s: served in time, except those of `sick` seconds (too late). */
function users(sick: (second: number) => boolean): ArrivalRecord[] {
  return Array.from({ length: 120 }, (_, i) => {
    const at = i * 100;
    return sick(Math.floor(at / 1000))
      ? { at, outcome: 'tooLate', latencyMs: 4000, status: 504 }
      : { at, outcome: 'full', latencyMs: 10, status: 200 };
  });
}

function recording(gateway: 'v1' | 'v2', arrivals: ArrivalRecord[]): GatewayRecording {
  const load = testSettings().load.timeline;
  return {
    gateway,
    url: `http://${gateway}`,
    path: '/product-details/1',
    load: {
      url: `http://${gateway}/product-details/1`,
      load,
      startMs: 0,
      durationMs: 12_000,
      endMs: 16_000,
      arrivals,
      schedule: null,
      cutOff: 0,
    },
    collateral: {
      path: '/products/1',
      probes: 0,
      inTime: 0,
      tooLate: 0,
      unanswered: 0,
      latencyMs: null,
      samples: [],
    },
    circuit: gateway === 'v2' ? { pollMs: 50, samples: [], transitions: [], probes: [] } : null,
    pool: gateway === 'v1' ? [] : null,
    dependency: [],
  };
}

const timeline = (v1: ArrivalRecord[], v2: ArrivalRecord[]): ScenarioRecording => ({
  name: 'timeline',
  description: 'test',
  t0: Date.parse('2026-12-01T00:00:00Z'),
  durationMs: 16_000,
  phases: PHASES,
  gateways: { v1: recording('v1', v1), v2: recording('v2', v2) },
});

describe('toGatewayRun', () => {
  it('when users went unserved until 3 s after the heal, then the run says when they were served again', () => {
    const run = toGatewayRun(
      recording(
        'v1',
        users((s) => s >= 3 && s < 9),
      ),
      PHASES,
    );

    expect(run.users.arrivals).toBe(120);
    expect(run.users.usefulShare).toBe(0.5);
    expect(run.usefulPerSecond).toBe(5);
    expect(run.phases.map((p) => p.users.usefulShare)).toEqual([1, 0, 0.5]);
    expect(run.recovery).toMatchObject({ healedAtMs: 6000, servedInTimeAfterMs: 3000 });
    expect(run.samples).toHaveLength(16);
  });
});

describe('buildReport', () => {
  it('when a timeline was recorded, then the report compares the gateways per user during the sickness', () => {
    const report = buildReport({
      settings: testSettings(),
      services: SERVICES,
      targets: {
        'gateway-v1': 'http://v1',
        'gateway-v2': 'http://v2',
        'recommendations-service': 'http://r',
      },
      recordings: [
        timeline(
          users((s) => s >= 3 && s < 9),
          users(() => false),
        ),
      ],
      environment: ENVIRONMENT,
      generatedAt: new Date('2026-12-01T00:01:00Z'),
    });

    const c = report.scenarios.timeline!.comparison;
    expect(c.usefulShare).toEqual({ v1: 0.5, v2: 1 });
    expect(c.sickUsefulShare).toEqual({ v1: 0, v2: 1 });
    expect(c.usefulPerSecondRatio).toBe(2);
    expect(c.latencyRatios.p99).toBe(400);
    expect(report.headline).toBe(c.verdict);
    expect(c.verdict).toContain('gateway-v1 took 3.0');
    expect(report.config.scenarios).toEqual(['timeline']);
  });
});

describe('rawResults', () => {
  it('when written beside the report, then every user is there in columns', () => {
    const raw = rawResults(
      [
        timeline(
          users(() => false),
          users(() => true),
        ),
      ],
      'v2',
    );

    expect(raw.timeline?.columns).toEqual(['at', 'outcome', 'latencyMs', 'status']);
    expect(raw.timeline?.rows[1]).toEqual([100, 'tooLate', 4000, 504]);
    expect(raw.timeline?.rows).toHaveLength(120);
  });
});
