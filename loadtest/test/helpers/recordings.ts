import type { GatewayId, Outcome } from '../../src/report/schema.js';
import { OutcomeRecorder } from '../../src/runner/recorder.js';
import type { GatewayRecording } from '../../src/scenarios/recording.js';

export const T0 = Date.parse('2026-01-01T00:00:00.000Z');

/** Per second: how many responses of each outcome, and their latency. */
export type SecondScript = Partial<Record<Outcome, number>> & { latencyMs?: number };

/** A gateway recording built second by second, without any load. */
export function recordingOf(
  gateway: GatewayId,
  seconds: SecondScript[],
  { startMs = 0, transitions = [] as { from: string; to: string; t: number }[] } = {},
): GatewayRecording {
  const recorder = new OutcomeRecorder(T0);
  seconds.forEach((script, i) => {
    const at = T0 + startMs + i * 1000 + 500;
    const latency = script.latencyMs ?? 10;
    for (const outcome of ['full', 'degraded', 'failed'] as const) {
      for (let n = 0; n < (script[outcome] ?? 0); n += 1) {
        recorder.response(at, outcome === 'failed' ? 504 : 200, outcome, latency);
      }
    }
    for (let n = 0; n < (script.timeout ?? 0); n += 1) recorder.timeout(at);
  });
  return {
    gateway,
    url: `http://127.0.0.1:${gateway === 'v1' ? 8080 : 8090}`,
    path: '/product-details/1',
    connections: 10,
    load: {
      recorder,
      startMs,
      durationMs: seconds.length * 1000,
      raw: {} as GatewayRecording['load']['raw'],
      aborted: false,
    },
    collateral: { path: '/products/1', probes: 0, ok: 0, latencyMs: null, samples: [] },
    circuit:
      gateway === 'v2'
        ? {
            pollMs: 250,
            samples: [],
            transitions: transitions.map((tr) => ({
              from: tr.from as 'CLOSED',
              to: tr.to as 'OPEN',
              at: new Date(T0 + tr.t).toISOString(),
              t: tr.t,
            })),
          }
        : null,
  };
}
