import { layersCharts, scenarioCharts, type ChartDef } from './html-charts.js';
import { escapeHtml, jsonForScript, pageShell, type PageAssets } from './html-page.js';
import {
  absentSection,
  configurationSection,
  footer,
  header,
  layersSection,
  narrativeSection,
  scenarioSection,
} from './html-sections.js';
import { scenariosShown } from './table.js';
import { narrative } from './narrative.js';
import type { Report } from './schema.js';

/** What the page's script reads from `#chart-data`: each canvas's id and what to draw on it. */
export type ChartData = { id: string; spec: ChartDef['spec'] }[];

/**
 * The report as one self-contained HTML page for a projector: its script and style (the
 * report page's bundle from loadBrowserAssets()) are inlined, the report itself is embedded as
 * JSON, and nothing beside the file is needed. Pure: the same report gives the same page.
 */
export function renderHtml(report: Report, assets: PageAssets): string {
  const shown = scenariosShown(report);
  const charts = shown.flatMap((name) => {
    const s = report.scenarios[name];
    if (!s) return [];
    return 'rungs' in s ? layersCharts(s) : scenarioCharts(report, s);
  });
  const sections = shown.map((name) => {
    const s = report.scenarios[name];
    if (!s) return absentSection(report, name);
    const mine = charts.filter((c) => c.id.startsWith(`${name}-`));
    return 'rungs' in s
      ? layersSection(s, mine, report.headline.includes(s.verdict))
      : scenarioSection(s, mine, report.headline.includes(s.comparison.verdict));
  });
  const body = `<button type="button" class="present-button" id="present" aria-keyshortcuts="P">Present <kbd>P</kbd></button>
<main>
${header(report)}
${narrativeSection(narrative(report))}
${sections.join('\n')}
${configurationSection(report)}
${footer(report)}
</main>
<p class="slide-count" id="slide-count" aria-live="polite"></p>`;
  const chartData: ChartData = charts.map(({ id, spec }) => ({ id, spec }));
  return pageShell({
    title: escapeHtml(`Circuit breaker demo report, ${report.generatedAt}`),
    style: assets.style,
    body,
    data: { 'report-data': jsonForScript(report), 'chart-data': jsonForScript(chartData) },
    script: assets.script,
  });
}
