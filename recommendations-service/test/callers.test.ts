import { describe, expect, it } from 'vitest';
import { CallCounter, MAX_CALLERS } from '../src/callers.js';

describe('CallCounter', () => {
  it('when calls name their caller, then each caller gets its own total and calls in flight', () => {
    const callers = new CallCounter();

    callers.arrive('gateway-v1');
    callers.arrive('gateway-v1').inFlight -= 1;
    callers.arrive('gateway-v2');

    expect(callers.snapshot()).toEqual({
      'gateway-v1': { total: 2, inFlight: 1 },
      'gateway-v2': { total: 1, inFlight: 1 },
    });
  });

  it('when a call names no caller, then it counts as unknown', () => {
    const callers = new CallCounter();

    callers.arrive(undefined);
    callers.arrive('');

    expect(callers.snapshot()).toEqual({ unknown: { total: 2, inFlight: 2 } });
  });

  it.each([
    ['a name with spaces', 'gateway v1'],
    ['a name too long', 'g'.repeat(65)],
    ['a name with markup', '<script>'],
    ['the header sent twice', ['gateway-v1', 'gateway-v2']],
  ])('when a call carries %s, then it counts as other', (_what, header) => {
    const callers = new CallCounter();

    callers.arrive(header);

    expect(callers.snapshot()).toEqual({ other: { total: 1, inFlight: 1 } });
  });

  it('when more distinct callers come than are kept, then the rest count as other', () => {
    const callers = new CallCounter();

    for (let i = 0; i < MAX_CALLERS + 5; i += 1) callers.arrive(`caller-${i}`);
    callers.arrive('caller-0');
    callers.arrive(undefined);

    const counts = callers.snapshot();
    expect(Object.keys(counts)).toHaveLength(MAX_CALLERS + 2);
    expect(counts['caller-0']).toEqual({ total: 2, inFlight: 2 });
    expect(counts.other).toEqual({ total: 5, inFlight: 5 });
    expect(counts.unknown).toEqual({ total: 1, inFlight: 1 });
  });
});
