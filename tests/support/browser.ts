/**
 * Debian's Chromium driven by playwright-core, and the built site served by Astro's own preview
 * server. Browser downloads are impossible here, so a missing Chromium is a set-up error that
 * says how to install it, never a silently skipped test.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Launches Chromium, or explains exactly how to get one. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium, and there is none at ${CHROMIUM_PATH}.\n` +
        '  On Debian or Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        '  Elsewhere: install Chromium or Chrome and run the tests with CHROMIUM_PATH=/path/to/chromium\n' +
        '(`npx playwright install` cannot help: this project uses the system browser.)',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/** Serves a built workspace with `astro preview` on a free port; call stop() when done. */
export async function previewSite(workspace: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { preview } = await import('astro');
  const server = await preview({ root: workspace, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  return { baseUrl: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}
