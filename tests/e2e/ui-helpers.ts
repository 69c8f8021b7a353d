/**
 * Gloss's own pages in a Chromium of a chosen UI language and colour scheme. The profile folder
 * goes when the browser does (a test run leaves nothing in the temp directory).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  EXTENSION_DIR,
  serviceWorkerOf,
} from '../support/browser.ts';

export interface UiBrowser {
  context: BrowserContext;
  extensionId: string;
  open(file: string, size?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface UiOptions {
  /** Chromium's UI language: --lang picks the extension's catalog (LANGUAGE alone does not). */
  lang?: string;
  colorScheme?: 'light' | 'dark';
}

export async function launchUi(options: UiOptions = {}): Promise<UiBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'gloss-ui-'));
  const lang = options.lang ?? 'en-US';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: lang,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--lang=${lang}`,
      ...CHROMIUM_ARGS,
    ],
  });
  const extensionId = new URL((await serviceWorkerOf(context)).url()).host;
  return {
    context,
    extensionId,
    async open(file, size) {
      const page = await context.newPage();
      if (size) await page.setViewportSize(size);
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The popup's own size (popup.css), opened as a tab so a test can drive it. */
export const POPUP_SIZE = { width: 360, height: 580 };

/** A search result's summary is a one-line preview: its ellipsis is the design, not a fault. */
const ALLOWED_CLIPS = '.gloss-list__detail';

/**
 * Text that does not fit its box: an element whose content is wider than its box while it clips
 * (overflow hidden / ellipsis), or anything that sticks out of the page sideways.
 */
export function clippedText(page: Page, allowed = ALLOWED_CLIPS): Promise<string[]> {
  return page.evaluate((allowed) => {
    const found: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (!el.innerText?.trim() || el.closest('.gloss-visually-hidden, .visually-hidden')) continue;
      if (el.matches(allowed)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      const rect = el.getBoundingClientRect();
      if (rect.width === 0) continue;
      if (
        (clips && el.scrollWidth > el.clientWidth + 1) ||
        rect.right > width + 1 ||
        rect.left < -1
      )
        found.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.innerText.slice(0, 40)}`);
    }
    return found;
  }, allowed);
}
