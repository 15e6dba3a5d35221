import { scenarioSettings, type ServiceSettings } from '../scenarios/settings.js';
import type { OverheadOptions } from './breaker-overhead.js';
import type { BenchSettings } from './schema.js';

/**
 * The full bench: warm-ups of 3 s, then 5 alternating rounds of 5 s per target; the demo's
 * outage (40 s per gateway, so v1's 30 s requests complete). --quick: about a minute in all.
 */
export function benchSettings(quick: boolean, services: ServiceSettings): BenchSettings {
  const scenario = scenarioSettings(quick);
  return {
    connections: scenario.outage.connections,
    steadyConnections: scenario.timeline.connections,
    warmupMs: quick ? 1000 : 3000,
    runMs: quick ? 2000 : 5000,
    rounds: quick ? 2 : 5,
    outageMs: scenario.outage.durationMs,
    services,
  };
}

export function overheadOptions(quick: boolean): OverheadOptions {
  return quick ? { iterations: 20_000, repeats: 3 } : { iterations: 100_000, repeats: 7 };
}
