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

/**
 * What Gloss marked once its scan has finished: the scan runs in slices and, under load, the last
 * slice can land well after the first, so a fixed wait reads a half-done scan. Settled means at
 * least `atLeast` marks and no change for `quietMs`.
 */
export async function settledMarks(
  page: Page,
  atLeast = 1,
  {
    quietMs = 600,
    timeoutMs = 15_000,
    name,
  }: { quietMs?: number; timeoutMs?: number; name?: string } = {},
): Promise<string[]> {
  await waitForMarks(page, atLeast, name);
  const deadline = Date.now() + timeoutMs;
  let previous = (await markedTexts(page, name)).sort().join('\n');
  for (;;) {
    await page.waitForTimeout(quietMs);
    const texts = await markedTexts(page, name);
    const current = [...texts].sort().join('\n');
    if (current === previous) return texts;
    if (Date.now() > deadline) throw new Error(`marks still changing after ${timeoutMs} ms`);
    previous = current;
  }
}

/** A fingerprint of the page's DOM: text and element count, to prove Gloss changed nothing. */
export async function domFingerprint(page: Page): Promise<{ text: string; elements: number }> {
  return page.evaluate(() => ({
    text: document.body.textContent ?? '',
    elements: document.getElementsByTagName('*').length,
  }));
}

/** The centre of the first mark whose text is `text`, scrolled into view. */
export async function markPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    for (const item of CSS.highlights.get('gloss-term-underline')?.keys() ?? []) {
      const r = item as AbstractRange;
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() !== wanted) continue;
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`no mark reads "${text}"`);
  return point;
}

/** Whether the popover is showing, and the title of the term it shows. */
export async function popoverState(page: Page): Promise<{ open: boolean; title: string | null }> {
  return page.evaluate(() => {
    const host = document.querySelector('gloss-popover');
    const card = host?.shadowRoot?.querySelector('.gloss-popover');
    // Gloss renders the popover invisibly shortly before a dwell ends: open means seen.
    const open =
      !!host &&
      !!card &&
      getComputedStyle(host).display !== 'none' &&
      getComputedStyle(card).visibility !== 'hidden';
    return { open, title: open ? (card!.querySelector('h2')?.textContent ?? null) : null };
  });
}
