/**
 * The toolbar popup: search (typos, other names, other scripts), a term's card, the terms on the
 * page behind it, and the one-click site switch. popup.html is opened as a page here, so it is
 * told which tab to act on with ?tab=<id> (a real popup uses the active tab).
 */
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { settledMarks, waitForMarks } from './page-helpers';

// Only what these tests use of the service worker's `chrome`.
declare const chrome: {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options?: object): Promise<unknown>;
  };
};

/**
 * The id of the tab showing the article. Without the "tabs" permission the extension is not told
 * tabs' addresses, so ask each tab's content script, as the popup would, and take the one with terms.
 */
async function articleTabId(background: Worker): Promise<number> {
  const id = await background.evaluate(async () => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = (await chrome.tabs
        .sendMessage(tab.id, { type: 'gloss:page-terms' }, { frameId: 0 })
        .catch(() => null)) as { terms?: unknown[] } | null;
      if (reply?.terms?.length) return tab.id;
    }
    return null;
  });
  if (id === null) throw new Error('no tab answered with glossary terms');
  return id;
}

async function markCount(page: Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.get('gloss-term-background')?.size ?? 0);
}

test.describe('search', () => {
  for (const [query, title] of [
    ['reciprocl acces', 'Reciprocal access agreement (RAA)'],
    ['diaoyu', 'Senkaku Islands'],
    ['尖閣', 'Senkaku Islands'],
  ] as const) {
    test(`finds ${title} for "${query}" and opens its card with Enter`, async ({
      openExtensionPage,
      pageErrors,
    }) => {
      const popup = await openExtensionPage('popup.html');
      const search = popup.getByRole('combobox');
      await expect(search).toBeFocused();
      await search.fill(query);
      const results = popup.getByRole('listbox', { name: 'Search results' });
      await expect(results.getByRole('option').first()).toContainText(title);
      await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
      await search.press('Enter');
      await expect(popup.getByRole('heading', { level: 2, name: title })).toBeVisible();
      await expect(popup.getByText('Checked facts')).toBeVisible();
      await popup.getByRole('button', { name: /Back to results/ }).click();
      await expect(popup.getByRole('combobox')).toHaveValue(query);
      await expect(popup.getByRole('combobox')).toBeFocused();
      expect(pageErrors).toEqual([]);
    });
  }

  test('arrow keys move through the results', async ({ openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    const search = popup.getByRole('combobox');
    await search.fill('reciprocal access');
    const options = popup.getByRole('option');
    await expect(options.nth(1)).toBeVisible();
    const second = (await options.nth(1).locator('.gloss-list__title').textContent())!;
    await search.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(search).toHaveAttribute(
      'aria-activedescendant',
      (await options.nth(1).getAttribute('id'))!,
    );
    await search.press('Enter');
    await expect(popup.getByRole('heading', { level: 2 })).toHaveText(second);
  });
});

/** Console errors other than the test server's missing favicon. */
function realErrors(errors: readonly string[]): string[] {
  return errors.filter((e) => !e.includes('Failed to load resource'));
}

test('with an empty query it lists the terms on the page with counts; choosing one reveals it', async ({
  openFixture,
  openExtensionPage,
  background,
  pageErrors,
}) => {
  const article = await openFixture('essay-article.html');
  // The list is of the whole page: read it once the scan has finished, or the popup's own request
  // can see more terms than `expected` did.
  await settledMarks(article, 5);
  const tabId = await articleTabId(background);
  const expected = (await background.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'gloss:page-terms' }, { frameId: 0 }),
    tabId,
  )) as { terms: { title: string; count: number }[] };

  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await expect(popup.getByRole('heading', { name: 'On this page' })).toBeVisible();
  const list = popup.getByRole('listbox', { name: 'Glossary terms on this page' });
  await expect(list.getByRole('option')).toHaveCount(expected.terms.length);
  expect(await list.locator('.gloss-list__title').allTextContents()).toEqual(
    expected.terms.map((t) => t.title),
  );
  expect(await list.locator('.gloss-list__count [aria-hidden]').allTextContents()).toEqual(
    expected.terms.map((t) => `×${t.count}`),
  );
  // Reading order: the essay's first glossary term opens the list.
  await expect(list.getByRole('option').first()).toContainText('Strategic autonomy');

  await list.getByRole('option', { name: /Senkaku Islands/ }).click();
  const popover = article.getByRole('dialog');
  await expect(popover.getByRole('heading', { level: 2 })).toHaveText('Senkaku Islands');
  expect(realErrors(pageErrors)).toEqual([]);
});

test('the site switch turns Gloss off and on for the page’s site, live', async ({
  openFixture,
  openExtensionPage,
  background,
}) => {
  const article = await openFixture('essay-article.html');
  await waitForMarks(article, 5);
  const popup = await openExtensionPage(`popup.html?tab=${await articleTabId(background)}`);
  // The switch needs the page's host, which the content script reports in its gloss:page-terms
  // reply (`host`; the browser does not tell the popup the tab's address without "tabs").
  const toggle = popup.getByRole('switch', { name: /Gloss on this site/ });
  await expect(toggle).toBeChecked();
  await expect(popup.getByText('127.0.0.1')).toBeVisible();

  await toggle.uncheck();
  await expect.poll(() => markCount(article)).toBe(0);
  await expect(popup.getByText('Gloss is off on this site')).toBeVisible();

  await toggle.check();
  await expect.poll(() => markCount(article)).toBeGreaterThan(5);
  await expect(popup.getByRole('listbox', { name: 'Glossary terms on this page' })).toBeVisible();
});

test('a page Gloss left alone (nothing to draw) has no terms, and its site switch works', async ({
  openFixture,
  openExtensionPage,
  background,
}) => {
  const page = await openFixture('halibut-tariffs.html');
  await page.waitForFunction(() => performance.getEntriesByName('gloss:gate').length > 0);
  // Host permissions let the background match the tab by its address.
  const tabId = await background.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'http://127.0.0.1/*' });
    return tab?.id ?? -1;
  });
  // Only the gate runs there; it answers for the tab until the main script does.
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await expect(popup.getByText('No glossary terms found on this page.')).toBeVisible();
  const toggle = popup.getByRole('switch', { name: /Gloss on this site/ });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(popup.getByText('Gloss is off on this site')).toBeVisible();
  await toggle.check();
  await expect(popup.getByText('No glossary terms found on this page.')).toBeVisible();
});

test('pages Gloss cannot reach get an honest message', async ({ openExtensionPage, context }) => {
  const blank = await context.newPage();
  await blank.goto('about:blank');
  // The popup itself is a tab no content script runs in: point it at its own tab.
  const popup = await openExtensionPage('popup.html?tab=-1');
  await expect(popup.getByText(/Gloss can’t read this page/)).toBeVisible();
  await expect(popup.getByRole('switch')).toHaveCount(0);
});
