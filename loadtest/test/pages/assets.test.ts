import { describe, expect, it } from 'vitest';
import { loadBrowserAssets } from '../../src/pages/assets.js';
import { paletteCss } from '../../src/browser/palette.js';

describe('loadBrowserAssets', () => {
  it('when called, then both pages are bundled in under a second', async () => {
    const started = performance.now();

    const assets = await loadBrowserAssets();

    expect(performance.now() - started).toBeLessThan(1000);
    for (const page of [assets.report, assets.live]) {
      expect(page.script.length).toBeGreaterThan(100_000);
      expect(page.style.startsWith(paletteCss())).toBe(true);
    }
  });

  it('when bundled, then the pages hold only this package’s browser code, Chart.js and its plugins', async () => {
    const { sources } = await loadBrowserAssets();

    const ours = sources.filter((s) => !s.includes('node_modules/'));
    const libraries = sources.filter((s) => s.includes('node_modules/'));
    // Besides the browser code, two modules of plain constants: the dashboard's buttons, and
    // the gateways' names and routes.
    const shared = ['src/live/buttons.ts', 'src/model/gateways.ts'];
    expect(ours.filter((s) => !/^src\/(pages|browser)\//.test(s) && !shared.includes(s))).toEqual(
      [],
    );
    expect(ours).toContain('src/browser/chart-kit.ts');
    expect(
      libraries.every((s) =>
        /node_modules\/(chart\.js|chartjs-plugin-annotation|@kurkle\/color)\//.test(s),
      ),
    ).toBe(true);
    expect(libraries.some((s) => s.includes('node_modules/chart.js/'))).toBe(true);
  });

  it('when bundled, then nothing in the pages points at another host', async () => {
    const { report, live } = await loadBrowserAssets();

    for (const text of [report.script, report.style, live.script, live.style]) {
      expect(text).not.toMatch(/https?:\/\//);
      expect(text).not.toMatch(/@import|url\(/);
    }
  });
});
