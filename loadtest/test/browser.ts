import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium drives the browser tests: playwright-core never downloads a browser.
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Nothing the browser does on its own (updates, sync, QUIC probes) may show up as a network
// request in a test that asserts there are none.
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumAvailability {
  available: boolean;
  /** Why the browser tests cannot run, when they cannot. */
  reason: string;
  /** In CI a missing browser is a broken set-up, not a reason to skip. */
  mustFail: boolean;
}

export function chromiumAvailability(): ChromiumAvailability {
  if (existsSync(CHROMIUM_PATH)) return { available: true, reason: '', mustFail: false };
  return {
    available: false,
    reason: `Chromium is missing (${CHROMIUM_PATH}); .ci/run installs it (apt-get install chromium), or install it yourself to run the browser tests`,
    mustFail: Boolean(process.env.CI),
  };
}

/** Headless Chromium with a fresh profile (playwright makes a temporary one per launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
