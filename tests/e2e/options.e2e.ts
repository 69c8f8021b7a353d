/**
 * The options page end to end: what the reader changes there reaches pages that are already open,
 * without a reload, and a bad pack is refused with its reasons and changes nothing.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { markedTexts, matcherSources, scansDone, settledMarks, waitForMarks } from './page-helpers';
import { importPackFile } from './settings-helpers';

declare const chrome: {
  storage: { local: { get(keys: null): Promise<unknown>; set(items: object): Promise<void> } };
};

const EXAMPLE_PACK = 'glossary/packs/examples/example-pack.json';
const ARTICLE = 'korea-article.html';

function storedEverything(options: Page) {
  return options.evaluate(() => chrome.storage.local.get(null));
}

function highlightSize(page: Page, name: string) {
  return page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
}

/** The import's progress and outcome (the hover delay's <output> is a status too). */
function importStatus(options: Page) {
  return options.locator('.notice[role=status]');
}

test('an imported pack marks its terms on an open page without a reload', async ({
  openFixture,
  openExtensionPage,
  pageErrors,
}) => {
  const article = await openFixture(ARTICLE);
  await waitForMarks(article, 1);
  expect(await markedTexts(article)).not.toContain('Northern Limit Line');
  // The bundled pack alone: its matcher comes compiled from the build, not compiled on the page.
  expect(await matcherSources(article)).toEqual(['build']);

  const options = await openExtensionPage('options.html');
  await importPackFile(options, 'example-pack.json', readFileSync(EXAMPLE_PACK, 'utf8'));
  await expect(importStatus(options)).toContainText('Imported “Korean peninsula security');
  await expect(options.locator('.pack').first()).toContainText('7 terms · version 1.0.0');
  // Pack text is labelled with its pack's language, whatever the interface's language.
  await expect(options.locator('.pack__title').first()).toHaveAttribute('lang', 'en');
  await expect(options.locator('.check span[lang=en]').first()).toBeVisible();

  await article.waitForFunction(() =>
    [...(CSS.highlights.get('gloss-term-background')?.keys() ?? [])].some((r) => {
      const range = new Range();
      const s = r as AbstractRange;
      range.setStart(s.startContainer, s.startOffset);
      range.setEnd(s.endContainer, s.endOffset);
      return range.toString() === 'Northern Limit Line';
    }),
  );
  // The rescan commits its marks in slices: the rest may land after the first one.
  await expect.poll(() => markedTexts(article)).toEqual(expect.arrayContaining(['THAAD', 'Dokdo']));
  // Two packs have no build-time matcher: the page compiles them.
  expect(await matcherSources(article)).toEqual(['build', 'page']);

  // The same id again: the page asks, and only "Replace" changes anything.
  await importPackFile(options, 'example-pack.json', readFileSync(EXAMPLE_PACK, 'utf8'));
  const question = options.getByRole('alertdialog');
  await expect(question).toContainText('already installed');
  await question.getByRole('button', { name: 'Replace' }).click();
  await expect(importStatus(options)).toContainText('Imported');
  await expect(options.locator('.pack')).toHaveCount(2);
  expect(pageErrors).toEqual([]);
});

test('a bad pack shows its reasons and changes nothing', async ({
  openExtensionPage,
  pageErrors,
}) => {
  const options = await openExtensionPage('options.html');
  await expect(options.locator('.pack')).toHaveCount(1);
  const before = await storedEverything(options);

  const bad = JSON.parse(readFileSync(EXAMPLE_PACK, 'utf8')) as {
    terms: Record<string, unknown>[];
  };
  delete bad.terms[0]!.summary;
  bad.terms[1]!.title = '<img src=x onerror="document.title=1">';
  bad.terms[2]!.aliases = [{ text: 'NLL', caseSensitve: true }];
  await importPackFile(options, 'broken.json', JSON.stringify(bad));

  const alert = options.getByRole('alert');
  await expect(alert).toContainText('broken.json was not imported. Nothing was changed.');
  await expect(alert).toContainText('terms[0].summary: missing required field');
  await expect(alert).toContainText('terms[2].aliases[0].caseSensitve: unknown field');
  expect(await storedEverything(options)).toEqual(before);
  await expect(options.locator('.pack')).toHaveCount(1);

  await importPackFile(options, 'truncated.json', '{"id": "half-a-pack", "terms": [');
  await expect(options.getByRole('alert')).toContainText('not valid JSON');
  expect(await storedEverything(options)).toEqual(before);
  expect(pageErrors).toEqual([]);
});

test('density and mark style apply to an open page at once', async ({
  openFixture,
  openExtensionPage,
}) => {
  const article = await openFixture(ARTICLE);
  const firstOnly = (await settledMarks(article, 3)).length;

  const options = await openExtensionPage('options.html');
  await options.getByRole('radio', { name: 'Every mention' }).check();
  await waitForMarks(article, firstOnly + 1);

  await options.getByRole('radio', { name: 'Dotted underline' }).check();
  await article.waitForFunction(() => CSS.highlights.has('gloss-term-underline'));
  expect(await article.evaluate(() => CSS.highlights.has('gloss-term-background'))).toBe(false);
  expect(await highlightSize(article, 'gloss-term-underline')).toBeGreaterThan(firstOnly);
});

test('a hidden term disappears from an open page, and comes back from the options list', async ({
  openFixture,
  openExtensionPage,
}) => {
  const article = await openFixture(ARTICLE);
  await waitForMarks(article, 3);
  expect(await markedTexts(article)).toContain('Seoul');

  const options = await openExtensionPage('options.html');
  // What the popover's "Not this meaning → hide everywhere" stores.
  await options.evaluate(() =>
    chrome.storage.local.set({ settings: { hiddenTerms: ['seoul'] }, settings$: { v: 2 } }),
  );
  await article.waitForFunction(() => {
    const ranges = [...(CSS.highlights.get('gloss-term-background')?.keys() ?? [])];
    return ranges.every((r) => {
      const s = r as AbstractRange;
      return (s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset) !== 'Seoul';
    });
  });
  // The rescan clears the marks before drawing them again in slices (the wait above can see the
  // empty registry): read them once it has finished.
  const shown = await scansDone(article);
  expect(shown).toContain('Tokyo');
  expect(shown).not.toContain('Seoul');

  const hidden = options.locator('.removable__item', { hasText: 'Seoul' });
  await expect(hidden).toContainText('everywhere');
  await hidden.getByRole('button', { name: /^Show again Seoul .*\(everywhere\)$/ }).click();
  await expect.poll(() => markedTexts(article)).toContain('Seoul');
});
