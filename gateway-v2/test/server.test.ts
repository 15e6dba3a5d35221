import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  bulkyRecommendations,
  productReply,
  recommendationsReply,
  spawnService,
  startStubUpstream,
  timedGet,
  type ChildService,
  type StubUpstream,
} from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const MB = 1024 * 1024;
/** How many times `text` appears in `output`. */
const occurrences = (output: string, text: string) => output.split(text).length - 1;

/** Rounds of four 50 MB answers at once. */
const ROUNDS = 5;

let service: ChildService | undefined;
let stubs: StubUpstream[] = [];
afterEach(async () => {
  await service?.stop(1000);
  await Promise.all(stubs.map((s) => s.close()));
  stubs = [];
});

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

/** Runs `sample` every intervalMs until `work` settles; resolves with work's result and the samples. */
async function sampledWhile<T, S>(
  work: Promise<T>,
  sample: () => Promise<S>,
  intervalMs: number,
): Promise<{ result: T; samples: S[] }> {
  let done = false;
  const samples: S[] = [];
  const sampling = (async () => {
    while (!done) {
      samples.push(await sample());
      await sleep(intervalMs);
    }
  })();
  try {
    return { result: await work, samples };
  } finally {
    done = true;
    await sampling;
  }
}

describe('gateway-v2 process', () => {
  it('when recommendations answer 50 MB at a time, then the memory stays near idle and /health keeps answering', async () => {
    const product = await startStubUpstream(productReply);
    const recommendations = await startStubUpstream(recommendationsReply);
    stubs = [product, recommendations];
    service = spawnService(entry, {
      PORT: '0',
      PRODUCT_SERVICE_URL: product.url,
      RECOMMENDATIONS_SERVICE_URL: recommendations.url,
      // Every big answer is downloaded, however many fail: the circuit never opens, no call times out.
      BREAKER_VOLUME_THRESHOLD: '1000000',
      BREAKER_TIMEOUT_MS: '20000',
    });
    const url = await service.ready;
    const pid = service.child.pid ?? 0;
    for (let i = 0; i < 50; i += 1) await timedGet(`${url}/product-details/${1 + (i % 30)}`);
    const idle = await rssOf(pid);
    recommendations.script(() => bulkyRecommendations(1, 50 * MB));

    const bigAnswers = (async () => {
      const answers = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const four = Array.from({ length: 4 }, () => timedGet(`${url}/product-details/1`));
        answers.push(...(await Promise.all(four)));
      }
      return answers;
    })();
    const sample = async () => ({ rss: await rssOf(pid), health: await timedGet(`${url}/health`) });
    const { result: answers, samples } = await sampledWhile(bigAnswers, sample, 10);

    expect(samples.length).toBeGreaterThanOrEqual(3);
    const peak = Math.max(...samples.map((s) => s.rss));
    expect((peak - idle) / MB, 'MB over idle').toBeLessThan(50);
    const slowest = Math.max(...samples.map((s) => s.health.ms));
    expect(slowest, '/health, slowest answer in ms').toBeLessThan(500);
    expect(samples.every((s) => s.health.status === 200)).toBe(true);
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body).toMatchObject({ degradedMode: true, degradedReason: 'UPSTREAM_ERROR' });
    }
    expect(recommendations.abandoned).toBe(4 * ROUNDS);
  }, 60_000);

  it('when variables are lenient (an octal port, a URL with a fragment), then it refuses to start and prints each once', async () => {
    service = spawnService(entry, {
      PORT: '0o17620',
      PRODUCT_SERVICE_URL: 'http://127.0.0.1:8081/#top',
    });

    const { code } = await service.exited;

    const output = service.output();
    expect(code).toBe(1);
    expect(occurrences(output, 'gateway-v2 did not start')).toBe(1);
    expect(occurrences(output, 'PORT="0o17620": must be an integer')).toBe(1);
    expect(occurrences(output, 'PRODUCT_SERVICE_URL="http://127.0.0.1:8081/#top": must be')).toBe(
      1,
    );
    await expect(service.ready).rejects.toThrow();
  });
});
