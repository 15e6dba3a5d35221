import { readFile } from 'node:fs/promises';
import { loadChartAssets } from '../report/chart-assets.js';
import { CANVAS_PATTERN_SOURCE } from '../report/html/canvas-pattern.js';
import { DASHBOARD_STYLES } from './dashboard-styles.js';

export interface Asset {
  type: string;
  body: string;
}

/** Every file the page loads, by name under /assets/: nothing comes from anywhere else. */
export type DashboardAssets = Record<string, Asset>;

export const CLIENT_MODULES = [
  'main.js',
  'charts.js',
  'chart-parts.js',
  'panels.js',
  'controls.js',
] as const;

const js = (body: string): Asset => ({ type: 'text/javascript; charset=utf-8', body });

/** Reads the page's scripts (and Chart.js's browser build from node_modules) once, at start. */
export async function loadDashboardAssets(): Promise<DashboardAssets> {
  const [chart, ...modules] = await Promise.all([
    loadChartAssets(),
    ...CLIENT_MODULES.map((name) => readFile(new URL(`./client/${name}`, import.meta.url), 'utf8')),
  ]);
  const assets: DashboardAssets = {
    'chart.umd.min.js': js(chart.chartJs),
    // The report's pattern code, as a module the page's charts import.
    'pattern.js': js(`export ${CANVAS_PATTERN_SOURCE}\n`),
    'live.css': { type: 'text/css; charset=utf-8', body: DASHBOARD_STYLES },
  };
  CLIENT_MODULES.forEach((name, i) => (assets[name] = js(modules[i] ?? '')));
  return assets;
}
