/** Launches Debian's Chromium (or CHROMIUM_PATH) with the built Gloss extension loaded. */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
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
  /** The unpacked extension to load (default: Gloss's build); implies `withExtension`. */
  extensionDir?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

/**
 * A persistent context in a fresh profile folder, which is deleted when the context closes (a
 * test run would otherwise leave one folder of some 3 MB per browser it started).
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserContext> {
  const withExtension = options.withExtension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = mkdtempSync(path.join(tmpdir(), 'gloss-chromium-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  let context: BrowserContext;
  try {
    context = await launch(profile, options, withExtension ? extensionDir : null);
  } catch (error) {
    removeProfile();
    throw error;
  }
  // Removed once the browser has exited: on the context's `close` event Chromium is still writing
  // to the profile, and a folder deleted then comes back.
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    removeProfile();
  };
  return context;
}

function launch(profile: string, options: LaunchOptions, extensionDir: string | null) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    hasTouch: options.hasTouch,
    colorScheme: options.colorScheme,
    viewport: options.viewport ?? { width: 1200, height: 800 },
    args: [
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      ...CHROMIUM_ARGS,
    ],
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}
