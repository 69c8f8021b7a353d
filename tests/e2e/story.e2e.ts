/**
 * Issue #13, end to end in Chromium: Gloss draws in the story only, at the first mention the
 * reader can see; every story mention answers; text is read as the reader sees words.
 * Fixtures: tests/fixtures/story/ (each says what is expected).
 */
import type { ConsoleMessage, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  markedTexts,
  pageScriptsRun,
  popoverState,
  settledMarks,
  waitForMarks,
} from './page-helpers';
import { setSettings } from './settings-helpers';

/** Resolves when the content script logs `prefix` (its debug lines mark the end of a scan). */
function logged(page: Page, prefix: string): Promise<ConsoleMessage> {
  return page.waitForEvent('console', { predicate: (m) => m.text().startsWith(prefix) });
}

/** Opens a story fixture and waits until Gloss has read it. */
async function openRead(
  openFixture: (file: string) => Promise<Page>,
  context: import('@playwright/test').BrowserContext,
  server: { origin: string },
  file: string,
): Promise<Page> {
  const page = await context.newPage();
  const read = logged(page, 'Gloss: page read');
  await page.goto(`${server.origin}/story/${file}`);
  await read;
  return page;
}

/** The ids of the nearest ancestors with an id of each registered mark, in registry order. */
function markPlaces(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('gloss-term-background')?.keys() ?? [])].map((item) => {
      let el = (item as AbstractRange).startContainer.parentElement;
      while (el && !el.id) el = el.parentElement;
      return el?.id ?? '(none)';
    }),
  );
}

/** The centre of the `index`-th occurrence of `text` under the element `selector`. */
async function textPoint(page: Page, selector: string, text: string, index = 0) {
  return page.evaluate(
    ({ selector, text, index }) => {
      const root = document.querySelector(selector)!;
      root.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        for (let i = node.data.indexOf(text); i !== -1; i = node.data.indexOf(text, i + 1)) {
          if (seen++ < index) continue;
          const range = new Range();
          range.setStart(node, i);
          range.setEnd(node, i + text.length);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      throw new Error(`no "${text}" under ${selector}`);
    },
    { selector, text, index },
  );
}

test.describe('the story, not the page', () => {
  test('draws in the story only: nothing in menus, masthead, trending bar, share bar, related and most-read lists, byline or footer', async ({
    context,
    server,
    openFixture,
  }) => {
    const page = await openRead(openFixture, context, server, 'news-article.html');
    const texts = await settledMarks(page, 5);
    expect(new Set(await markPlaces(page))).toEqual(new Set(['headline', 'p1', 'p2', 'p3']));
    expect(texts.sort()).toEqual(
      [
        'Beijing',
        'Manila',
        'Senkaku Islands',
        'Tokyo',
        'collective self-defence',
        'deterrence',
        'reciprocal access agreement',
      ].sort(),
    );
  });

  test('every mention density draws every story mention, still none outside the story', async ({
    context,
    server,
    openFixture,
    background,
  }) => {
    await setSettings(background, { density: 'all' });
    const page = await openRead(openFixture, context, server, 'news-article.html');
    const texts = await settledMarks(page, 8);
    expect(texts).toContain('Senkakus');
    expect(texts.filter((t) => t === 'Tokyo')).toHaveLength(2);
    expect(texts).not.toContain('Okinawa');
    expect(new Set(await markPlaces(page))).toEqual(new Set(['headline', 'p1', 'p2', 'p3', 'p4']));
  });

  test('a later mention that is not drawn answers a hover, and shows its mark meanwhile', async ({
    context,
    server,
    openFixture,
  }) => {
    const page = await openRead(openFixture, context, server, 'news-article.html');
    await settledMarks(page, 5);
    expect(await markedTexts(page)).not.toContain('Senkakus');
    const { x, y } = await textPoint(page, '#p4', 'Senkakus');
    await page.mouse.move(x, y, { steps: 3 });
    await expect.poll(() => popoverState(page)).toEqual({ open: true, title: 'Senkaku Islands' });
    expect(await markedTexts(page, 'gloss-term-active')).toEqual(['Senkakus']);
  });
});

test.describe('text the reader sees as words', () => {
  test('ruby: 沖縄 is marked across its readings, the readings never', async ({
    context,
    server,
    openFixture,
  }) => {
    const page = await openRead(openFixture, context, server, 'ruby.html');
    expect((await settledMarks(page, 3)).sort()).toEqual(['沖', '縄', '集団的自衛権']);
    const { x, y } = await textPoint(page, '#ruby', '縄');
    await page.mouse.move(x, y, { steps: 3 });
    await expect.poll(() => popoverState(page)).toEqual({ open: true, title: 'Okinawa' });
  });

  test('flex and grid items and block spans are separate words', async ({
    context,
    server,
    openFixture,
  }) => {
    const page = await openRead(openFixture, context, server, 'flex.html');
    expect((await settledMarks(page, 3)).sort()).toEqual([
      'Deterrence',
      'Incrementalism',
      'Okinawa',
      'Senkaku',
    ]);
  });

  test('a shadow root filled, or attached and filled, 1.5 s after load is read', async ({
    context,
    server,
    openFixture,
  }) => {
    const page = await openRead(openFixture, context, server, 'late-shadow.html');
    expect((await waitForMarks(page, 2)).sort()).toEqual(['Okinawa', 'Senkaku Islands']);
  });

  test('text revealed later (hidden removed) is marked then', async ({
    context,
    server,
    openFixture,
  }) => {
    const page = await openRead(openFixture, context, server, 'hidden.html');
    await waitForMarks(page, 2);
    expect(await markedTexts(page)).not.toContain('Okinawa');
    await page.evaluate(() => document.getElementById('later')!.removeAttribute('hidden'));
    await expect.poll(() => markPlaces(page)).toContain('later');
  });

  test('a display:none, visibility:hidden or off-screen copy does not take the first mention', async ({
    context,
    server,
    openFixture,
  }) => {
    const page = await openRead(openFixture, context, server, 'hidden.html');
    await settledMarks(page, 2);
    expect((await markPlaces(page)).sort()).toEqual(['deterrence', 'seen']);
  });

  test('under <html style="zoom:1.25"> the popover opens next to the term, inside the viewport', async ({
    context,
    server,
    openFixture,
  }) => {
    const page = await openRead(openFixture, context, server, 'zoom.html');
    await waitForMarks(page, 1);
    // The term at the bottom edge: the popover must open above it rather than be cut off.
    const term = await page.evaluate(() => {
      const p = document.getElementById('term')!;
      p.scrollIntoView({ block: 'end' });
      const text = p.firstChild as Text;
      const range = new Range();
      range.setStart(text, 4);
      range.setEnd(text, 19);
      const r = range.getBoundingClientRect();
      return {
        left: r.left,
        top: r.top,
        bottom: r.bottom,
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
      };
    });
    await page.mouse.move(term.x, term.y, { steps: 3 });
    await expect.poll(() => popoverState(page)).toMatchObject({ open: true });
    const box = await page.evaluate(() => {
      const host = document.querySelector('gloss-popover')!;
      const r = host.shadowRoot!.querySelector('.gloss-popover')!.getBoundingClientRect();
      return { ...r.toJSON(), vh: innerHeight, vw: innerWidth } as Record<string, number>;
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.vh!);
    expect(box.right).toBeLessThanOrEqual(box.vw!);
    // Next to the term: aligned with its start, and just above or just below it.
    expect(Math.abs(box.left! - term.left)).toBeLessThan(12);
    const above = term.top - box.bottom!;
    const below = box.top! - term.bottom;
    expect([above, below].some((gap) => gap >= 0 && gap < 20)).toBe(true);
  });

  test('an editable document gets nothing', async ({ context, server }) => {
    const page = await context.newPage();
    const leftAlone = logged(page, 'Gloss: an editable document');
    await page.goto(`${server.origin}/story/editable.html`);
    await leftAlone;
    expect(await markedTexts(page)).toEqual([]);
  });

  test('an editor built in an iframe gets nothing; the page around it is read', async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    const frameLeftAlone = logged(page, 'Gloss: an editable document');
    const pageRead = logged(page, 'Gloss: page read');
    await page.goto(`${server.origin}/story/editor.html`);
    await Promise.all([frameLeftAlone, pageRead]);
    expect((await markedTexts(page)).sort()).toEqual(['Okinawa', 'deterrence']);
    const frame = page.frame({ url: /editor-frame/ })!;
    expect(await frame.evaluate(() => CSS.highlights.get('gloss-term-background')?.size ?? 0)).toBe(
      0,
    );
  });
});

test.describe('senses and topic', () => {
  test("a newspaper's name is not marked; the government it names is", async ({
    context,
    server,
    openFixture,
    background,
  }) => {
    await setSettings(background, { density: 'all' });
    const page = await openRead(openFixture, context, server, 'senses.html');
    await settledMarks(page, 3);
    const places = await markPlaces(page);
    expect(places).toContain('government');
    expect(places).not.toContain('newspaper');
  });

  // The pack's sense rules ("not in a dateline") do this; the story side must not undo them.
  test('a dateline is not marked', async ({ context, server, openFixture, background }) => {
    await setSettings(background, { density: 'all' });
    const page = await openRead(openFixture, context, server, 'senses.html');
    await settledMarks(page, 3);
    expect(await markPlaces(page)).not.toContain('dateline');
  });

  // Washington is a context entry (the pack's `role`): alone, it does not open the topic gate, so
  // the background does not even run Gloss's main script there (utils/page-scripts.ts).
  test('an off-topic article gets nothing drawn', async ({ context, server }) => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/story/off-topic.html`);
    await page.waitForFunction(() => performance.getEntriesByName('gloss:gate').length > 0);
    expect(await pageScriptsRun(page)).toEqual([]);
    expect(await markedTexts(page)).toEqual([]);
  });

  // Seoul and Washington are context entries and the story has no key term: North Korea and
  // Pyongyang (the pack's topic words, never drawn themselves) put it on topic.
  test('a story with only context entries and topic words is on topic; a city as a place is not marked', async ({
    context,
    server,
    openFixture,
    background,
  }) => {
    await setSettings(background, { density: 'all' });
    const page = await openRead(openFixture, context, server, 'topic-words.html');
    await settledMarks(page, 2);
    const places = await markPlaces(page);
    expect(places.filter((p) => p === 'government')).toHaveLength(2);
    expect(places).not.toContain('rally');
    expect(places).not.toContain('based');
    expect(await markedTexts(page)).not.toContain('North Korea');
  });
});
