import { fileURLToPath } from 'node:url';
import { spawnService, type ChildService } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/server.ts', import.meta.url));

/** How many times `text` appears in `output`. */
const occurrences = (output: string, text: string) => output.split(text).length - 1;

let service: ChildService | undefined;
afterEach(async () => {
  await service?.stop(1000);
});

describe('product-service process', () => {
  it('when PORT is written in hex, then it refuses to start and prints the problem once', async () => {
    service = spawnService(entry, { PORT: '0x1F90' });

    const { code } = await service.exited;

    const output = service.output();
    expect(code).toBe(1);
    expect(occurrences(output, 'product-service did not start')).toBe(1);
    expect(occurrences(output, 'PORT="0x1F90": must be an integer from 0 to 65535')).toBe(1);
    await expect(service.ready).rejects.toThrow();
  });
});
