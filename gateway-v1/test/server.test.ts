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

describe('gateway-v1 process', () => {
  it('when variables are lenient (hex port, a URL with a query), then it refuses to start and prints each once', async () => {
    service = spawnService(entry, {
      PORT: '1e4',
      RECOMMENDATIONS_SERVICE_URL: 'http://127.0.0.1:8082/?debug=1',
    });

    const { code } = await service.exited;

    const output = service.output();
    expect(code).toBe(1);
    expect(occurrences(output, 'gateway-v1 did not start')).toBe(1);
    expect(occurrences(output, 'PORT="1e4": must be an integer')).toBe(1);
    expect(
      occurrences(output, 'RECOMMENDATIONS_SERVICE_URL="http://127.0.0.1:8082/?debug=1": must be'),
    ).toBe(1);
    await expect(service.ready).rejects.toThrow();
  });
});
