/**
 * The full glossary page: every term by category, deep links (#term-id) that scroll to and
 * highlight a term, ?q= filtering, related-term navigation and the essay passages in context.
 */
import { expect, test } from './fixtures';

test('lists every term by category, in the glossary’s category order', async ({
  openExtensionPage,
  pageErrors,
}) => {
  const page = await openExtensionPage('glossary.html');
  await expect(page.locator('article.glossary-entry').first()).toBeVisible();
  const categories = await page.locator('main .glossary__category').allTextContents();
  expect(categories.slice(0, 3)).toEqual(['people', 'doctrine', 'agreements & initiatives']);
  await expect(page.locator('article#senkaku-islands')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Contents' })).toContainText('Senkaku Islands');
  expect(pageErrors).toEqual([]);
});

test('a deep link scrolls to the term and highlights it', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('glossary.html#senkaku-islands');
  const entry = page.locator('article#senkaku-islands');
  await expect(entry).toBeInViewport();
  await expect(entry).toHaveClass(/glossary-entry--target/);
  await expect(entry.getByRole('heading', { level: 2 })).toHaveText('Senkaku Islands');

  // Related terms navigate within the page through the address's #fragment.
  const related = entry.getByRole('button', { name: 'Okinawa', exact: true });
  await related.click();
  await expect(page).toHaveURL(/#okinawa$/);
  await expect(page.locator('article#okinawa')).toBeInViewport();
  await expect(page.locator('article#okinawa')).toHaveClass(/glossary-entry--target/);
});

test('?q= pre-fills the search and filters the list, typos included', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('glossary.html?q=senkaku');
  const search = page.getByRole('combobox', { name: 'Filter the glossary' });
  await expect(search).toHaveValue('senkaku');
  const entries = page.locator('article.glossary-entry');
  await expect(entries.first()).toHaveAttribute('id', 'senkaku-islands');
  const total = await entries.count();
  expect(total).toBeLessThan(10);

  await search.fill('reciprocl acces');
  await expect(entries.first()).toHaveAttribute('id', 'reciprocal-access-agreement');
  await expect(page).toHaveURL(/\?q=reciprocl\+acces/);

  await search.fill('');
  await expect(entries).toHaveCount(await page.locator('nav .contents__terms a').count());
  expect(await entries.count()).toBeGreaterThan(total);
});

test('each quoted passage can be read in its paragraph of the essay', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('glossary.html#dual-hedge');
  const entry = page.locator('article#dual-hedge');
  const context = entry.locator('details.quote-context').first();
  await expect(context).toBeVisible();
  await context.locator('summary', { hasText: 'Read in context' }).click();
  const quote = (await entry.locator('blockquote').first().textContent())!;
  const mark = context.locator('mark').first();
  await expect(mark).toBeVisible();
  expect(quote.toLowerCase()).toContain((await mark.textContent())!.toLowerCase().slice(0, 20));
  // The paragraph is longer than the quote: that is the point of it.
  const paragraph = (await context.locator('p').textContent())!;
  expect(paragraph.length).toBeGreaterThan(quote.length);
});

test('prints as a two-column quick reference: titles and summaries only', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('glossary.html');
  await expect(page.locator('article.glossary-entry').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('combobox')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeHidden();
  await expect(page.locator('blockquote').first()).toBeHidden();
  await expect(page.locator('.gloss-card__summary').first()).toBeVisible();
  expect(await page.locator('main').evaluate((el) => getComputedStyle(el).columnCount)).toBe('2');
});
