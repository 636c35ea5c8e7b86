/**
 * Debian's Chromium driven by playwright-core, and the built site served by Astro's own preview
 * server. Browser downloads are impossible here, so a missing Chromium is a set-up error that
 * says how to install it, never a silently skipped test.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, and nothing of Chromium's own on the network (updates, sync, safe browsing lists). */
export const CHROMIUM_FLAGS = [
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

/** What a browser test file reads the two test builds with (see `useReader`). */
export interface Reader {
  /** A page in its own browser context (axe-core needs one); closing the page closes the context. */
  page(options?: BrowserContextOptions): Promise<Page>;
  /** The address of `path` on the real site, or with `many` on the build of the synthetic corpus. */
  url(path: string, many?: boolean): string;
}

/**
 * Chromium and both test builds (the real site, and the one with the synthetic corpus) served
 * for the tests of the calling file: started before them, stopped after them.
 */
export function useReader(): Reader {
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof previewSite>> | undefined;
  let manySite: Awaited<ReturnType<typeof previewSite>> | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    site = await previewSite(inject('workspace'));
    manySite = await previewSite(inject('manyWorkspace'));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await manySite?.stop();
  });
  return {
    async page(options) {
      if (!browser) throw new Error('useReader(): the browser starts in beforeAll; open pages inside a test');
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.on('close', () => void context.close());
      return page;
    },
    url(path, many = false) {
      const served = many ? manySite : site;
      if (!served) throw new Error('useReader(): the sites start in beforeAll; ask for addresses inside a test');
      return served.baseUrl + path;
    },
  };
}
