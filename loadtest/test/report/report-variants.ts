import {
  reportSchema,
  type GatewayRun,
  type Report,
  type ScenarioName,
} from '../../src/report/schema.js';
import { loadFixture } from './fixtures.js';

/** Edits a copy of the full fixture and validates it, so a variant is always a legal report. */
export function variant(edit: (report: Report) => void): Report {
  const report = structuredClone(loadFixture('report'));
  edit(report);
  return reportSchema.parse(report);
}

export function withoutScenario(name: ScenarioName, stillRequested = false): Report {
  return variant((r) => {
    delete r.scenarios[name];
    if (!stillRequested) r.config.scenarios = r.config.scenarios.filter((s) => s !== name);
  });
}

/** A gateway run in which nothing at all happened. */
function idle(run: GatewayRun): void {
  run.requests = { total: 0, perSecond: 0, usefulPerSecond: 0 };
  run.latencyMs = { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  run.statusCodes = {};
  run.outcomes = { full: 0, degraded: 0, failed: 0, timeout: 0 };
  run.timeouts = 0;
  run.errors = 0;
  run.usefulRate = 0;
  run.collateral = { path: '/products/1', probes: 0, ok: 0, latencyMs: null, samples: [] };
  run.samples = run.samples.map((s) => ({
    ...s,
    requests: 0,
    outcomes: { full: 0, degraded: 0, failed: 0, timeout: 0 },
    p50: null,
    p99: null,
  }));
  if (run.circuit) run.circuit = { ...run.circuit, samples: [], transitions: [] };
  delete run.phases;
}

/** Both scenarios, both gateways: zero requests, no latency, no probes, no ratio. */
export function idleReport(): Report {
  return variant((r) => {
    for (const s of Object.values(r.scenarios)) {
      idle(s.gateways.v1);
      idle(s.gateways.v2);
      s.comparison = {
        ...s.comparison,
        throughputRatio: null,
        usefulThroughputRatio: null,
        latencyRatios: { p50: null, p99: null, mean: null },
        usefulRate: { v1: 0, v2: 0 },
        collateralP99Ratio: null,
        ...(s.comparison.recoveryMs ? { recoveryMs: { v1: null, v2: null } } : {}),
        ...(s.comparison.breakerOpenedAfterMs !== undefined ? { breakerOpenedAfterMs: null } : {}),
      };
    }
  });
}

export const HOSTILE = '</script><img src=x onerror=alert(1)>';

/** Every free-text field a runner could fill from outside (URLs, descriptions, verdicts) made hostile. */
export function hostileReport(): Report {
  return variant((r) => {
    r.headline = `${HOSTILE} headline`;
    r.config.targets['gateway-v1'] = `http://127.0.0.1:8080/${HOSTILE}`;
    r.environment.cpuModel = HOSTILE;
    for (const s of Object.values(r.scenarios)) {
      s.description = HOSTILE;
      s.comparison.verdict = `${HOSTILE} verdict`;
      s.gateways.v1.url = `http://127.0.0.1:8080/${HOSTILE}`;
      s.gateways.v1.collateral.path = `/products/1${HOSTILE}`;
    }
  });
}
