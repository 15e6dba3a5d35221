import { scenarioCharts } from './html/charts.js';
import { escapeHtml, jsonForScript } from './html/escape.js';
import { infoTables } from './html/info-tables.js';
import { CLIENT_SCRIPT } from './html/client-script.js';
import { page } from './html/page.js';
import { absentSection, header, narrativeSection, scenarioSection } from './html/sections.js';
import { STYLES } from './html/styles.js';
import { narrative } from './narrative.js';
import { SCENARIOS, type Report } from './schema.js';

/** The browser builds of the chart libraries, inlined so the page needs no network. */
export interface ChartAssets {
  /** chart.js's UMD build (defines the global Chart). */
  chartJs: string;
  /** chartjs-plugin-annotation's UMD build (registers itself with Chart). */
  annotationPlugin: string;
}

/** The report as one self-contained HTML page for a projector: no file or host beside it is needed. */
export function renderHtml(report: Report, assets: ChartAssets): string {
  const charts = SCENARIOS.flatMap((name) => {
    const s = report.scenarios[name];
    return s ? scenarioCharts(report, s) : [];
  });
  const sections = SCENARIOS.map((name) => {
    const s = report.scenarios[name];
    if (!s) return absentSection(report, name);
    const mine = charts.filter((c) => c.id.startsWith(`${name}-`));
    return scenarioSection(s, mine, report.headline.includes(s.comparison.verdict));
  });
  const body = [
    header(report),
    narrativeSection(narrative(report)),
    ...sections,
    `<section id="configuration"><h2>How the numbers were made</h2><div class="tables">${infoTables(report)}</div></section>`,
    `<footer>The full report is embedded in this page (the JSON in script#report-data). Generated ${escapeHtml(report.generatedAt)}.</footer>`,
  ].join('\n');
  return page({
    title: escapeHtml(`Circuit breaker demo report, ${report.generatedAt}`),
    styles: STYLES,
    body,
    dataJson: jsonForScript({ report, charts: charts.map(({ id, config }) => ({ id, config })) }),
    scripts: [assets.chartJs, assets.annotationPlugin, CLIENT_SCRIPT],
  });
}
