/**
 * A Chromium whose UI language is Japanese shows Gloss's popup, options and glossary page in
 * Japanese, with numbers and dates written the Japanese way, pack text labelled as the pack's
 * language, and no label clipped or pushed out of its page, in light and dark.
 */
import { expect, test } from '@playwright/test';
import { clippedText, launchUi, POPUP_SIZE, type UiBrowser } from './ui-helpers';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`Japanese, ${scheme}`, () => {
    let ui: UiBrowser;
    test.beforeEach(async () => {
      ui = await launchUi({ lang: 'ja', colorScheme: scheme });
    });
    test.afterEach(async () => {
      await ui.close();
    });

    test('the popup speaks Japanese and labels English pack text as English', async () => {
      const popup = await ui.open('popup.html', POPUP_SIZE);
      await expect(popup.locator('html')).toHaveAttribute('lang', 'ja');
      await expect(popup).toHaveTitle('Gloss');
      const search = popup.getByRole('combobox', { name: '用語集を検索' });
      await expect(search).toHaveAttribute('placeholder', '用語・人名・漢字（多少の誤字も可）');
      await expect(popup.getByRole('link', { name: '用語集全体' })).toBeVisible();
      await expect(popup.getByRole('link', { name: 'オプション' })).toBeVisible();

      await search.fill('尖閣');
      const option = popup.getByRole('option').first();
      await expect(option).toContainText('Senkaku Islands');
      await expect(option.locator('.gloss-list__main')).toHaveAttribute('lang', 'en');
      expect(await clippedText(popup)).toEqual([]);
      await popup.screenshot({ path: `test-results/ja-popup-${scheme}.png` });

      await search.press('Enter');
      await expect(popup.getByRole('heading', { name: 'Senkaku Islands' })).toHaveAttribute(
        'lang',
        'en',
      );
      await expect(popup.getByRole('button', { name: '← 検索結果に戻る' })).toBeVisible();
      await expect(popup.getByText('確認済みの事実')).toBeVisible();
      await expect(popup.locator('.gloss-card__meta')).toContainText(
        /\d{4}\/\d{1,2}\/\d{1,2} 時点/,
      );
      expect(await clippedText(popup)).toEqual([]);
      await popup.screenshot({ path: `test-results/ja-popup-card-${scheme}.png` });
    });

    test('the options page speaks Japanese, numbers and dates included', async () => {
      const options = await ui.open('options.html', { width: 900, height: 1400 });
      await expect(options).toHaveTitle('Gloss の設定');
      await expect(options.getByRole('heading', { name: '用語集パック' })).toBeVisible();
      await expect(options.getByRole('group', { name: 'マークの見た目' })).toBeVisible();
      await expect(options.getByRole('radio', { name: 'システムに合わせる' })).toBeChecked();
      await expect(options.locator('.slider__value')).toHaveText(/^[\d,]+ ミリ秒$/);
      await expect(options.locator('.pack__meta').first()).toContainText(
        /^\d+ 語 · バージョン [\d.]+ · \d{4}\/\d{1,2}\/\d{1,2} 時点/,
      );
      await expect(options.getByText('パックをインポート…')).toBeVisible();
      expect(await clippedText(options)).toEqual([]);
      await options.screenshot({ path: `test-results/ja-options-${scheme}.png`, fullPage: true });
    });

    test('the glossary page speaks Japanese around the pack text', async () => {
      const page = await ui.open('glossary.html');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gloss 用語集');
      await expect(page.locator('.glossary__intro')).toContainText(/の \d+ 語$/);
      await expect(page.getByRole('heading', { name: '目次' })).toBeVisible();
      // Aliases in another script than the pack's English carry their own language; Han alone
      // may be Chinese or Japanese, so it is tagged by script.
      const trump = page.locator('#donald-trump .gloss-card__aliases');
      await expect(trump.locator('span[lang=ja]')).toHaveText('ドナルド・トランプ');
      await expect(trump.locator('span[lang=ko]')).toHaveText('트럼프');
      await expect(trump.locator('span[lang=und-Hani]').first()).toHaveText('特朗普');
      expect(await clippedText(page)).toEqual([]);
      await page.screenshot({ path: `test-results/ja-glossary-${scheme}.png` });
    });
  });
}
