import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ChartAssets } from './html.js';

/**
 * Neither package exports its browser build, so resolve the entry point Node does see and
 * take the UMD file beside it (both live in the package's dist/).
 */
function besideEntry(specifier: string, file: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(specifier)), file);
}

/** Reads the chart libraries' browser builds from node_modules, for renderHtml. */
export async function loadChartAssets(): Promise<ChartAssets> {
  const [chartJs, annotationPlugin] = await Promise.all([
    readFile(besideEntry('chart.js', 'chart.umd.min.js'), 'utf8'),
    readFile(besideEntry('chartjs-plugin-annotation', 'chartjs-plugin-annotation.min.js'), 'utf8'),
  ]);
  return { chartJs, annotationPlugin };
}
