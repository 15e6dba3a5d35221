import { afterEach, describe, expect, it } from 'vitest';
import { ServiceCallError } from '../../src/errors.js';
import { controlOf, readStackSettings } from '../../src/runner/control.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';

let stack: InProcessStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('controlOf', () => {
  it('when the mode and the breaker options change, then the services say so', async () => {
    stack = await startInProcessStack();
    const control = controlOf(stack.targets);

    await control.setFailure({ mode: 'slow', latencyMs: 20 });
    await control.configureBreaker({ volumeThreshold: 9 });
    const settings = await readStackSettings(stack.targets);
    await control.restoreBreaker();

    expect(await control.readFailure()).toMatchObject({ mode: 'slow', latencyMs: 20 });
    expect(settings.v2.volumeThreshold).toBe(9);
    expect((await readStackSettings(stack.targets)).v2.volumeThreshold).toBe(3);
    expect(settings.v1).toMatchObject({ size: 4, upstreamTimeoutMs: 300 });
  });

  it('when a service refuses a change, then the error names the call and the answer', async () => {
    stack = await startInProcessStack();

    const change = controlOf(stack.targets).configureBreaker({ volumeThreshold: -1 });

    await expect(change).rejects.toBeInstanceOf(ServiceCallError);
    await expect(change).rejects.toThrow(/POST .*\/circuit\/config answered 400/);
  });

  it('when nothing listens, then the error says no answer came', async () => {
    const targets = {
      'gateway-v1': 'http://127.0.0.1:1',
      'gateway-v2': 'http://127.0.0.1:1',
      'recommendations-service': 'http://127.0.0.1:1',
    };

    await expect(controlOf(targets).readFailure()).rejects.toThrow(/got no answer/);
  });
});
