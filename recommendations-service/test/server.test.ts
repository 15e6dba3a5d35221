import { fileURLToPath } from 'node:url';
import { spawnService, timedGet, type ChildService } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/server.ts', import.meta.url));

/** How many times `text` appears in `output`. */
const occurrences = (output: string, text: string) => output.split(text).length - 1;

let service: ChildService | undefined;
afterEach(async () => {
  await service?.stop(1000);
});

describe('recommendations-service process', () => {
  it('when SIGTERM arrives with a request hanging, then the process exits promptly and cleanly', async () => {
    service = spawnService(entry, {
      PORT: '0',
      FAILURE_MODE: 'hang',
      HANG_MS: '30000',
      SHUTDOWN_GRACE_MS: '200',
    });
    const url = await service.ready;
    const hung = fetch(`${url}/recommendations/1`).then(
      () => 'answered',
      () => 'closed',
    );
    await expect.poll(async () => (await timedGet(`${url}/admin/failure`)).body.hanging).toBe(1);
    const started = performance.now();

    service.child.kill('SIGTERM');
    const { code } = await service.exited;

    expect(code).toBe(0);
    expect(await hung).toBe('closed');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(service.output()).toContain('SIGTERM, shutting down');
  });

  it('when a variable is invalid, then the process refuses to start and names it', async () => {
    service = spawnService(entry, { PORT: '0', HANG_MS: 'forever' });

    const { code } = await service.exited;

    expect(code).toBe(1);
    expect(service.output()).toContain('recommendations-service did not start');
    expect(service.output()).toContain('HANG_MS="forever": must be an integer');
    await expect(service.ready).rejects.toThrow();
  });

  it('when variables are lenient (an octal port, a hex delay), then it refuses to start and prints each once', async () => {
    service = spawnService(entry, { PORT: '017620', HANG_MS: '0x10' });

    const { code } = await service.exited;

    const output = service.output();
    expect(code).toBe(1);
    expect(occurrences(output, 'recommendations-service did not start')).toBe(1);
    expect(occurrences(output, 'PORT="017620": must be an integer')).toBe(1);
    expect(occurrences(output, 'HANG_MS="0x10": must be an integer')).toBe(1);
    await expect(service.ready).rejects.toThrow();
  });
});
