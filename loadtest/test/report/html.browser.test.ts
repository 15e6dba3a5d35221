import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrowserAssets, type BrowserAssets } from '../../src/pages/assets.js';
import { renderHtml } from '../../src/report/html.js';
import type { Report } from '../../src/report/schema.js';
import { chromiumAvailability, launchChromium } from '../browser.js';
import { hostileReport, loadFixture } from './fixtures.js';

const ARTIFACTS = new URL('../../../reports/test-artifacts/', import.meta.url);
const chromium = chromiumAvailability();

if (!chromium.available) {
  if (chromium.mustFail)
    it('when running in CI, then Chromium is installed', () => {
      expect.fail(chromium.reason);
    });
  else console.warn(`Skipping the HTML report's browser tests: ${chromium.reason}`);
}

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

// The functions below run in the page (Playwright sends their source): self-contained.

/** Each canvas: what the kit says it drew, and how much of it is inked. */
function inspectCanvases() {
  return Array.from(document.querySelectorAll('canvas')).map((canvas) => {
    const pixels =
      canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    let inked = 0;
    for (let i = 3; i < pixels.length; i += 4 * 7) if ((pixels[i] ?? 0) > 0) inked += 1;
    return {
      id: canvas.id,
      points: Number(canvas.dataset.points ?? 0),
      inked,
      height: canvas.getBoundingClientRect().height,
    };
  });
}

/** The slide on screen, and everything of it outside the window or wider than its box. */
function inspectSlide() {
  const slide = document.querySelector<HTMLElement>('[data-slide].current');
  if (!slide) return null;
  const outside: string[] = [];
  const spilling: string[] = [];
  const name = (e: Element) => `${e.tagName.toLowerCase()}.${e.className || e.id}`;
  for (const e of [slide, ...Array.from(slide.querySelectorAll('*'))]) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1)
      outside.push(name(e));
    if (e instanceof HTMLElement && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
      spilling.push(name(e));
  }
  const canvases = Array.from(slide.querySelectorAll('canvas')).map((c) => ({
    height: c.getBoundingClientRect().height,
    drawnHeight: c.height / devicePixelRatio,
  }));
  return {
    id: slide.id,
    fontPx: parseFloat(getComputedStyle(document.documentElement).fontSize),
    outside,
    spilling,
    canvases,
    visibleSlides: Array.from(document.querySelectorAll<HTMLElement>('[data-slide]')).filter(
      (s) => s.offsetParent !== null || getComputedStyle(s).position === 'fixed',
    ).length,
  };
}

const slideCount = () => document.querySelectorAll('[data-slide]').length;
/** The sections of scenarios that are not in the report. */
const absentIds = () =>
  Array.from(document.querySelectorAll<HTMLElement>('.scenario.absent section')).map((e) => e.id);
const visibleSlides = () =>
  Array.from(document.querySelectorAll<HTMLElement>('[data-slide]')).filter(
    (s) => getComputedStyle(s).display !== 'none',
  ).length;
const presenting = () => document.documentElement.classList.contains('presenting');

describe.skipIf(!chromium.available)('the HTML report in Chromium', { timeout: 30_000 }, () => {
  let browser: Browser;
  let dir: string;
  let assets: BrowserAssets;

  beforeAll(async () => {
    [browser, dir, assets] = await Promise.all([
      launchChromium(),
      mkdtemp(join(tmpdir(), 'cbd-html-')),
      loadBrowserAssets(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function open(report: Report, name: string, viewport = { width: 1600, height: 900 }) {
    const file = join(dir, `${name}.html`);
    await writeFile(file, renderHtml(report, assets.report));
    const page = await browser.newPage({ viewport });
    const opened: Opened = {
      page,
      url: pathToFileURL(file).href,
      requests: [],
      errors: [],
      dialogs: [],
    };
    page.on('request', (request) => opened.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        opened.errors.push(message.text());
    });
    page.on('pageerror', (error) => opened.errors.push(error.message));
    page.on('dialog', (dialog) => {
      opened.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(opened.url, { waitUntil: 'load' });
    return opened;
  }

  it('when the full report opens, then every chart is drawn, with no error and no request off the page', async () => {
    const { page, requests, errors, url } = await open(loadFixture('report'), 'full');

    const canvases = await page.evaluate(inspectCanvases);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({
      path: new URL('comparison_report.png', ARTIFACTS).pathname,
      fullPage: true,
    });

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(canvases).toHaveLength(12);
    for (const c of canvases) {
      expect(c.points, c.id).toBeGreaterThan(0);
      expect(c.inked, c.id).toBeGreaterThan(500);
    }
    await page.close();
  });

  it.each(['report-outage-only', 'report-closed', 'report-layers', 'report-partial'] as const)(
    'when %s opens, then its charts are drawn without errors',
    async (name) => {
      const report = loadFixture(name);
      const { page, errors, requests, url } = await open(report, name);

      const canvases = await page.evaluate(inspectCanvases);

      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      expect(canvases.length).toBeGreaterThan(0);
      // A breaker that let no probe through has only its band to draw.
      const probeless = (id: string) => {
        const s = report.scenarios[id.replace(/-breaker$/, '') as 'outage'];
        return id.endsWith('-breaker') && s?.gateways.v2.circuit?.probes.length === 0;
      };
      const blank = canvases.filter((c) => c.inked <= 500 || (c.points === 0 && !probeless(c.id)));
      expect(blank.map((c) => c.id)).toEqual([]);
      await page.close();
    },
  );

  it('when report strings hold markup, then nothing of it runs or loads', async () => {
    const { page, errors, requests, dialogs, url } = await open(hostileReport(), 'hostile');

    const images = await page.locator('img').count();
    const headline = await page.locator('.headline').innerText();

    expect(dialogs).toEqual([]);
    expect(images).toBe(0);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(headline).toContain('</script><img src=x onerror=alert(1)>');
    await page.close();
  });

  it.each([
    { fixture: 'report', width: 1280, height: 720 },
    { fixture: 'report', width: 1920, height: 1080 },
    { fixture: 'report-layers', width: 1280, height: 720 },
    { fixture: 'report-partial', width: 1280, height: 720 },
  ] as const)(
    'when $fixture is presented at $width×$height, then each slide fits the screen, moving works, and Esc restores the page',
    async ({ fixture, ...viewport }) => {
      const { page, errors } = await open(
        loadFixture(fixture),
        `present-${fixture}-${viewport.width}`,
        viewport,
      );
      const count = await page.evaluate(slideCount);

      await page.click('#present');
      await page.keyboard.press('Home');
      const seen: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const slide = await page.evaluate(inspectSlide);
        expect(slide, `slide ${i}`).not.toBeNull();
        if (!slide) break;
        seen.push(slide.id);
        expect(slide.outside, slide.id).toEqual([]);
        expect(slide.spilling, slide.id).toEqual([]);
        expect(slide.fontPx, slide.id).toBeGreaterThanOrEqual(14);
        for (const c of slide.canvases) {
          expect(c.height, slide.id).toBeGreaterThan(viewport.height * 0.3);
          // The chart was redrawn at the size it has on this screen.
          expect(Math.abs(c.drawnHeight - c.height), slide.id).toBeLessThan(2);
        }
        await page.keyboard.press(i % 2 ? 'ArrowRight' : 'PageDown');
      }
      const atEnd = await page.evaluate(inspectSlide);
      await page.keyboard.press('PageUp');
      const back = await page.evaluate(inspectSlide);
      await page.keyboard.press(' ');
      const forward = await page.evaluate(inspectSlide);
      await page.keyboard.press('Escape');

      const absent = await page.evaluate(absentIds);
      expect(absent.length > 0).toBe(fixture !== 'report');
      expect(seen.filter((id) => absent.includes(id))).toEqual([]);
      expect(new Set(seen).size).toBe(count);
      expect(atEnd?.id).toBe(seen.at(-1));
      expect(back?.id).toBe(seen.at(-2));
      expect(forward?.id).toBe(seen.at(-1));
      expect(await page.evaluate(presenting)).toBe(false);
      expect(await page.evaluate(visibleSlides)).toBe(count);
      await page.keyboard.press('p');
      expect(await page.evaluate(presenting)).toBe(true);
      expect(await page.evaluate(visibleSlides)).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
