import { CIRCUIT_STYLE, GATEWAY_STYLE, INK } from './palette.js';

// Sized for a projector: 22 px body text, big numbers, dark on white (a lit classroom washes
// out dark themes), and no web fonts (the file must open offline).

/** A CSS fill of `color` with light diagonal stripes: gateway-v1's mark beside its colour. */
export const stripes = (color: string) =>
  `repeating-linear-gradient(135deg, ${color} 0 7px, rgba(255,255,255,0.6) 7px 10px)`;

const gatewayRules = (['v1', 'v2'] as const)
  .map((g) => {
    const { color, pattern } = GATEWAY_STYLE[g];
    const fill = pattern ? stripes(color) : color;
    return `.gw-${g} .swatch, .gw-${g} .gw-tag::before { background: ${fill}; }
.gw-${g} .card-value { color: ${color}; }`;
  })
  .join('\n');

const bandRules = Object.entries(CIRCUIT_STYLE)
  .map(([state, { color }]) => `.band-${state} { background: ${color}; }`)
  .join('\n');

export const STYLES = `
* { box-sizing: border-box; }
html { font-size: 22px; }
body { margin: 0; padding: 1.2rem 2rem 3rem; color: ${INK}; background: #fff;
  font-family: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, system-ui, sans-serif; line-height: 1.4; }
main { max-width: 1800px; margin: 0 auto; }
h1 { font-size: 2.1rem; margin: 0.2rem 0 0.3rem; }
h2 { font-size: 1.7rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 4px solid ${INK}; }
h3 { font-size: 1rem; margin: 0 0 0.5rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: #333; }
.meta { margin: 0; color: #444; font-size: 0.85rem; }
.headline { margin: 0.8rem 0; padding: 0.7rem 1rem; border-left: 10px solid ${INK}; background: #f2f2f2; }
.headline-line { margin: 0.2rem 0; font-size: 1.2rem; font-weight: 700; }
.keys { display: flex; flex-wrap: wrap; gap: 0.6rem 2rem; font-weight: 700; }
.key { display: inline-flex; align-items: center; gap: 0.5rem; }
.swatch { display: inline-block; width: 2.2rem; height: 1.1rem; border: 2px solid ${INK}; }
.narrative { font-size: 1.1rem; margin: 0; padding-left: 1.6rem; }
.narrative li { margin: 0.35rem 0; }
.description { margin: 0.2rem 0 0.8rem; color: #333; }
.verdict { font-weight: 700; font-size: 1.05rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1rem; margin: 0.8rem 0; }
.card { border: 3px solid ${INK}; border-radius: 10px; padding: 0.7rem 0.9rem; }
.card-row { display: flex; align-items: baseline; justify-content: space-between; gap: 0.6rem; }
.gw-tag { font-size: 0.85rem; font-weight: 700; white-space: nowrap; }
.gw-tag::before { content: ""; display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.4rem; border: 2px solid ${INK}; vertical-align: -0.1rem; }
.card-value { font-size: 2.1rem; font-weight: 800; white-space: nowrap; }
.card-foot { margin: 0.4rem 0 0; font-size: 0.85rem; color: #333; border-top: 1px solid #bbb; padding-top: 0.3rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(720px, 1fr)); gap: 1.4rem; }
.chart { margin: 0; padding: 0.6rem; border: 1px solid #ccc; border-radius: 8px; }
.chart.wide { grid-column: 1 / -1; }
figcaption strong { display: block; font-size: 1.2rem; }
figcaption span { display: block; font-size: 0.85rem; color: #333; }
.canvas-box { position: relative; height: 440px; margin-top: 0.4rem; }
.chart.wide .canvas-box { height: 480px; }
.band-legend { margin: 0.4rem 0 0; font-size: 0.85rem; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; align-items: center; }
.band-key { display: inline-flex; align-items: center; gap: 0.4rem; font-weight: 700; }
.band-swatch { display: inline-block; width: 1.8rem; height: 0.9rem; border: 1px solid ${INK}; }
.absent .description { font-size: 1.1rem; font-style: italic; }
.tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 1.4rem; align-items: start; }
table.info { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
table.info caption { text-align: left; font-weight: 700; font-size: 1.05rem; padding-bottom: 0.3rem; }
table.info th, table.info td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
table.info td { overflow-wrap: anywhere; }
footer { margin-top: 2rem; font-size: 0.8rem; color: #444; }
${gatewayRules}
${bandRules}
`;
