/** Reads what Gloss marked on a page, from the page's own world (the highlight registry is shared). */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { countMarkPixels } from '../support/amber-pixels.ts';

/**
 * The highlight that holds the marks under the default mark style (utils/settings-schema.ts): the
 * soft background.
 */
export const MARKS = 'gloss-term-background';

export async function markedTexts(page: Page, name = MARKS): Promise<string[]> {
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
    { n: atLeast, highlightName: name ?? MARKS },
  );
  return markedTexts(page, name);
}

/**
 * What Gloss marked once its scans have finished: the scan runs in slices and, under load, the
 * last slice can land well after the first, so a fixed wait would read a half-done scan. Waits
 * for at least `atLeast` marks and for every started scan's `gloss:scan-done` probe.
 */
export async function settledMarks(
  page: Page,
  atLeast = 1,
  { name }: { name?: string } = {},
): Promise<string[]> {
  await waitForMarks(page, atLeast, name);
  return scansDone(page, name);
}

/** A fingerprint of the page's DOM: text and element count, to prove Gloss changed nothing. */
export async function domFingerprint(page: Page): Promise<{ text: string; elements: number }> {
  return page.evaluate(() => ({
    text: document.body.textContent ?? '',
    elements: document.getElementsByTagName('*').length,
  }));
}

/**
 * The first client rectangle (CSS px, viewport) of the first mark in highlight `name` whose text is
 * `text`, its element scrolled to the middle of the view first. Waits for that mark: a scan draws
 * in slices, and a mark past the first slices comes later.
 * @throws Error when no mark reads `text` within 10 s.
 */
export async function markRect(
  page: Page,
  text: string,
  name = MARKS,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await page
    .waitForFunction(
      ({ wanted, highlightName }) => {
        for (const item of CSS.highlights.get(highlightName)?.keys() ?? []) {
          const r = item as AbstractRange;
          const range = new Range();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() !== wanted) continue;
          r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const { x, y, width, height } = range.getClientRects()[0]!;
          return { x, y, width, height };
        }
        return null;
      },
      { wanted: text, highlightName: name },
      { timeout: 10_000 },
    )
    .catch(() => null);
  const rect = await found?.jsonValue();
  if (!rect) throw new Error(`no mark reads "${text}"`);
  return rect;
}

/** The centre of the first mark whose text is `text`, scrolled into view. */
export async function markPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const rect = await markRect(page, text);
  return { x: rect.x + Math.min(rect.width / 2, 20), y: rect.y + rect.height / 2 };
}

/** How many pixels of a PNG screenshot are the marks' colour (countMarkPixels). */
export async function amberPixels(
  context: BrowserContext,
  png: Buffer,
  colour: 'underline' | 'tint' = 'underline',
): Promise<number> {
  const viewer = await context.newPage();
  try {
    return await viewer.evaluate(countMarkPixels, { base64: png.toString('base64'), colour });
  } finally {
    await viewer.close();
  }
}

/**
 * Amber pixels (amberPixels) of the first mark reading `text`, scrolled into view: `under`, in the
 * word and the 4 px under its line box where the dotted underline (mark style "underline") is
 * drawn; `above`, in the top half of the word, where no underline is (so that `under` is not noise).
 */
export async function underlinePixels(
  context: BrowserContext,
  page: Page,
  text: string,
): Promise<{ under: number; above: number }> {
  const rect = await markRect(page, text, 'gloss-term-underline');
  const clip = { x: rect.x, y: rect.y, width: rect.width, height: rect.height + 4 };
  const under = await amberPixels(context, await page.screenshot({ clip }));
  const top = { ...clip, height: rect.height / 2 };
  return { under, above: await amberPixels(context, await page.screenshot({ clip: top })) };
}

/**
 * Tinted pixels (countMarkPixels) of the first mark reading `text` under the default style,
 * scrolled into view: `on`, in the word's box, and its share of that box; `above`, in a box of the
 * same size just above it (the line before, or the margin), where nothing is marked.
 */
export async function tintPixels(
  context: BrowserContext,
  page: Page,
  text: string,
): Promise<{ on: number; share: number; above: number }> {
  const rect = await markRect(page, text);
  const clip = { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  const on = await amberPixels(context, await page.screenshot({ clip }), 'tint');
  const top = { ...clip, y: Math.max(0, rect.y - rect.height) };
  const above = await amberPixels(context, await page.screenshot({ clip: top }), 'tint');
  return { on, share: on / Math.max(1, Math.round(rect.width) * Math.round(rect.height)), above };
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

type World = Pick<Page, 'evaluate' | 'waitForFunction'>;

/** Now, on the clock of the document's performance timeline (for `since` below). */
export function timelineNow(world: World): Promise<number> {
  return world.evaluate(() => performance.now());
}

export interface HoverSettled {
  x: number;
  y: number;
  open: boolean;
  inPopover: boolean;
}

/**
 * Waits until Gloss's hover logic has handled the pointer (at `at`, when given) after `since` and
 * has no dwell, abandon or frame pending: nothing opens or closes after this until the pointer
 * moves again. Reads the `gloss:hover-settled` probe of the test build (utils/test-probe.ts).
 */
export async function hoverSettled(
  world: World,
  since: number,
  at?: { x: number; y: number },
): Promise<HoverSettled> {
  const handle = await world.waitForFunction(
    ({ after, point }) =>
      performance
        .getEntriesByName('gloss:hover-settled')
        .map((entry) => entry as PerformanceMark)
        .filter((mark) => mark.startTime > after)
        .map((mark) => mark.detail as { x: number; y: number })
        .findLast(
          (d) => !point || (Math.abs(d.x - point.x) <= 1 && Math.abs(d.y - point.y) <= 1),
        ) ?? null,
    { after: since, point: at ?? null },
  );
  return (await handle.jsonValue()) as HoverSettled;
}

/**
 * Waits until every scan Gloss started has finished (the probes `gloss:scan` / `gloss:scan-done`
 * of the test build), then returns the marks. Observer passes (rescans of what the page changed)
 * are not counted: wait for those with passDone.
 */
export async function scansDone(page: Page, name?: string): Promise<string[]> {
  await page.waitForFunction(() => {
    const count = (n: string) => performance.getEntriesByName(`gloss:${n}`).length;
    return count('scan') > 0 && count('scan-done') >= count('scan');
  });
  return markedTexts(page, name);
}

/** Waits for an observer pass (a rescan of what the page changed) after `since`. */
export async function passDone(world: World, since: number): Promise<void> {
  await world.waitForFunction(
    (after) =>
      performance.getEntriesByName('gloss:pass-done').some((mark) => mark.startTime > after),
    since,
  );
}

/**
 * The parts of Gloss's on-demand page code (utils/page-scripts.ts) that have run in this frame,
 * in order (the `gloss:page-script` probe): 'main' (the main content script), 'engine', 'popover'.
 */
export async function pageScriptsRun(world: Page | Frame): Promise<string[]> {
  return world.evaluate(() =>
    performance
      .getEntriesByName('gloss:page-script')
      .map((mark) => String((mark as PerformanceMark).detail?.part)),
  );
}

/**
 * Where each matcher this page's top frame built came from, in order (the `gloss:matcher` probe):
 * 'build' for the bundled pack's build-time tables, 'page' for a compile on the page.
 */
export async function matcherSources(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByName('gloss:matcher')
      .map((mark) => String((mark as PerformanceMark).detail?.from)),
  );
}
