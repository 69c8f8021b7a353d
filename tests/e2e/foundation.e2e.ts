import { expect, test } from './fixtures';
import { domFingerprint, settledMarks } from './page-helpers';

test('the content script runs on a served page and marks glossary terms', async ({
  openFixture,
  pageErrors,
}) => {
  const page = await openFixture('essay-article.html');
  const marked = await settledMarks(page, 5);
  // First mention per page by default: the section heading "The Dual Hedge Was Never a Strategy".
  expect(marked).toContain('Dual Hedge');
  expect(marked).toContain('Japan-Philippines reciprocal access agreement');
  expect(pageErrors).toEqual([]);
});

test('Gloss adds nothing to the page DOM and keeps its text', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/essay-article.html`);
  // Once the scan has finished: a later slice could still change the DOM.
  await settledMarks(page, 5);
  const withGloss = await domFingerprint(page);
  // The same page with script-free parsing as the reference: what the server sent.
  const reference = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return { text: doc.body.textContent ?? '', elements: doc.getElementsByTagName('*').length };
  });
  expect(withGloss).toEqual(reference);
});

test('the popup and options pages open without console errors', async ({
  openExtensionPage,
  pageErrors,
}) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.locator('body')).toContainText('Gloss');
  const options = await openExtensionPage('options.html');
  await expect(options.locator('body')).toContainText('Gloss');
  const glossary = await openExtensionPage('glossary.html');
  await expect(glossary.locator('body')).toContainText('Gloss');
  expect(pageErrors).toEqual([]);
});
