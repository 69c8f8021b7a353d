/** Writes Gloss settings and packs the way the options page does. */
import type { Page, Worker } from '@playwright/test';

interface ChromeStorage {
  chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
}

/** Writes Gloss settings (overrides only) from the service worker. */
export async function setSettings(
  background: Worker,
  overrides: Record<string, unknown>,
): Promise<void> {
  await background.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as ChromeStorage;
    await chrome.storage.local.set({ settings: value, settings$: { v: 2 } });
  }, overrides);
}

/** Chooses a pack file (`name`, JSON `text`) in the options page's import field. */
export async function importPackFile(options: Page, name: string, text: string): Promise<void> {
  await options
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}
