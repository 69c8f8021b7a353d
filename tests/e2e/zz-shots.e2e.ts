import { test } from './fixtures';
import { waitForMarks } from './page-helpers';

declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, m: unknown, o?: object): Promise<unknown>;
  };
};

for (const scheme of ['light', 'dark'] as const) {
  test(`shots ${scheme}`, async ({ openExtensionPage, openFixture, background }) => {
    const article = await openFixture('essay-article.html');
    await waitForMarks(article, 5);
    const tabId = await background.evaluate(async () => {
      for (const tab of await chrome.tabs.query({})) {
        const r = (await chrome.tabs
          .sendMessage(tab.id!, { type: 'gloss:page-terms' }, { frameId: 0 })
          .catch(() => null)) as { terms?: unknown[] } | null;
        if (r?.terms?.length) return tab.id!;
      }
      return -1;
    });
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.waitForTimeout(800);
    await popup.screenshot({ path: `test-results/shots/popup-page-${scheme}.png` });
    await popup.getByRole('searchbox').fill('reciprocl acces');
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: `test-results/shots/popup-search-${scheme}.png` });
    await popup.getByRole('searchbox').press('Enter');
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: `test-results/shots/popup-card-${scheme}.png`, fullPage: true });
    const g = await openExtensionPage('glossary.html#senkaku-islands');
    await g.emulateMedia({ colorScheme: scheme });
    await g.waitForTimeout(800);
    await g
      .locator('article#senkaku-islands details.quote-context')
      .first()
      .locator('summary')
      .click();
    await g.screenshot({ path: `test-results/shots/glossary-${scheme}.png` });
    const top = await openExtensionPage('glossary.html');
    await top.emulateMedia({ colorScheme: scheme });
    await top.waitForTimeout(800);
    await top.screenshot({ path: `test-results/shots/glossary-top-${scheme}.png` });
    if (scheme === 'light') {
      await top.emulateMedia({ media: 'print' });
      await top.setViewportSize({ width: 794, height: 1123 });
      await top.screenshot({ path: `test-results/shots/glossary-print.png`, fullPage: true });
      await top.pdf({ path: 'test-results/shots/glossary.pdf', format: 'A4' });
    }
  });
}
