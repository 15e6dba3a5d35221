import { mkdir } from 'node:fs/promises';
import { silentLogger } from '@cbd/common';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboardAssets } from '../../src/live/assets.js';
import { startDashboard, type RunningDashboard } from '../../src/live/dashboard-server.js';
import { startLiveSession, type LiveSession } from '../../src/live/session.js';
import { chromiumAvailability, launchChromium } from '../browser.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';

const ARTIFACTS = new URL('../../../reports/test-artifacts/', import.meta.url);
const chromium = chromiumAvailability();

const BREAKER_TIMEOUT_MS = 100;
const RESET_TIMEOUT_MS = 500;
const HANG_MS = 2000;
const STACK_ENV = {
  BREAKER_TIMEOUT_MS: String(BREAKER_TIMEOUT_MS),
  BREAKER_RESET_TIMEOUT_MS: String(RESET_TIMEOUT_MS),
  BREAKER_ROLLING_WINDOW_MS: '1000',
  HANG_MS: String(HANG_MS),
  // Longer than the hang: v1 waits it out, as it waits out 30 s in the real demo.
  V1_UPSTREAM_TIMEOUT_MS: '5000',
};

if (!chromium.available) {
  if (chromium.mustFail) {
    it('when running in CI, then Chromium is installed', () => {
      expect.fail(chromium.reason);
    });
  } else {
    console.warn(`Skipping the live dashboard's browser test: ${chromium.reason}`);
  }
}

// The functions below run in the page (Playwright sends their source): self-contained.
interface PageGlobals {
  document: { getElementById(id: string): { dataset: Record<string, string> } | null };
  Chart: {
    getChart(canvas: unknown): { data: { datasets: { data: (number | null)[] }[] } } | undefined;
  };
}

/** The p99 points of a gateway's latency chart that have a value, oldest first. */
function answeredP99(gateway: string): number[] {
  const g = globalThis as unknown as PageGlobals;
  const chart = g.Chart.getChart(g.document.getElementById(`${gateway}-latency`));
  return (chart?.data.datasets[0]?.data ?? []).filter((p): p is number => p !== null);
}

function v1LatestP99Above({ atLeast, above }: { atLeast: number; above: number }): boolean {
  const g = globalThis as unknown as PageGlobals;
  const chart = g.Chart.getChart(g.document.getElementById('v1-latency'));
  const points = (chart?.data.datasets[0]?.data ?? []).filter((p): p is number => p !== null);
  return points.length >= atLeast && (points.at(-1) ?? 0) > above;
}

function badgeIs(state: string): boolean {
  const g = globalThis as unknown as PageGlobals;
  return g.document.getElementById('circuit-badge')?.dataset.state === state;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Waits until v2's badge shows `state`; returns how long that took. */
async function waitForBadge(page: Page, state: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  await page.waitForFunction(badgeIs, state, { timeout: timeoutMs, polling: 50 });
  return Date.now() - started;
}

describe.skipIf(!chromium.available)('the live dashboard in Chromium', () => {
  let stack: InProcessStack;
  let session: LiveSession;
  let dashboard: RunningDashboard;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startInProcessStack(STACK_ENV);
    session = startLiveSession({ targets: stack.targets, connections: 4, clientTimeoutMs: 4000 });
    dashboard = await startDashboard({
      host: '127.0.0.1',
      port: 0,
      targets: stack.targets,
      feed: session,
      assets: await loadDashboardAssets(),
      logger: silentLogger,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await session?.stop();
    await stack?.close();
  });

  it('when the dependency hangs and heals from the page, then v2 opens and closes, v1 slows, without errors or requests off 127.0.0.1', async () => {
    // Arrange
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(dashboard.url);
    await waitForBadge(page, 'CLOSED', 5000);
    await page.waitForFunction(v1LatestP99Above, { atLeast: 3, above: 0 }, { timeout: 5000 });
    const healthyP99 = median(await page.evaluate(answeredP99, 'v1'));

    // Act: break it
    await page.click('button[data-mode="hang"]');
    const openedAfter = await waitForBadge(page, 'OPEN', BREAKER_TIMEOUT_MS + 2000);
    // v1 waits out the hang: its answers take the whole HANG_MS.
    await page.waitForFunction(
      v1LatestP99Above,
      { atLeast: 1, above: HANG_MS * 0.9 },
      { timeout: HANG_MS + 3000 },
    );
    const hungP99 = (await page.evaluate(answeredP99, 'v1')).at(-1) ?? 0;
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('dashboard.png', ARTIFACTS).pathname });
    const pressed = await page.getAttribute('button[data-mode="hang"]', 'aria-pressed');

    // Act: heal it
    await page.click('button[data-mode="healthy"]');
    const closedAfter = await waitForBadge(page, 'CLOSED', RESET_TIMEOUT_MS + 2000);

    // Assert
    expect(openedAfter).toBeLessThanOrEqual(BREAKER_TIMEOUT_MS + 2000);
    expect(closedAfter).toBeLessThanOrEqual(RESET_TIMEOUT_MS + 2000);
    expect(hungP99).toBeGreaterThan(healthyP99 * 2);
    expect(pressed).toBe('true');
    expect(await page.textContent('#circuit-label')).toBe('CLOSED');
    expect(errors).toEqual([]);
    const hosts = requests
      .filter((url) => !url.startsWith('data:'))
      .map((url) => new URL(url).host);
    expect(new Set(hosts)).toEqual(new Set([new URL(dashboard.url).host]));
    expect(requests.some((url) => url.endsWith('/events'))).toBe(true);
    await page.close();
  }, 60_000);
});
