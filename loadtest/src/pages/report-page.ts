/// <reference lib="dom" />
import type { ChartData } from '../report/html.js';
import { drawChart } from '../browser/chart-kit.js';
import { startPresenter } from './present.js';

// The HTML report's script: draws each chart the page's JSON describes, and offers the
// presentation mode. Everything it shows was computed when the report was written.

startPresenter();
const island = document.getElementById('chart-data');
const charts = JSON.parse(island?.textContent ?? '[]') as ChartData;
for (const { id, spec } of charts) {
  const canvas = document.getElementById(id);
  if (canvas instanceof HTMLCanvasElement) drawChart(canvas, spec);
}
