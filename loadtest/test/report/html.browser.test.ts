import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChartAssets } from '../../src/report/chart-assets.js';
import { renderHtml, type ChartAssets } from '../../src/report/html.js';
import type { Report } from '../../src/report/schema.js';
import { chromiumAvailability, launchChromium } from '../browser.js';
import { loadFixture } from './fixtures.js';
import { hostileReport } from './report-variants.js';

const ARTIFACTS = new URL('../../../reports/test-artifacts/', import.meta.url);
const chromium = chromiumAvailability();

if (!chromium.available) {
  if (chromium.mustFail) {
    it('when running in CI, then Chromium is installed', () => {
      expect.fail(chromium.reason);
    });
  } else {
    console.warn(`Skipping the HTML report's browser tests: ${chromium.reason}`);
  }
}

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
  url: string;
}

interface CanvasCheck {
  id: string;
  chart: boolean;
  datasets: number;
  points: number;
  inkedPixels: number;
}

/** Runs in the page: for each canvas, its chart, its data, and how much of it is drawn. */
function inspectCanvases(): CanvasCheck[] {
  interface ChartLike {
    data: { datasets: { data: unknown[] }[] };
  }
  const page = globalThis as unknown as {
    document: {
      querySelectorAll(selector: string): ArrayLike<{
        id: string;
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
        };
      }>;
    };
    Chart: { getChart(canvas: unknown): ChartLike | undefined };
  };
  return Array.from(page.document.querySelectorAll('canvas')).map((canvas) => {
    const chart = page.Chart.getChart(canvas);
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 3; i < pixels.length; i += 4 * 7) if ((pixels[i] ?? 0) > 0) inked += 1;
    return {
      id: canvas.id,
      chart: chart !== undefined,
      datasets: chart?.data.datasets.length ?? 0,
      points: chart?.data.datasets.reduce((sum, d) => sum + d.data.length, 0) ?? 0,
      inkedPixels: inked,
    };
  });
}

describe.skipIf(!chromium.available)('the HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let assets: ChartAssets;

  beforeAll(async () => {
    [browser, dir, assets] = await Promise.all([
      launchChromium(),
      mkdtemp(join(tmpdir(), 'cbd-html-')),
      loadChartAssets(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function open(report: Report, name: string): Promise<Opened> {
    const file = join(dir, `${name}.html`);
    await writeFile(file, renderHtml(report, assets));
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const opened: Opened = {
      page,
      requests: [],
      errors: [],
      dialogs: [],
      url: pathToFileURL(file).href,
    };
    page.on('request', (request) => opened.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') opened.errors.push(message.text());
    });
    page.on('pageerror', (error) => opened.errors.push(error.message));
    page.on('dialog', (dialog) => {
      opened.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(opened.url, { waitUntil: 'load' });
    return opened;
  }

  it('when the full report opens, then every chart is drawn with data, without errors or network', async () => {
    // Arrange / Act
    const { page, requests, errors, url } = await open(loadFixture('report'), 'full');
    const canvases = await page.evaluate(inspectCanvases);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({
      path: new URL('comparison_report.png', ARTIFACTS).pathname,
      fullPage: true,
    });

    // Assert
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(canvases.map((c) => c.id)).toHaveLength(8);
    for (const canvas of canvases) {
      expect(canvas, canvas.id).toMatchObject({ chart: true });
      expect(canvas.datasets, canvas.id).toBeGreaterThan(0);
      expect(canvas.points, canvas.id).toBeGreaterThan(0);
      expect(canvas.inkedPixels, canvas.id).toBeGreaterThan(500);
    }
    await page.close();
  });

  it('when only the outage was run, then its charts are drawn and the timeline says why it is missing', async () => {
    // Arrange / Act
    const { page, errors, requests, url } = await open(
      loadFixture('report-outage-only'),
      'outage-only',
    );
    const canvases = await page.evaluate(inspectCanvases);
    const absent = await page.locator('#scenario-timeline').innerText();

    // Assert
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(canvases.map((c) => c.id)).toEqual([
      'outage-latency',
      'outage-outcomes',
      'outage-collateral',
    ]);
    expect(canvases.every((c) => c.chart && c.inkedPixels > 500)).toBe(true);
    expect(absent).toContain('Not in this report');
    await page.close();
  });

  it('when report strings hold markup, then nothing of it runs or loads', async () => {
    // Arrange / Act
    const { page, errors, requests, dialogs, url } = await open(hostileReport(), 'hostile');
    const images = await page.locator('img').count();
    const headline = await page.locator('.headline').innerText();

    // Assert
    expect(dialogs).toEqual([]);
    expect(images).toBe(0);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(headline).toContain('</script><img src=x onerror=alert(1)>');
    await page.close();
  });
});
