// The buttons: each one POSTs to this server, which passes the change on to the service. The
// new state then arrives over the event stream like any other update.

async function post(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.ok) return;
  let reason = `the dashboard answered ${res.status}`;
  try {
    const data = await res.json();
    if (data && data.error) reason = data.error.message;
  } catch {
    // Not JSON: the status says enough.
  }
  throw new Error(reason);
}

export function bindControls(showMessage) {
  const modeButtons = Array.from(document.querySelectorAll('.mode-button'));
  const resetButton = document.getElementById('reset-breaker');
  const all = [...modeButtons, resetButton];

  async function run(action) {
    all.forEach((button) => (button.disabled = true));
    showMessage('');
    try {
      await action();
    } catch (err) {
      showMessage(`Nothing changed: ${err.message}`);
    } finally {
      all.forEach((button) => (button.disabled = false));
    }
  }

  for (const button of modeButtons) {
    button.addEventListener('click', () =>
      run(() => post('/api/failure-mode', { mode: button.dataset.mode })),
    );
  }
  resetButton.addEventListener('click', () => run(() => post('/api/circuit/reset', {})));
}
