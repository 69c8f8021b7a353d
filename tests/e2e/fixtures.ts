/**
 * Playwright fixtures: a Chromium with the built extension loaded (.output/chrome-mv3), a static
 * server for tests/fixtures on 127.0.0.1, and helpers to open extension pages.
 */
import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import path from 'node:path';
import { launchChromium, serviceWorkerOf } from '../support/browser.ts';
import { startServer, vendorRoute, type StaticServer } from '../support/static-server.ts';

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  server: StaticServer;
  /** Opens a fixture page (path under tests/fixtures) and collects its console errors. */
  openFixture: (file: string) => Promise<Page>;
  /** Opens an extension page such as popup.html. */
  openExtensionPage: (file: string) => Promise<Page>;
  pageErrors: string[];
}

export const test = base.extend<Fixtures & { touch: boolean }>({
  touch: [false, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startServer(path.resolve('tests/fixtures'), [vendorRoute]);
    await use(server);
    await server.close();
  },
  context: async ({ touch }, use) => {
    const context = await launchChromium({ hasTouch: touch });
    await use(context);
    await context.close();
  },
  background: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
  // eslint-disable-next-line no-empty-pattern
  pageErrors: async ({}, use) => {
    await use([]);
  },
  openFixture: async ({ context, server, pageErrors }, use) => {
    await use(async (file) => {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
      });
      await page.goto(`${server.origin}/${file}`);
      return page;
    });
  },
  openExtensionPage: async ({ context, extensionId, pageErrors }, use) => {
    await use(async (file) => {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
      });
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    });
  },
});

export { expect } from '@playwright/test';
