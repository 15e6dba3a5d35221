import { describe, expect, it } from 'vitest';
import { loadChartAssets } from '../../src/report/chart-assets.js';

describe('loadChartAssets', () => {
  it('when loaded, then both browser builds come from node_modules, ready to inline', async () => {
    // Arrange / Act
    const assets = await loadChartAssets();

    // Assert
    expect(assets.chartJs).toMatch(/^\/\*!\s*\n\s*\* Chart\.js v4\./);
    expect(assets.chartJs).toContain('.Chart=');
    expect(assets.annotationPlugin).toMatch(/chartjs-plugin-annotation v3\./);
    expect(assets.annotationPlugin).toContain('Chart.register(');
  });
});
