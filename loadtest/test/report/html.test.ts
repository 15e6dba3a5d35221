import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PageAssets } from '../../src/pages/assets.js';
import {
  NNBSP,
  formatCount,
  formatMs,
  formatPercent,
  formatRate,
  formatSeconds,
} from '../../src/browser/format.js';
import { scenarioCharts } from '../../src/report/html-charts.js';
import { renderHtml, type ChartData } from '../../src/report/html.js';
import { closedLoopCaveat, narrative } from '../../src/report/narrative.js';
import type { Report } from '../../src/report/schema.js';
import { absenceReason } from '../../src/report/table.js';
import { SERVICE_SETTINGS } from '../../src/scenarios/services.js';
import { BROKEN_VALUES, HOSTILE, hostileReport, loadFixture } from './fixtures.js';

// A stand-in for the bundle: these tests check what the renderer adds, not the page's script.
const ASSETS: PageAssets = {
  script: 'document.title = "stand-in";',
  style: 'body { color: #111; }',
};

const island = (html: string, id: string): unknown => {
  const match = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(
    html,
  );
  if (!match?.[1]) throw new Error(`no #${id}`);
  return JSON.parse(match[1]);
};

/** The text a reader sees: no scripts, no styles, no tags; narrow spaces as spaces. */
const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replaceAll(NNBSP, ' ')
    .replace(/\s+/g, ' ');
const plain = (text: string) => text.replaceAll(NNBSP, ' ');

/** The section of the page with this id, up to the next one of its kind. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no #${id}`);
  const next = html.indexOf('<section', start);
  return html.slice(start, next < 0 ? undefined : next);
}

describe('renderHtml', () => {
  it('when rendered, then the report is embedded as JSON that reads back unchanged', () => {
    const report = loadFixture('report');

    expect(island(renderHtml(report, ASSETS), 'report-data')).toEqual(report);
  });

  it('when rendered, then each chart the builders make has its canvas, and its spec is embedded', () => {
    const report = loadFixture('report');
    const expected = [report.scenarios.outage!, report.scenarios.timeline!].flatMap((s) =>
      scenarioCharts(report, s),
    );

    const html = renderHtml(report, ASSETS);

    const data = island(html, 'chart-data') as ChartData;
    const canvases = [...html.matchAll(/<canvas id="([^"]+)"/g)].map((m) => m[1]);
    expect(data.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(canvases).toEqual(expected.map((c) => c.id));
    expect(data.map((c) => c.spec)).toEqual(expected.map((c) => c.spec));
  });

  it('when rendered, then the cards give each gateway’s figures per user who arrived', () => {
    const report = loadFixture('report');
    const t = report.scenarios.timeline!;
    const summary = visibleText(section(renderHtml(report, ASSETS), 'timeline-summary'));

    const { v1, v2 } = t.gateways;
    for (const value of [
      formatPercent(t.comparison.sickUsefulShare.v1),
      formatPercent(t.comparison.sickUsefulShare.v2),
      formatRate(v1.usefulPerSecond),
      formatRate(v2.usefulPerSecond),
      formatMs(v1.users.latencyMs!.p99),
      formatMs(v2.users.latencyMs!.p99),
      `${formatCount(v1.collateral.inTime)}/${formatCount(v1.collateral.probes)}`,
      `${formatCount(v2.collateral.inTime)}/${formatCount(v2.collateral.probes)}`,
    ])
      expect(summary).toContain(plain(value));
    expect(summary).toContain('Served in time again after the heal');
    const back = v1.recovery!.servedInTimeAfterMs;
    expect(summary).toContain(back === null ? 'not in the run' : plain(formatSeconds(back)));
  });

  it('when rendered, then "What happened" is the narrative, sentence by sentence', () => {
    const report = loadFixture('report');
    const html = section(renderHtml(report, ASSETS), 'narrative');

    const items = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    expect(items).toEqual(
      narrative(report).map((line) => line.replace(/&/g, '&amp;').replace(/'/g, '&#39;')),
    );
  });

  it('when the run was a closed loop, then its caveat stands in each scenario’s summary', () => {
    const report = loadFixture('report-closed');
    const html = renderHtml(report, ASSETS);

    for (const name of ['outage', 'timeline'] as const) {
      const caveat = closedLoopCaveat(report.scenarios[name]!.gateways.v1.load)!;
      expect(visibleText(section(html, `${name}-summary`))).toContain(plain(caveat));
    }
    expect(renderHtml(loadFixture('report'), ASSETS)).not.toContain('class="caveat"');
  });

  it('when the timeline is absent, then its section keeps its heading, says why, has no charts and is no slide', () => {
    const report = loadFixture('report-outage-only');
    const html = renderHtml(report, ASSETS);

    const absent = visibleText(section(html, 'timeline-summary'));
    expect(absent).toContain('Timeline');
    expect(absent).toContain(plain(`Not in this report: ${absenceReason(report)}`));
    expect(section(html, 'timeline-summary')).not.toContain('data-slide');
    expect(html).not.toMatch(/<canvas id="timeline-/);
    expect((island(html, 'chart-data') as ChartData).every((c) => c.id.startsWith('outage-'))).toBe(
      true,
    );
  });

  it('when rendered, then "How the numbers were made" lists the load per scenario and every service option reported', () => {
    const report = loadFixture('report');
    const t = report.scenarios.timeline!;
    const html = renderHtml(report, ASSETS);
    const load = visibleText(section(html, 'how-load'));
    const services = (name: string) => visibleText(section(html, `how-${name}`));

    const open = t.gateways.v1.load;
    if (open.model !== 'open') throw new Error('the fixture is open-model');
    expect(load).toContain(`Poisson (seed ${open.seed})`);
    expect(load).toContain(plain(formatCount(open.socketBudget)));
    expect(load).toContain(plain(formatMs(t.gateways.v1.schedule!.lagMs.p99)));
    expect(load).toContain(report.environment.cpuModel);
    const defs = SERVICE_SETTINGS['gateway-v2'] as Record<string, { env: string }>;
    for (const option of Object.keys(report.config.services.v2))
      expect(services('gateway-v2')).toContain(defs[option]!.env);
    for (const option of Object.keys(report.config.services.recommendations))
      expect(services('recommendations-service')).toContain(
        (SERVICE_SETTINGS['recommendations-service'] as Record<string, { env: string }>)[option]!
          .env,
      );
  });

  it('when the ladder ran, then each gateway’s schedule lag is the worst over its rungs, with how many fell behind', () => {
    const report = loadFixture('report-layers');
    const rungs = report.scenarios.layers!.rungs.filter((r) => r.gateway === 'v1');
    const worst = (k: 'p50' | 'p99' | 'max') =>
      plain(formatMs(Math.max(...rungs.map((r) => r.run.schedule!.lagMs[k]))));
    const behind = rungs.filter((r) => r.run.schedule!.fellBehind).length;

    const load = visibleText(section(renderHtml(report, ASSETS), 'how-load'));

    expect(load).toContain(
      `${worst('p50')} / ${worst('p99')} / ${worst('max')} (the worst of ${rungs.length} rungs; ${behind} fell behind)`,
    );
  });

  it('when a service reports an option the page has never heard of, then it is listed too', () => {
    const report = loadFixture('report');
    (report.config.services.v2 as Record<string, unknown>).halfOpenProbesMs = 1234;

    const services = visibleText(section(renderHtml(report, ASSETS), 'how-gateway-v2'));

    expect(services).toContain('half open probes');
    expect(services).toContain(plain(formatMs(1234)));
  });

  it('when a report string holds markup, then it is escaped in the page and intact in the data', () => {
    const report = hostileReport();

    const html = renderHtml(report, ASSETS);

    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<\/script>/g)).toHaveLength(html.match(/<script[ >]/g)?.length ?? -1);
    expect((island(html, 'report-data') as Report).config.targets['gateway-v1']).toBe(
      `http://127.0.0.1:8080/${HOSTILE}`,
    );
  });

  it('when rendered, then the policy allows exactly its own inline script and style, and nothing else', () => {
    const report = loadFixture('report');
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

    const html = renderHtml(report, ASSETS);

    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(scripts).toEqual([ASSETS.script]);
    expect(csp).toContain(`script-src ${hash(ASSETS.script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain("default-src 'none'");
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|href|srcset|poster|data)\s*=/i);
  });

  it('when nothing was answered, then the page shows no NaN, Infinity, undefined or null', () => {
    const report = loadFixture('report');
    for (const run of Object.values(report.scenarios.timeline!.gateways)) {
      run.users.latencyMs = null;
      run.collateral.latencyMs = null;
      run.recovery = null;
      run.schedule = null;
    }

    expect(visibleText(renderHtml(report, ASSETS))).not.toMatch(BROKEN_VALUES);
  });

  it('when a table has a header row, then each of its columns has a heading, the row labels’ too', () => {
    const cells = (row: string) => (row.match(/<t[hd][ >]/g) ?? []).length;
    for (const name of ['report', 'report-partial', 'report-layers'] as const) {
      const tables = renderHtml(loadFixture(name), ASSETS).match(/<table[\s\S]*?<\/table>/g) ?? [];
      const headed = tables.filter((t) => t.includes('<thead>'));
      expect(headed.length).toBeGreaterThan(0);
      for (const t of headed) {
        const [head = '', ...rows] = t.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
        for (const row of rows) expect(cells(row)).toBe(cells(head));
      }
    }
  });

  it('when the same report is rendered twice, then the pages are the same', () => {
    const report = loadFixture('report');

    expect(renderHtml(report, ASSETS)).toBe(renderHtml(structuredClone(report), ASSETS));
  });
});
