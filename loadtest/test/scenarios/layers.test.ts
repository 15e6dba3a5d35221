import { settingsEnv } from '@cbd/common';
import { afterEach, describe, expect, it } from 'vitest';
import { GATEWAY_SERVICE } from '../../src/model/gateways.js';
import { meanCallsPerSecond } from '../../src/model/observed.js';
import { controlOf } from '../../src/runner/control.js';
import { ladderRungs, rungProfile, RUNG_IDS } from '../../src/scenarios/ladder.js';
import { runLayers, type LadderStack } from '../../src/scenarios/layers.js';
import { SERVICE_SETTINGS } from '../../src/scenarios/services.js';
import {
  IN_PROCESS_V2_TIMEOUT_MS,
  startInProcessStack,
  type InProcessStack,
} from '../helpers/in-process-stack.js';
import { testSettings } from './settings.js';

let stacks: InProcessStack[] = [];
afterEach(async () => {
  await Promise.all(stacks.map((s) => s.close()));
  stacks = [];
});

/** Each rung as its own in-process stack, its gateway started with the rung's protections. */
async function startLadder(retries: number): Promise<LadderStack> {
  const rungs = {} as LadderStack['rungs'];
  for (const rung of ladderRungs(retries)) {
    const service = GATEWAY_SERVICE[rung.gateway];
    // The fast retries' short timeout, on product calls too: five times gateway-v2's here, so
    // that seven stacks sharing one event loop on a busy machine do not time their products out.
    const own = rungProfile(rung, { 'gateway-v2': { timeoutMs: 5 * IN_PROCESS_V2_TIMEOUT_MS } });
    const env = settingsEnv(SERVICE_SETTINGS[service], own[service] ?? {});
    // A hung call outlasts every timeout here, so no patience lets one count as served.
    const stack = await startInProcessStack({ ...env, HANG_MS: '2000' });
    stacks.push(stack);
    rungs[rung.id] = {
      gateway: stack.targets[service],
      recommendations: stack.targets['recommendations-service'],
    };
  }
  return { rungs };
}

describe('runLayers', () => {
  it('when every rung runs healthy, hang, healthy, then all get the same users, each dependency is sized and switched, and only the top rungs serve through the hang', async () => {
    // Seven stacks share this one process: fewer users each, and fewer status reads and probes,
    // keep its event loop from being the bottleneck. Even so a fallback takes 50-150 ms here,
    // so the patience is 500 ms.
    const base = testSettings();
    const settings = testSettings({
      load: {
        ...base.load,
        layers: { ...base.load.layers, rate: 12, patienceMs: 500 } as typeof base.load.layers,
      },
      pollMs: 100,
      probeIntervalMs: 100,
    });
    const ladder = await startLadder(settings.layers.retries);

    const recording = await runLayers(ladder, settings);

    expect(recording.phases.map((p) => p.mode)).toEqual(['healthy', 'hang', 'healthy']);
    expect(recording.rungs.map((r) => r.rung.id)).toEqual([...RUNG_IDS]);
    const arrivals = recording.rungs.map((r) => r.recording.load.arrivals.length);
    expect(new Set(arrivals).size).toBe(1);
    const hang = recording.phases[1]!;
    const hungShare = (id: string) => {
      const { arrivals: users } = recording.rungs.find((r) => r.rung.id === id)!.recording.load;
      const during = users.filter((u) => u.at >= hang.startMs && u.at < hang.endMs);
      return (
        during.filter((u) => u.outcome === 'full' || u.outcome === 'degraded').length /
        during.length
      );
    };
    expect(hungShare('none')).toBeLessThan(0.2);
    expect(hungShare('bulkhead')).toBeGreaterThan(0.8);
    const calls = (id: string) =>
      meanCallsPerSecond(
        recording.rungs.find((r) => r.rung.id === id)!.recording.dependency,
        hang.startMs,
        hang.endMs,
      );
    expect(calls('bulkhead')).toBeLessThan(calls('timeout'));
    // Each user's call tried three times, against gateway-v1's pool-capped calls; the later tries
    // of users who arrive near the hang's end fall after it, so in a 1-s hang the measured
    // ratio is about 2, not 3. Whether the retries keep the dependency down is the real-process
    // demo's test: here it serves 800 calls/s.
    expect(calls('fast-retries')).toBeGreaterThan(1.5 * calls('none'));
    for (const id of RUNG_IDS) {
      const state = await controlOf({
        'gateway-v1': ladder.rungs[id].gateway,
        'gateway-v2': ladder.rungs[id].gateway,
        'recommendations-service': ladder.rungs[id].recommendations,
      }).readFailure();
      expect(state.mode).toBe('healthy');
      expect(state.capacity).toMatchObject({
        limit: settings.layers.capacity,
        workMs: settings.layers.workMs,
      });
    }
  });

  it('when aborted, then it stops and rejects with an AbortError', async () => {
    const ladder = await startLadder(1);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);

    await expect(runLayers(ladder, testSettings(), { signal: abort.signal })).rejects.toMatchObject(
      {
        name: 'AbortError',
      },
    );
  });
});
