/** Reads what Gloss marked on a page, from the page's own world (the highlight registry is shared). */
import type { Page } from '@playwright/test';

export async function markedTexts(page: Page, name = 'gloss-term-underline'): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return [];
    return [...highlight.keys()].map((item) => {
      const range = new Range();
      const r = item as AbstractRange;
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, name);
}

export async function waitForMarks(page: Page, atLeast = 1, name?: string): Promise<string[]> {
  await page.waitForFunction(
    ({ n, highlightName }) => (CSS.highlights.get(highlightName)?.size ?? 0) >= n,
    { n: atLeast, highlightName: name ?? 'gloss-term-underline' },
  );
  return markedTexts(page, name);
}

/** A fingerprint of the page's DOM: text and element count, to prove Gloss changed nothing. */
export async function domFingerprint(page: Page): Promise<{ text: string; elements: number }> {
  return page.evaluate(() => ({
    text: document.body.textContent ?? '',
    elements: document.getElementsByTagName('*').length,
  }));
}
