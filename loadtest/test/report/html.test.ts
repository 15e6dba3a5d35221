import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml, type ChartAssets } from '../../src/report/html.js';
import type { Report } from '../../src/report/schema.js';
import { BROKEN_VALUES, loadFixture } from './fixtures.js';
import { HOSTILE, hostileReport, idleReport } from './report-variants.js';

// Stand-ins for the libraries: the pure tests check what the renderer adds, not Chart.js.
const ASSETS: ChartAssets = {
  chartJs: 'window.Chart = { /* chart.js stand-in */ };',
  annotationPlugin: '/* annotation stand-in */',
};

const DATA = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/;

function embedded(html: string): { report: Report; charts: { id: string }[] } {
  const json = DATA.exec(html)?.[1];
  if (json === undefined) throw new Error('no embedded data');
  return JSON.parse(json);
}

/** The text a reader sees: no scripts, no tags. */
const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ');

describe('renderHtml', () => {
  it('when rendered, then the report is embedded as JSON that reads back unchanged', () => {
    // Arrange
    const report = loadFixture('report');

    // Act
    const html = renderHtml(report, ASSETS);

    // Assert
    expect(embedded(html).report).toEqual(report);
  });

  it('when rendered, then every chart in the data has its canvas, and the libraries are inlined', () => {
    // Arrange
    const report = loadFixture('report');

    // Act
    const html = renderHtml(report, ASSETS);

    // Assert
    const ids = embedded(html).charts.map((c) => c.id);
    const canvases = [...html.matchAll(/<canvas id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(8);
    expect(canvases).toEqual(ids);
    expect(html).toContain(ASSETS.chartJs);
    expect(html).toContain(ASSETS.annotationPlugin);
  });

  it('when rendered, then the headline numbers, the narrative and the settings are on the page', () => {
    // Arrange
    const report = loadFixture('report');

    // Act
    const text = visibleText(renderHtml(report, ASSETS)).replace(/\u202f/g, ' ');

    // Assert
    expect(text).toContain('4 591');
    expect(text).toContain('gateway-v2: 3 673× more');
    expect(text).toContain('80 of 81 probes got no answer');
    expect(text).toContain('http://127.0.0.1:8090');
    expect(text).toContain('Intel(R) Xeon(R) CPU @ 2.20GHz');
  });

  it('when a report string holds markup, then it is escaped in the page and intact in the data', () => {
    // Arrange
    const report = hostileReport();

    // Act
    const html = renderHtml(report, ASSETS);

    // Assert
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<\/script>/g)).toHaveLength(html.match(/<script[ >]/g)?.length ?? -1);
    expect(embedded(html).report.config.targets['gateway-v1']).toBe(
      `http://127.0.0.1:8080/${HOSTILE}`,
    );
  });

  it('when rendered, then no URL points anywhere but the report’s own targets', () => {
    // Arrange
    const report = loadFixture('report');
    const own = [...Object.values(report.config.targets), report.scenarios.outage!.gateways.v1.url];

    // Act
    const html = renderHtml(report, ASSETS);

    // Assert
    const urls = html.match(/(?:https?:)?\/\/[a-z0-9.-]+(?::\d+)?[^\s"'<>\\]*/gi) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(own.some((target) => url.startsWith(target))).toBe(true);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|href|srcset|poster|data)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('when rendered, then the page policy allows exactly its own inline scripts and style, and no network', () => {
    // Arrange
    const report = loadFixture('report');
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

    // Act
    const html = renderHtml(report, ASSETS);

    // Assert
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(scripts).toHaveLength(3);
    for (const script of scripts) expect(csp).toContain(hash(script));
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain("default-src 'none'");
  });

  it('when the timeline is absent, then its section says why and it has no charts', () => {
    // Arrange
    const report = loadFixture('report-outage-only');

    // Act
    const html = renderHtml(report, ASSETS);

    // Assert
    expect(html).toMatch(
      /id="scenario-timeline"[^>]*>.*Not in this report: it was not part of this run \(run: outage\)/s,
    );
    expect(html).not.toContain('id="timeline-');
    expect(embedded(html).charts.map((c) => c.id)).toEqual([
      'outage-latency',
      'outage-outcomes',
      'outage-collateral',
    ]);
  });

  it('when nothing was answered, then the page shows no NaN, Infinity, undefined or null', () => {
    // Arrange
    const report = idleReport();

    // Act
    const html = renderHtml(report, ASSETS);

    // Assert
    expect(visibleText(html)).not.toMatch(BROKEN_VALUES);
    expect(JSON.stringify(embedded(html).charts)).not.toMatch(/NaN|Infinity/);
  });
});
