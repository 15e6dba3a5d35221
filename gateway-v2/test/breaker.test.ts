import { omit } from '@cbd/common';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createBreaker, fireBreaker, type BreakerSettings } from '../src/breaker.js';
import {
  BREAKER_OPTION_KEYS,
  loadConfig,
  OPOSSUM_OPTIONS,
  type BreakerOptions,
} from '../src/config.js';

const SETTINGS: BreakerSettings = {
  ...omit(loadConfig({}).breaker, ['capacity']),
  timeoutMs: 1000,
  errorThresholdPercentage: 50,
  volumeThreshold: 0,
  resetTimeoutMs: 60_000,
  rollingWindowMs: 1000,
};

/** A breaker whose fallback hands back the error it was given. */
function breakerAround(action: (id: number) => Promise<string>, resetTimeoutMs = 60_000) {
  const breaker = createBreaker('test', action, { ...SETTINGS, resetTimeoutMs });
  breaker.fallback((_id: number, err: Error) => err);
  return breaker;
}

/** What opossum made of the options it was given (@types/opossum leaves `options` out). */
const optionsOf = (breaker: object) =>
  (breaker as unknown as { options: Record<string, unknown> }).options;

describe('createBreaker', () => {
  it('when given every setting, then opossum holds each as the option OPOSSUM_OPTIONS names', () => {
    const settings = Object.fromEntries(
      BREAKER_OPTION_KEYS.map((key, i) => [key, 11 + i]),
    ) as unknown as BreakerOptions;

    const breaker = createBreaker('test', () => Promise.resolve(1), settings);

    for (const key of BREAKER_OPTION_KEYS)
      expect(optionsOf(breaker)[OPOSSUM_OPTIONS[key]], key).toBe(settings[key]);
    breaker.shutdown();
  });

  it('when there is no capacity, then opossum keeps its own: no bulkhead', () => {
    const breaker = createBreaker('test', () => Promise.resolve(1), SETTINGS);

    expect(optionsOf(breaker).capacity).toBe(Number.MAX_SAFE_INTEGER);
    breaker.shutdown();
  });
});

describe('fireBreaker', () => {
  it('when the circuit is open, then the fallback answers with the rejection, whose stack was not captured', async () => {
    const breaker = breakerAround(() => Promise.resolve('live'));
    breaker.open();
    const limit = Error.stackTraceLimit;

    const answer = (await fireBreaker(breaker, 1)) as unknown as Error & { code: string };

    expect(answer.code).toBe('EOPENBREAKER');
    expect(answer.stack?.split('\n')).toHaveLength(1);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(breaker.stats.rejects).toBe(1);
    breaker.shutdown();
  });

  it('when the circuit is half-open and its probe is out, then other calls are rejected without a stack, and the probe still decides', async () => {
    let answerProbe: (value: string) => void = () => undefined;
    const breaker = breakerAround(
      () => new Promise<string>((resolve) => (answerProbe = resolve)),
      20,
    );
    breaker.open();
    await once(breaker, 'halfOpen');

    const probe = fireBreaker(breaker, 1);
    const rejected = (await fireBreaker(breaker, 2)) as unknown as Error & { code: string };
    answerProbe('live');

    expect(rejected.code).toBe('EOPENBREAKER');
    expect(rejected.stack?.split('\n')).toHaveLength(1);
    expect(await probe).toBe('live');
    expect(breaker.closed).toBe(true);
    breaker.shutdown();
  });

  it('when the circuit is closed, then the action runs and its errors keep their stack traces', async () => {
    const breaker = breakerAround(() => Promise.reject(new Error('upstream down')));

    const answer = (await fireBreaker(breaker, 1)) as unknown as Error;

    expect(answer.message).toBe('upstream down');
    expect(answer.stack?.split('\n').length).toBeGreaterThan(1);
    expect(breaker.opened).toBe(true);
    breaker.shutdown();
  });

  it('when the circuit is closed and the action succeeds, then its answer comes back', async () => {
    const breaker = breakerAround(() => Promise.resolve('live'));

    expect(await fireBreaker(breaker, 1)).toBe('live');
    breaker.shutdown();
  });
});
