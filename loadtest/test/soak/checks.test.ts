import { describe, expect, it } from 'vitest';
import { checkSoak, type SoakFacts } from '../../src/soak/checks.js';
import type { SoakCheck } from '../../src/soak/schema.js';
import { loadSoak } from '../bench/fixtures.js';

function facts(): SoakFacts {
  const { settings, stretches, load, circuit, process, errorLines, alive } = loadSoak();
  return structuredClone({ settings, stretches, load, circuit, process, errorLines, alive });
}

const failed = (checks: SoakCheck[]) => checks.filter((c) => !c.ok).map((c) => c.name);

describe('checkSoak', () => {
  it('when a real quick soak is checked, then every invariant holds', () => {
    const checks = checkSoak(facts());

    expect(failed(checks)).toEqual([]);
    expect(checks).toHaveLength(8);
  });

  it('when a service exited or logged an unhandled rejection, then the crash checks fail', () => {
    const f = facts();
    f.alive['gateway-v2'] = false;
    f.errorLines = ['gateway-v2: {"level":50,"msg":"gateway-v2: fatal error, shutting down"}'];

    expect(failed(checkSoak(f))).toEqual([
      'every service still running',
      'no error, fatal or unhandled error in the logs',
    ]);
  });

  it('when the gateway kept 25 more files open, or 70 MB more memory, after the soak, then the leak checks fail', () => {
    const f = facts();
    f.process.fds = { start: 60, end: 85, peak: 120 };
    f.process.rssMb = { start: 140, end: 210, peak: 230 };

    expect(failed(checkSoak(f))).toEqual(['open sockets did not grow', 'memory did not grow']);
  });

  it('when a 200 was not recognised as a product-details answer, then the classification check fails', () => {
    const f = facts();
    f.load.outcomes.full -= 1;
    f.load.outcomes.failed += 1;

    expect(failed(checkSoak(f))).toContain('every request classified');
  });

  it('when autocannon counted an answer the runner did not, then the classification check fails', () => {
    const f = facts();
    f.load.raw.answers += 1;

    expect(failed(checkSoak(f))).toEqual(['every request classified']);
  });

  it('when the breaker stayed closed through a hang, then it did not follow the flaps', () => {
    const f = facts();
    const hang = f.stretches.find((s) => s.mode === 'hang')!;
    const margin = f.settings.services.v2.timeoutMs;
    f.circuit.samples = f.circuit.samples.map((s) =>
      s.t >= hang.startMs && s.t <= hang.endMs + margin ? { ...s, state: 'CLOSED' } : s,
    );

    const check = checkSoak(f).find((c) => c.name === 'breaker follows the flaps')!;

    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/^hang 2\.0–4\.0 s: never seen OPEN/);
  });

  it('when the breaker was still open at the end of a healthy stretch, then it did not follow the flaps', () => {
    const f = facts();
    const healthy = f.stretches[2]!;
    f.circuit.samples = f.circuit.samples.map((s) =>
      s.t > healthy.endMs - 500 && s.t <= healthy.endMs ? { ...s, state: 'OPEN' } : s,
    );

    const check = checkSoak(f).find((c) => c.name === 'breaker follows the flaps')!;

    expect(check.ok).toBe(false);
    expect(check.detail).toBe('healthy 4.0–6.0 s: OPEN at its end');
  });

  it('when a transition does not start where the previous one ended, then the transitions are inconsistent', () => {
    const f = facts();
    f.circuit.transitions.splice(1, 1);

    expect(failed(checkSoak(f))).toEqual(['breaker transitions consistent']);
  });

  it('when /proc could not be read, then the leak checks say so instead of failing', () => {
    const f = facts();
    f.process = { fds: null, rssMb: null };

    const checks = checkSoak(f);

    expect(failed(checks)).toEqual([]);
    expect(checks.find((c) => c.name === 'memory did not grow')!.detail).toContain('not measured');
  });
});
