/**
 * UI states that never lie: a failed save, a catalog that cannot load, an unreadable import file
 * and every pack switched off are each said as such, not left as "Loading…" or blamed on a query.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importPackFile } from './settings-helpers';
import { POPUP_SIZE } from './ui-helpers';

declare const chrome: { storage: { local: { set: () => Promise<void> } } };

/** Makes saving fail in the page before any of Gloss's code runs. */
async function failSaving(page: Page) {
  await page.addInitScript(() => {
    chrome.storage.local.set = () => Promise.reject(new Error('disk is full'));
  });
}

test('a setting that cannot be saved says so on the options page', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await failSaving(options);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('radio', { name: 'Dark' }).click();
  await expect(options.getByRole('alert')).toContainText('Your last change was not saved');
  await expect(options.getByRole('alert')).toContainText('disk is full');
  // The form shows what is stored, not the choice that was lost.
  await expect(options.getByRole('radio', { name: 'Follow the system' })).toBeChecked();
});

test('a glossary that cannot be loaded is an error, not "Loading…" forever', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  // Storage failures fall back to the bundled pack; what is left to fail is that pack itself.
  await page.addInitScript(() => {
    const parse = JSON.parse;
    JSON.parse = (
      text: string,
      reviver?: (this: unknown, key: string, value: unknown) => unknown,
    ) => {
      if (text.length > 50_000) throw new SyntaxError('the bundled glossary is damaged');
      return parse(text, reviver) as unknown;
    };
  });
  await page.goto(`chrome-extension://${extensionId}/glossary.html`);
  await expect(page.getByRole('alert')).toContainText('The glossary could not be loaded');
  await expect(page.getByText('Loading the glossary…')).toHaveCount(0);
});

test('an import whose file cannot be read says so', async ({ context, extensionId }) => {
  const options = await context.newPage();
  // What Chromium does when the chosen file was moved or deleted before it was read.
  await options.addInitScript(() => {
    Blob.prototype.text = () =>
      Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
  });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await importPackFile(options, 'pack.json', '{}');
  const alert = options.getByRole('alert');
  await expect(alert).toContainText('pack.json could not be read');
  await expect(options.locator('.pack')).toHaveCount(1);
});

test('with every pack switched off, the glossary page and popup say so', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  const bundled = options.getByRole('switch', { name: "Japan's strategic autonomy" });
  await bundled.uncheck();
  await expect(bundled).not.toBeChecked();

  const glossary = await openExtensionPage('glossary.html');
  await expect(glossary.getByRole('status')).toContainText('Every glossary pack is switched off');
  await expect(glossary.getByText(/0 terms from/)).toHaveCount(0);
  await expect(glossary.getByRole('button', { name: 'Open Options' })).toBeVisible();

  const popup = await openExtensionPage('popup.html');
  await popup.setViewportSize(POPUP_SIZE);
  await popup.getByRole('combobox').fill('senkaku');
  await expect(popup.getByRole('status')).toContainText('Every glossary pack is switched off');
  await expect(popup.getByText(/Nothing in the glossary matches/)).toHaveCount(0);
  await expect(popup.getByRole('combobox')).toHaveAttribute('aria-expanded', 'false');
});
