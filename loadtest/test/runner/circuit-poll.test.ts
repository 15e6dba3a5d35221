import { startStubUpstream, type StubUpstream } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { startCircuitPoll } from '../../src/runner/circuit-poll.js';

let stub: StubUpstream | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('startCircuitPoll', () => {
  it("when the breaker changes state, then the samples follow it and v2's transitions since t0 are kept", async () => {
    const t0 = Date.now();
    let state = 'CLOSED';
    const transitions = [
      { from: 'CLOSED', to: 'OPEN', at: new Date(t0 - 5000).toISOString() },
      { from: 'OPEN', to: 'CLOSED', at: new Date(t0 + 50).toISOString() },
    ];
    stub = await startStubUpstream(() => ({ body: { state, transitions } }));

    const poll = startCircuitPoll({ url: `${stub.url}/circuit-status`, intervalMs: 10, t0 });
    await expect.poll(() => poll.state).toBe('CLOSED');
    state = 'OPEN';
    await expect.poll(() => poll.state).toBe('OPEN');
    const record = await poll.stop();

    const states = record.samples.map((s) => s.state);
    expect(states[0]).toBe('CLOSED');
    expect(states.at(-1)).toBe('OPEN');
    expect(record.pollMs).toBe(10);
    expect(record.transitions).toEqual([{ ...transitions[1], t: 50 }]);
  });
});
