import type { PatternName } from '../report/html/chart-types.js';
import { CIRCUIT_STYLE, GATEWAY_STYLE, INK, OUTCOME_STYLE } from '../report/html/palette.js';
import { stripes } from '../report/html/styles.js';
import { GATEWAYS, OUTCOMES } from '../report/schema.js';

// For a projector across a room: type scales with the screen, dark on white, the report's
// Okabe–Ito colours, and a second cue beside every colour (stripes, shapes, words).

const gatewayRules = GATEWAYS.map((g) => {
  const { color, pattern } = GATEWAY_STYLE[g];
  const fill = pattern ? stripes(color) : color;
  return `.gw-${g} .swatch, .gw-${g} .meter-fill { background: ${fill}; }
.gw-${g} h2, .gw-${g} .figure-value { color: ${color}; }
.gw-${g} { border-top: 0.5rem solid ${color}; }`;
}).join('\n');

const PATTERNS: Record<PatternName, string> = {
  stripes: 'repeating-linear-gradient(135deg, rgba(255,255,255,0.6) 0 3px, transparent 3px 7px)',
  'dark-stripes': 'repeating-linear-gradient(135deg, rgba(0,0,0,0.45) 0 3px, transparent 3px 7px)',
  crosshatch:
    'repeating-linear-gradient(135deg, rgba(0,0,0,0.45) 0 2px, transparent 2px 7px), repeating-linear-gradient(45deg, rgba(0,0,0,0.45) 0 2px, transparent 2px 7px)',
};

// The same fills as the charts' bars (canvas-pattern.ts), for the key in the caption.
const outcomeRules = OUTCOMES.map((o) => {
  const { color, pattern } = OUTCOME_STYLE[o];
  return `.outcome-${o} { background: ${pattern ? `${PATTERNS[pattern]}, ` : ''}${color}; }`;
}).join('\n');

const DARK_STRIPES =
  'repeating-linear-gradient(135deg, rgba(0,0,0,0.28) 0 6px, transparent 6px 14px)';

const badgeRules = `
.badge[data-state="CLOSED"] { background: ${CIRCUIT_STYLE.CLOSED.color}; border-style: solid; }
.badge[data-state="OPEN"] { background: ${DARK_STRIPES}, ${CIRCUIT_STYLE.OPEN.color}; border-width: 0.35rem; }
.badge[data-state="HALF_OPEN"] { background: ${CIRCUIT_STYLE.HALF_OPEN.color}; border-style: dashed; }
.badge[data-state="unknown"] { background: #e6e6e6; border-style: dotted; }
.badge[data-state="CLOSED"] .badge-icon { border-radius: 50%; background: ${INK}; }
.badge[data-state="OPEN"] .badge-icon { background: ${INK};
  clip-path: polygon(30% 0, 70% 0, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0 70%, 0 30%); }
.badge[data-state="HALF_OPEN"] .badge-icon { border-radius: 50%; border: 0.3rem solid ${INK};
  background: linear-gradient(90deg, ${INK} 50%, transparent 50%); }
.badge[data-state="unknown"] .badge-icon { border-radius: 50%; border: 0.3rem dotted ${INK}; }`;

export const DASHBOARD_STYLES = `
* { box-sizing: border-box; }
html { font-size: clamp(14px, 1.05vw, 24px); }
body { margin: 0; padding: 0.4rem 1rem 0.6rem; color: ${INK}; background: #fff; line-height: 1.2;
  font-family: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, system-ui, sans-serif; }
h1 { font-size: 1.35rem; margin: 0; }
h2 { font-size: 1.4rem; margin: 0; }
h3 { font-size: 0.8rem; margin: 0 0 0.2rem; text-transform: uppercase; letter-spacing: 0.04em; color: #333; }
.top { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
.live-tag { font-size: 0.8rem; padding: 0 0.4rem; border: 2px solid ${INK}; border-radius: 0.3rem; vertical-align: middle; }
.top-note { margin: 0; font-size: 0.9rem; color: #333; flex: 1; }
.connection { margin: 0; font-weight: 700; font-size: 0.9rem; }
.connection[data-state="reconnecting"] { padding: 0 0.5rem; background: ${INK}; color: #fff; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1rem; margin: 0.35rem 0; padding: 0.35rem 0.7rem;
  border: 3px solid ${INK}; border-radius: 0.5rem; background: #f4f4f4; }
.mode-now h2 { font-size: 1rem; }
.mode-now p { margin: 0; font-size: 1.1rem; }
#mode-current { font-size: 1.5rem; text-transform: uppercase; }
.mode-buttons { display: flex; flex-wrap: wrap; gap: 0.45rem; flex: 1; }
button { font: inherit; color: ${INK}; cursor: pointer; display: flex; flex-direction: column; align-items: flex-start;
  padding: 0.25rem 0.7rem; background: #fff; border: 3px solid ${INK}; border-radius: 0.5rem; }
button:disabled { cursor: progress; opacity: 0.6; }
button:focus-visible { outline: 0.25rem solid ${GATEWAY_STYLE.v2.color}; outline-offset: 0.15rem; }
.mode-button { min-width: 7rem; }
.mode-name { font-size: 1.25rem; font-weight: 800; }
.mode-detail { font-size: 0.75rem; }
.mode-button[aria-pressed="true"] { background: ${INK}; color: #fff; }
.mode-button[aria-pressed="true"] .mode-name::after { content: " ◀ now"; font-size: 0.8rem; font-weight: 700; }
.reset-button { border-style: double; border-width: 5px; }
.control-message { margin: 0; font-weight: 700; flex-basis: 100%; }
.control-message:empty { display: none; }
.columns { display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(6, auto); gap: 0 1.2rem; }
.column { display: grid; grid-row: span 6; grid-template-rows: subgrid; gap: 0.35rem; padding-top: 0.3rem; min-width: 0; }
.swatch { display: inline-block; width: 1.6rem; height: 1rem; margin-right: 0.5rem; border: 2px solid ${INK}; }
.role { font-size: 1rem; color: ${INK}; font-weight: 400; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.5rem; }
.figure { border: 2px solid ${INK}; border-radius: 0.4rem; padding: 0.1rem 0.6rem; display: flex; align-items: baseline; justify-content: space-between; gap: 0.4rem; }
.figure-label { font-size: 0.75rem; font-weight: 700; text-transform: uppercase; color: #333; }
.figure-value { font-size: 1.9rem; font-weight: 800; white-space: nowrap; }
.panel { border: 2px solid #999; border-radius: 0.4rem; padding: 0.35rem 0.6rem; }
.panel-note { margin: 0.15rem 0 0; font-size: 0.8rem; color: #333; font-weight: 400; }
.meter { height: 2.4rem; border: 3px solid ${INK}; border-radius: 0.3rem; background: #fff; overflow: hidden; }
.meter-fill { height: 100%; width: 0; }
.pool-numbers { margin: 0.3rem 0 0; font-size: 1.6rem; }
.circuit-top { display: grid; grid-template-columns: 1fr auto; gap: 0.8rem; align-items: start; }
.badge { display: flex; align-items: center; gap: 0.9rem; padding: 0.25rem 0.9rem; border: 0.25rem solid ${INK}; border-radius: 0.6rem; }
.badge-icon { flex: none; width: 2.6rem; height: 2.6rem; }
.badge-label { display: block; font-size: 2.6rem; font-weight: 900; letter-spacing: 0.03em; }
.badge-note { display: block; font-size: 0.85rem; font-weight: 700; }
.countdown { margin: 0.2rem 0 0; font-size: 1.25rem; font-weight: 800; min-height: 1.5rem; }
.transitions { margin: 0; padding: 0; list-style: none; font-size: 0.8rem; font-variant-numeric: tabular-nums; white-space: pre; }
.error-rate { margin: 0.2rem 0; font-size: 1.05rem; }
table.counters { border-collapse: collapse; font-size: 0.8rem; width: 100%; font-variant-numeric: tabular-nums; }
table.counters th, table.counters td { padding: 0 0.35rem; border-bottom: 1px solid #ccc; text-align: right; }
table.counters th[scope="row"] { text-align: left; white-space: nowrap; }
.chart { margin: 0; border: 1px solid #ccc; border-radius: 0.4rem; padding: 0.15rem 0.4rem; }
.chart figcaption { font-weight: 700; font-size: 0.9rem; display: flex; flex-wrap: wrap; gap: 0 0.9rem; align-items: center; }
.key { display: inline-flex; align-items: center; gap: 0.3rem; font-weight: 400; }
.key-swatch { display: inline-block; width: 1.3rem; height: 0.8rem; border: 1px solid ${INK}; }
.canvas-box { position: relative; height: 7.2rem; }
/* A 720p projector: smaller charts, so the whole page still fits on one screen. */
@media (max-height: 800px) { .canvas-box { height: 5.4rem; } }
${gatewayRules}
${outcomeRules}
${badgeRules}
`;
