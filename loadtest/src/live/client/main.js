// The live dashboard's page: reads the server's event stream and hands each update to the
// charts and the panels. No framework; every value from the server is placed as text.
import { createCharts } from './charts.js';
import { bindControls } from './controls.js';
import { createPanels } from './panels.js';

const style = JSON.parse(document.getElementById('live-style').textContent);
const charts = createCharts(style);
const panels = createPanels();
/** The last windowSeconds samples, oldest first. */
const samples = [];

function show() {
  charts.update(samples);
  const last = samples[samples.length - 1];
  if (last) panels.figures(last);
}

function onSnapshot(snapshot) {
  samples.splice(0, samples.length, ...snapshot.samples);
  show();
  panels.status(snapshot.status);
}

function onSample(sample) {
  const last = samples[samples.length - 1];
  // After a reconnect the snapshot already holds it.
  if (last && sample.t <= last.t) return;
  samples.push(sample);
  while (samples.length > style.windowSeconds) samples.shift();
  show();
}

const source = new EventSource('/events');
const on = (name, handle) =>
  source.addEventListener(name, (event) => handle(JSON.parse(event.data)));
on('snapshot', onSnapshot);
on('sample', onSample);
on('status', panels.status);
// EventSource reconnects by itself; the page only says so.
source.addEventListener('open', () => panels.connection('live'));
source.addEventListener('error', () => panels.connection('reconnecting'));
bindControls(panels.message);
setInterval(panels.tick, 200);
