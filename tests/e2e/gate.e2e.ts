/**
 * A page or frame gets Gloss's page code only when its text holds something Gloss would draw
 * (utils/page-scripts.ts, issue #14): an off-topic story costs the gate script alone, and text the
 * page adds later, a reader's change of settings, or a pack imported later, is judged again.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { pageScriptsRun, settledMarks } from './page-helpers';
import { importPackFile, setSettings } from './settings-helpers';

/** The gate's verdicts so far (the test build's `gloss:gate` probe), in order. */
const verdicts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByName('gloss:gate')
      .map((mark) => (mark as PerformanceMark).detail as { on: boolean; loaded: boolean }),
  );

/** Until the gate has heard `count` verdicts from the background. */
const verdictCount = (page: Page, count: number) =>
  page.waitForFunction((n) => performance.getEntriesByName('gloss:gate').length >= n, count);

test('an off-topic story gets the gate alone: no main script, engine or popover code', async ({
  openFixture,
  pageErrors,
}) => {
  const page = await openFixture('halibut-tariffs.html');
  await verdictCount(page, 1);
  expect(await verdicts(page)).toEqual([{ on: true, loaded: false }]);
  expect(await pageScriptsRun(page)).toEqual([]);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(pageErrors).toEqual([]);
});

test('menus, teasers and a footer naming key terms around an off-topic story get the gate alone', async ({
  openFixture,
  pageErrors,
}) => {
  const page = await openFixture('chrome-around-story.html');
  await verdictCount(page, 1);
  expect(await verdicts(page)).toEqual([{ on: true, loaded: false }]);
  // Added around the story, a key term is not the story's either.
  await page.evaluate(() => {
    const item = document.createElement('li');
    item.textContent = 'Live: coast guard ships near the Senkaku Islands';
    document.querySelector('.trending')!.append(item);
  });
  await verdictCount(page, 2);
  // The whole text named key terms: the story finder came, and the story's text said no.
  expect(await pageScriptsRun(page)).toEqual(['story']);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(pageErrors).toEqual([]);
});

test('a page that swaps its story for a front page is read again whole', async ({
  openFixture,
}) => {
  const page = await openFixture('chrome-around-story.html');
  await verdictCount(page, 1);
  // A single-page site leaves the story for its front page: with no story, Gloss reads all but
  // the menus, so the teasers and footer it left out count now, though they did not change.
  await page.evaluate(() => {
    const teaser = document.createElement('section');
    teaser.textContent = 'Latest: fish prices steady at the docks.';
    document.querySelector('article')!.replaceWith(teaser);
  });
  const marks = await settledMarks(page, 2);
  expect(marks).toEqual(
    expect.arrayContaining(['reciprocal access agreement', 'Collective self-defence']),
  );
  expect(marks).not.toContain('Taiwan Strait');
  expect(await pageScriptsRun(page)).toEqual(['story', 'main', 'engine']);
});

test('a key term the page adds later brings Gloss, which marks it', async ({
  openFixture,
  pageErrors,
}) => {
  const page = await openFixture('halibut-tariffs.html');
  await verdictCount(page, 1);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Coast guard ships near the Senkaku Islands were not affected.';
    document.querySelector('article')!.append(p);
  });
  // A key term opens the topic gate: "Washington" (the government) is drawn now too.
  expect((await settledMarks(page, 2)).sort()).toEqual(['Senkaku Islands', 'Washington']);
  expect(await pageScriptsRun(page)).toEqual(['story', 'main', 'engine']);
  expect((await verdicts(page)).at(-1)).toEqual({ on: true, loaded: true });
  expect(pageErrors).toEqual([]);
});

test('a story on topic through context entries alone brings Gloss', async ({ openFixture }) => {
  const page = await openFixture('halibut-tariffs.html');
  await verdictCount(page, 1);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Buyers in Tokyo, Beijing and Seoul cancelled orders.';
    document.querySelector('article')!.append(p);
  });
  const marks = await settledMarks(page, 3);
  expect(marks).toEqual(expect.arrayContaining(['Tokyo', 'Beijing', 'Seoul']));
});

test('a site switched off is asked again when the reader switches it on', async ({
  context,
  server,
  background,
}) => {
  await setSettings(background, { disabledSites: ['127.0.0.1'] });
  const page = await context.newPage();
  await page.goto(`${server.origin}/essay-article.html`);
  await verdictCount(page, 1);
  expect(await verdicts(page)).toEqual([{ on: false, loaded: false }]);
  expect(await pageScriptsRun(page)).toEqual([]);
  await setSettings(background, { disabledSites: [] });
  await settledMarks(page, 3);
  expect((await verdicts(page)).at(-1)).toEqual({ on: true, loaded: true });
});

test('a pack imported later brings Gloss to a page the gate left alone', async ({
  openFixture,
  openExtensionPage,
  pageErrors,
}) => {
  const page = await openFixture('halibut-tariffs.html');
  await verdictCount(page, 1);
  expect(await pageScriptsRun(page)).toEqual([]);
  // The example pack, with one term this page names.
  const pack = JSON.parse(readFileSync('glossary/packs/examples/example-pack.json', 'utf8'));
  pack.terms = [
    {
      ...pack.terms[0],
      id: 'halibut-season',
      title: 'Halibut season',
      aliases: ['halibut season'],
      related: [],
    },
  ];
  const options = await openExtensionPage('options.html');
  await importPackFile(options, 'halibut.json', JSON.stringify(pack));
  await expect(options.locator('.notice[role=status]')).toContainText('Imported');
  // The background asks the gate again; its verdict now brings the main script, which marks.
  expect(await settledMarks(page, 1)).toContain('Halibut season');
  expect(await pageScriptsRun(page)).toEqual(['story', 'main', 'engine']);
  expect(pageErrors).toEqual([]);
});
