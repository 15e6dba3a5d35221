// Everything on the page besides the charts. The server formats the text (status-view.ts);
// this file only places it, with textContent, and counts down to the breaker's next probe.

const byId = (id) => document.getElementById(id);
const GATEWAYS = ['v1', 'v2'];

function cell(tag, text, scope) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (scope) element.setAttribute('scope', scope);
  return element;
}

/** The counters as a table: one column per counter, a row for the window and one in all. */
function counterRows(circuit) {
  const row = (title, cells) => {
    const tr = document.createElement('tr');
    tr.append(cell('th', title, 'row'), ...cells.map((text) => cell('td', text)));
    return tr;
  };
  const counters = circuit.counters;
  if (counters.length === 0) return [];
  return [
    row(
      circuit.windowText,
      counters.map((c) => c.window),
    ),
    row(
      'since start',
      counters.map((c) => c.total),
    ),
  ];
}

function transitionItem(transition) {
  const item = document.createElement('li');
  const time = new Date(transition.at).toLocaleTimeString('en-GB', { hour12: false });
  item.textContent = `${time}  ${transition.text}`;
  return item;
}

function showControls(view) {
  byId('mode-current').textContent = view.mode.current || '—';
  byId('mode-text').textContent = view.mode.text;
  for (const button of document.querySelectorAll('.mode-button')) {
    const control = view.controls.find((c) => c.mode === button.dataset.mode);
    button.setAttribute('aria-pressed', String(Boolean(control && control.active)));
    button.querySelector('.mode-detail').textContent = control ? control.detail : '';
  }
}

function showPool(pool) {
  byId('pool-fill').style.width = `${Math.round((pool.fill || 0) * 100)}%`;
  byId('pool-in-use').textContent = pool.inUse;
  byId('pool-waiting').textContent = pool.waiting;
  byId('pool-note').textContent = pool.note;
}

function showCircuit(circuit) {
  byId('circuit-badge').dataset.state = circuit.state || 'unknown';
  byId('circuit-label').textContent = circuit.label;
  byId('circuit-note').textContent = circuit.note;
  byId('circuit-errors').textContent = circuit.errorText;
  byId('circuit-threshold').textContent = circuit.thresholdText;
  byId('counters-head').replaceChildren(
    cell('th', ''),
    ...circuit.counters.map((c) => cell('th', c.name, 'col')),
  );
  byId('counters-body').replaceChildren(...counterRows(circuit));
  byId('circuit-transitions').replaceChildren(...circuit.transitions.map(transitionItem));
}

function countdownText(circuit, elapsedMs) {
  if (!circuit) return '';
  if (circuit.probeInMs !== null) {
    const left = Math.max(0, circuit.probeInMs - elapsedMs);
    // Rounded up: "0.0 s" while a probe is still to come would read as "now".
    const seconds = (Math.ceil(left / 100) / 10).toFixed(1);
    return left > 0 ? `next probe in ${seconds} s` : 'probe due now';
  }
  return circuit.state === 'HALF_OPEN' ? 'probe call in flight' : '';
}

export function createPanels() {
  let circuit = null;
  let receivedAt = 0;

  const tick = () => {
    byId('circuit-countdown').textContent = countdownText(circuit, performance.now() - receivedAt);
  };

  return {
    figures(sample) {
      for (const g of GATEWAYS) {
        const text = sample.gateways[g].text;
        for (const figure of byId(`column-${g}`).querySelectorAll('[data-figure]')) {
          figure.textContent = text[figure.dataset.figure];
        }
      }
    },
    status(view) {
      showControls(view);
      showPool(view.pool);
      showCircuit(view.circuit);
      circuit = view.circuit;
      receivedAt = performance.now();
      tick();
    },
    tick,
    connection(state) {
      const element = byId('connection');
      element.dataset.state = state;
      element.textContent = state === 'live' ? 'live: updates every second' : 'reconnecting…';
    },
    message(text) {
      byId('control-message').textContent = text;
    },
  };
}
