/**
 * axe-core over every surface of Gloss a reader meets: the popup (with results), the options page,
 * the glossary page and an open popover on a news page. No serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { markPoint, popoverState, waitForMarks } from './page-helpers';
import { POPUP_SIZE } from './ui-helpers';

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the popup, with search results showing', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await popup.setViewportSize(POPUP_SIZE);
  const search = popup.getByRole('combobox', { name: 'Search the glossary' });
  await search.fill('senkaku');
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await expect(search).toHaveAttribute('aria-autocomplete', 'list');
  const listId = await search.getAttribute('aria-controls');
  const active = await search.getAttribute('aria-activedescendant');
  await expect(popup.locator(`#${listId} [role=option]#${active}`)).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect(await seriousViolations(popup)).toEqual([]);
});

test('the options page', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Glossary packs' })).toBeVisible();
  await expect(options.locator('.pack')).toHaveCount(1);
  expect(await seriousViolations(options)).toEqual([]);
});

test('the glossary page, whole and filtered', async ({ openExtensionPage }) => {
  // axe over all 59 cards takes a while on a busy two-core machine.
  test.setTimeout(180_000);
  const page = await openExtensionPage('glossary.html');
  await expect(page.locator('#senkaku-islands')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const search = page.getByRole('combobox', { name: 'Filter the glossary' });
  await expect(search).toHaveAttribute('aria-expanded', 'false');
  await search.fill('raa');
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await search.press('ArrowDown');
  const active = await search.getAttribute('aria-activedescendant');
  await expect(page.locator(`#${active}`)).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(page).toHaveURL(/#.+raa/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('an open popover on a news page', async ({ openFixture }) => {
  const page = await openFixture('essay-article.html');
  await waitForMarks(page, 20);
  const { x, y } = await markPoint(page, 'Senkakus');
  await page.mouse.move(x, y, { steps: 3 });
  await expect.poll(() => popoverState(page)).toEqual({ open: true, title: 'Senkaku Islands' });
  expect(await seriousViolations(page, 'gloss-popover')).toEqual([]);
});
