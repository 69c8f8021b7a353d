import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { pageScriptsRun, popoverState, waitForMarks } from './page-helpers';

type Handlers = {
  onContextMenu(
    info: { menuItemId: string; selectionText?: string },
    tab?: { id?: number },
  ): Promise<void>;
  onCommand(command: string, tab?: { id?: number }): Promise<void>;
  omniboxSuggestions(text: string): Promise<{ content: string; description: string }[]>;
  onOmniboxEntered(text: string): Promise<void>;
};

/**
 * Calls one of the background's real lookup handlers, as the browser would for the tab in front
 * (Gloss has no `tabs` permission, so tab URLs are not visible to it — or to this test).
 */
async function callHandler(background: Worker, page: Page, name: keyof Handlers, args: unknown[]) {
  await page.bringToFront();
  return background.evaluate(
    async ({ name, args }) => {
      const g = globalThis as unknown as {
        glossHandlers: Record<string, (...a: unknown[]) => Promise<unknown>>;
        chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
      };
      const [tab] = await g.chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return g.glossHandlers[name]!(...args, tab);
    },
    { name, args },
  );
}

async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not on the page`);
  }, text);
}

test('context menu: "Explain … with Gloss" opens the popover at the selection', async ({
  openFixture,
  background,
}) => {
  const page = await openFixture('essay-article.html');
  await waitForMarks(page, 5);
  await selectText(page, 'strategic ambiguity');
  await callHandler(background, page, 'onContextMenu', [
    { menuItemId: 'gloss-explain', selectionText: 'strategic ambiguity' },
  ]);
  await expect.poll(async () => (await popoverState(page)).title).toBe('Strategic ambiguity');
});

test('on a page Gloss left alone (nothing to draw), the context menu still answers there', async ({
  openFixture,
  background,
}) => {
  const page = await openFixture('halibut-tariffs.html');
  // The gate's verdict: nothing to draw, so only the gate runs here.
  await page.waitForFunction(() => performance.getEntriesByName('gloss:gate').length > 0);
  expect(await pageScriptsRun(page)).toEqual([]);
  // "Washington" alone is no reason to mark the page, but a reader may still ask about it.
  await selectText(page, 'Washington');
  await callHandler(background, page, 'onContextMenu', [
    { menuItemId: 'gloss-explain', selectionText: 'Washington' },
  ]);
  await expect
    .poll(async () => (await popoverState(page)).title)
    .toBe('Washington (US government)');
  expect(await pageScriptsRun(page)).toContain('main');
});

test('a misspelt selection finds its term by fuzzy search (answered by the background)', async ({
  openFixture,
  background,
}) => {
  const page = await openFixture('essay-article.html');
  await waitForMarks(page, 5);
  // No live selection: the text the browser reported is what gets looked up.
  await page.evaluate(() => getSelection()!.removeAllRanges());
  await callHandler(background, page, 'onContextMenu', [
    { menuItemId: 'gloss-explain', selectionText: 'senkaku islnds' },
  ]);
  await expect.poll(async () => (await popoverState(page)).title).toBe('Senkaku Islands');
});

test('context menu on text with no entry says so and offers a glossary search', async ({
  openFixture,
  background,
  context,
}) => {
  const page = await openFixture('essay-article.html');
  await waitForMarks(page, 5);
  await selectText(page, 'corporate naivety');
  await callHandler(background, page, 'onContextMenu', [
    { menuItemId: 'gloss-explain', selectionText: 'corporate naivety' },
  ]);
  await expect.poll(async () => (await popoverState(page)).title).toBe('No glossary entry');
  const opened = context.waitForEvent('page');
  await page.locator('gloss-popover').getByRole('button', { name: 'Search the glossary' }).click();
  const glossary = await opened;
  await glossary.waitForLoadState();
  expect(decodeURIComponent(glossary.url())).toContain('glossary.html?q=corporate naivety');
});

test('the explain command uses the selection, or opens the search when nothing is selected', async ({
  openFixture,
  background,
  context,
}) => {
  const page = await openFixture('essay-article.html');
  await waitForMarks(page, 5);
  await selectText(page, 'Senkakus');
  await callHandler(background, page, 'onCommand', ['explain-selection']);
  await expect.poll(async () => (await popoverState(page)).title).toBe('Senkaku Islands');
  await page.keyboard.press('Escape');
  await page.evaluate(() => getSelection()!.removeAllRanges());
  await callHandler(background, page, 'onCommand', ['explain-selection']);
  // The search opens: the toolbar popup where the browser allows it, else the glossary page.
  await expect
    .poll(async () => {
      const popups = await background.evaluate(async () => {
        const g = globalThis as unknown as {
          chrome: { runtime: { getContexts(f: object): Promise<unknown[]> } };
        };
        return (await g.chrome.runtime.getContexts({ contextTypes: ['POPUP'] })).length;
      });
      const glossaryTabs = context.pages().filter((p) => p.url().includes('/glossary.html')).length;
      return popups + glossaryTabs;
    })
    .toBeGreaterThan(0);
});

test('omnibox: "gloss senkaku" suggests the term; Enter opens the glossary page at it', async ({
  background,
  context,
}) => {
  const suggestions = (await background.evaluate(async () => {
    const g = globalThis as unknown as { glossHandlers: Handlers };
    return g.glossHandlers.omniboxSuggestions('senkaku');
  })) as { content: string; description: string }[];
  expect(suggestions[0]?.content).toBe('term:senkaku-islands');
  expect(suggestions[0]?.description).toContain('Senkaku Islands');
  const opened = context.waitForEvent('page');
  await background.evaluate(async () => {
    const g = globalThis as unknown as { glossHandlers: Handlers };
    await g.glossHandlers.onOmniboxEntered('term:senkaku-islands');
  });
  const glossary = await opened;
  expect(glossary.url()).toMatch(/glossary\.html#senkaku-islands$/);
  // Free text without choosing a suggestion opens the best match too.
  const second = context.waitForEvent('page');
  await background.evaluate(async () => {
    const g = globalThis as unknown as { glossHandlers: Handlers };
    await g.glossHandlers.onOmniboxEntered('diaoyu');
  });
  expect((await second).url()).toMatch(/glossary\.html#senkaku-islands$/);
});
