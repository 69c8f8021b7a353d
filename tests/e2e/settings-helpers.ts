/** Writes Gloss settings the way the options page does (overrides only), from the service worker. */
import type { Worker } from '@playwright/test';

interface ChromeStorage {
  chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
}

export async function setSettings(
  background: Worker,
  overrides: Record<string, unknown>,
): Promise<void> {
  await background.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as ChromeStorage;
    await chrome.storage.local.set({ settings: value, settings$: { v: 2 } });
  }, overrides);
}
