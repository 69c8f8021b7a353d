/** Launches Debian's Chromium (or CHROMIUM_PATH) with the built Gloss extension loaded. */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const OUTPUT_DIR = path.resolve(process.env.GLOSS_OUT_DIR ?? '.output');
export const EXTENSION_DIR = path.join(OUTPUT_DIR, 'chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  hasTouch?: boolean;
  headless?: boolean;
  withExtension?: boolean;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserContext> {
  const withExtension = options.withExtension ?? true;
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'gloss-chromium-')), {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    hasTouch: options.hasTouch,
    colorScheme: options.colorScheme,
    viewport: options.viewport ?? { width: 1200, height: 800 },
    args: [
      ...(withExtension
        ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]
        : []),
      ...CHROMIUM_ARGS,
    ],
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}
