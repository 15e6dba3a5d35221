import { mkdir } from 'node:fs/promises';
import { silentLogger } from '@cbd/common';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrowserAssets } from '../../src/pages/assets.js';
import { presetChange } from '../../src/live/buttons.js';
import { startDashboard, type RunningDashboard } from '../../src/live/dashboard-server.js';
import { startLiveSession, type LiveSession } from '../../src/live/session.js';
import { chromiumAvailability, launchChromium } from '../browser.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';
import { FakeTour } from './fake-feed.js';

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
  // Longer than the hang: gateway-v1 waits it out, as it waits out 30 s in the real demo.
  V1_UPSTREAM_TIMEOUT_MS: '5000',
};

if (!chromium.available) {
  if (chromium.mustFail)
    it('when running in CI, then Chromium is installed', () => {
      expect.fail(chromium.reason);
    });
  else console.warn(`Skipping the live dashboard's browser tests: ${chromium.reason}`);
}

// The functions below run in the page (Playwright sends their source): self-contained.
const badgeIs = (state: string) =>
  document.getElementById('circuit-badge')?.dataset.state === state;
const figure = (selector: string) =>
  Number((document.querySelector(selector)?.textContent ?? '').replace(/\D/g, '') || '-1');
function layout() {
  const root = document.documentElement;
  return {
    fits: root.scrollHeight <= innerHeight && root.scrollWidth <= innerWidth,
    drawn: Array.from(document.querySelectorAll('canvas')).map((c) =>
      Number(c.dataset.points ?? 0),
    ),
  };
}

// Seconds each alone; more when the suite's other files share the two cores.
describe.skipIf(!chromium.available)('the live dashboard in Chromium', { timeout: 30_000 }, () => {
  let stack: InProcessStack;
  let session: LiveSession;
  let dashboard: RunningDashboard;
  let browser: Browser;
  const tour = new FakeTour(['Break it', 'Heal it', 'Try a preset']);

  beforeAll(async () => {
    stack = await startInProcessStack(STACK_ENV);
    session = startLiveSession({
      targets: stack.targets,
      load: {
        model: 'open',
        rate: 30,
        arrivals: 'uniform',
        seed: 1,
        socketBudget: 300,
        patienceMs: 500,
        clientTimeoutMs: 4000,
      },
      statusPollMs: 100,
      probeIntervalMs: 200,
    });
    const assets = await loadBrowserAssets();
    dashboard = await startDashboard({
      host: '127.0.0.1',
      port: 0,
      targets: stack.targets,
      feed: session,
      assets: assets.live,
      logger: silentLogger,
      tour,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await session?.stop();
    await stack?.close();
  });

  async function open(viewport: { width: number; height: number }) {
    const page = await browser.newPage({ viewport });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(dashboard.url);
    await page.waitForFunction(badgeIs, 'CLOSED', { timeout: 5000 });
    return { page, requests, errors };
  }

  async function waitForBadge(page: Page, state: string, timeoutMs: number): Promise<number> {
    const started = Date.now();
    await page.waitForFunction(badgeIs, state, { timeout: timeoutMs, polling: 50 });
    return Date.now() - started;
  }

  it('when the dependency hangs and heals from the page, then gateway-v2 opens and closes, gateway-v1’s users pile up, with no error and nothing off 127.0.0.1', async () => {
    const { page, requests, errors } = await open({ width: 1920, height: 1080 });
    const waitingBefore = await page.evaluate(figure, '#column-v1 [data-figure="waiting"]');

    await page.click('button[data-mode="hang"]');
    const openedAfter = await waitForBadge(page, 'OPEN', BREAKER_TIMEOUT_MS + 2000);
    await page.waitForFunction(
      ({ selector, above }) =>
        Number((document.querySelector(selector)?.textContent ?? '').replace(/\D/g, '') || '0') >
        above,
      { selector: '#column-v1 [data-figure="waiting"]', above: waitingBefore + 15 },
      { timeout: HANG_MS },
    );
    const v2Waiting = await page.evaluate(figure, '#column-v2 [data-figure="waiting"]');
    const pressed = await page.getAttribute('button[data-mode="hang"]', 'aria-pressed');
    // The first half-open probe goes one reset timeout after the circuit opened.
    await page.waitForFunction(
      () =>
        document.querySelector('#circuit-probes')?.textContent?.includes('one call let through'),
      undefined,
      { timeout: RESET_TIMEOUT_MS + 2000 },
    );
    const probes = await page.textContent('#circuit-probes');
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('dashboard.png', ARTIFACTS).pathname });

    await page.click('button[data-mode="healthy"]');
    const closedAfter = await waitForBadge(page, 'CLOSED', RESET_TIMEOUT_MS + 2000);

    expect(openedAfter).toBeLessThanOrEqual(BREAKER_TIMEOUT_MS + 2000);
    expect(closedAfter).toBeLessThanOrEqual(RESET_TIMEOUT_MS + 2000);
    expect(v2Waiting).toBeLessThan(15);
    expect(pressed).toBe('true');
    expect(probes).toContain('one call let through');
    expect(await page.textContent('#circuit-label')).toBe('CLOSED');
    expect(await page.evaluate(layout)).toMatchObject({ fits: true });
    expect(errors).toEqual([]);
    const hosts = requests.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).host);
    expect(new Set(hosts)).toEqual(new Set([new URL(dashboard.url).host]));
    expect(requests.some((u) => u.endsWith('/events'))).toBe(true);
    await page.close();
  });

  it('when a breaker preset is pressed, then /circuit-status shows its options and the page marks it', async () => {
    const { page, errors } = await open({ width: 1920, height: 1080 });
    const v2 = stack.targets['gateway-v2'];
    const { startup } = (await (await fetch(`${v2}/circuit/config`)).json()) as {
      startup: Parameters<typeof presetChange>[1];
    };

    await page.click('button[data-preset="aggressive"]');
    await page.waitForSelector('button[data-preset="aggressive"][aria-pressed="true"]', {
      timeout: 3000,
    });
    const during = (await (await fetch(`${v2}/circuit-status`)).json()) as { options: object };
    const shown = await page.textContent('#circuit-options');
    await page.click('button[data-preset="default"]');
    await page.waitForSelector('button[data-preset="default"][aria-pressed="true"]', {
      timeout: 3000,
    });
    const after = (await (await fetch(`${v2}/circuit-status`)).json()) as { options: object };

    expect(during.options).toMatchObject(presetChange('aggressive', startup)!);
    expect(shown).toContain(`timeout ${presetChange('aggressive', startup)!.timeoutMs}`);
    expect(after.options).toMatchObject(startup);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when the tour panel’s next button is pressed, then the tour moves on and the panel shows the new step', async () => {
    const { page, errors } = await open({ width: 1920, height: 1080 });
    const before = tour.nexts;
    const stepBefore = await page.textContent('#tour-step');

    await page.click('#tour-next');
    await page.waitForFunction(
      () => document.getElementById('tour-title')?.textContent === 'Heal it',
      undefined,
      {
        timeout: 3000,
      },
    );

    expect(stepBefore).toBe('step 1 of 3');
    expect(tour.nexts).toBe(before + 1);
    expect(await page.textContent('#tour-step')).toBe('step 2 of 3');
    expect(await page.textContent('#tour-notice')).toContain('Do Heal it.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when shown on a 1280×720 projector, then the whole page fits the screen with every chart drawn', async () => {
    const { page, errors } = await open({ width: 1280, height: 720 });
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('canvas')).every(
        (c) => Number(c.dataset.points ?? 0) > 0,
      ),
    );

    const { fits, drawn } = await page.evaluate(layout);

    expect(fits).toBe(true);
    expect(drawn).toHaveLength(6);
    expect(errors).toEqual([]);
    await page.close();
  });
});
