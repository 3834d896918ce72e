/** Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core, offline and quiet. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where the system's Chromium is. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether it is installed; browser suites skip when it is not. */
export const chromiumAvailable: boolean = existsSync(CHROMIUM_PATH);

// No first-run UI, no background fetches, no updater; --no-sandbox because CI runs as root.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
