import { CIRCUIT_STATES } from '@cbd/gateway-v2/contract';
import { describe, expect, it } from 'vitest';
import {
  CIRCUIT_STYLE,
  GATEWAY_STYLE,
  OUTCOME_STYLE,
  paletteCss,
} from '../../src/browser/palette.js';
import { GATEWAYS } from '../../src/model/gateways.js';
import { OUTCOMES } from '../../src/model/outcome.js';

describe('the palette', () => {
  it('when the pages iterate its styles, then they meet the model’s outcomes, gateways and states in order', () => {
    expect(Object.keys(OUTCOME_STYLE)).toEqual([...OUTCOMES]);
    expect(Object.keys(GATEWAY_STYLE)).toEqual([...GATEWAYS]);
    expect(Object.keys(CIRCUIT_STYLE)).toEqual([...CIRCUIT_STATES]);
  });

  it('when written as CSS, then each gateway, outcome and state has a fill, patterned where its style says', () => {
    const css = paletteCss();

    for (const [key, style] of [
      ...Object.entries(GATEWAY_STYLE),
      ...Object.entries(OUTCOME_STYLE),
      ...Object.entries(CIRCUIT_STYLE),
    ]) {
      const rule = new RegExp(`\\.fill-${key} \\{ background: ([^;]+); \\}`).exec(css)?.[1];
      expect(rule, key).toContain(style.color);
      expect(rule?.includes('gradient'), key).toBe(style.pattern !== undefined);
    }
  });

  it('when a colour is shown, then something besides it tells the series apart', () => {
    const cues = Object.values(GATEWAY_STYLE).map(
      (s) => `${s.pattern ?? ''}|${s.dash.join()}|${s.point}`,
    );
    expect(new Set(cues).size).toBe(cues.length);
    const fills = Object.values(OUTCOME_STYLE).filter((s) => s.pattern === undefined);
    // Plain fills are few, and their labels are written on the bars.
    expect(fills.length).toBeLessThanOrEqual(2);
  });
});
