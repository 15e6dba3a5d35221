import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { paletteCss } from '../browser/palette.js';
import type { PageAssets } from '../report/html-page.js';

// The pages' code, bundled from this folder's TypeScript and the kit in browser/ (Chart.js and its annotation plugin
// included: no CDN) when a report is written or the dashboard starts. One script and one style
// per page: the report inlines them, the dashboard serves them.

export type { PageAssets } from '../report/html-page.js';

export interface BrowserAssets {
  /** For renderHtml: the report page. */
  report: PageAssets;
  /** For the live dashboard. */
  live: PageAssets;
  /** Every file that went into the pages, relative to loadtest/ (what they may hold). */
  sources: string[];
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const ENTRIES = {
  'report-page': here('./report-page.ts'),
  'live-page': here('./live-page.ts'),
  'report-style': here('./styles/report.css'),
  'live-style': here('./styles/live.css'),
};
const PACKAGE_ROOT = here('../../');

/** Bundles both pages with esbuild, in memory (about a quarter of a second). */
export async function loadBrowserAssets(): Promise<BrowserAssets> {
  const result = await build({
    entryPoints: ENTRIES,
    bundle: true,
    write: false,
    outdir: here('./out'),
    format: 'iife',
    platform: 'browser',
    // What a classroom's browsers run: no newer syntax than that.
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: PACKAGE_ROOT,
  });
  const text = (name: keyof typeof ENTRIES, ext: string) => {
    const file = result.outputFiles.find((f) => f.path.endsWith(`${name}.${ext}`));
    if (!file) throw new Error(`esbuild produced no ${name}.${ext}`);
    return file.text;
  };
  const palette = paletteCss();
  return {
    report: { script: text('report-page', 'js'), style: palette + text('report-style', 'css') },
    live: { script: text('live-page', 'js'), style: palette + text('live-style', 'css') },
    sources: Object.keys(result.metafile.inputs),
  };
}
