import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  hoverSettled,
  markPoint,
  pageScriptsRun,
  popoverState,
  settledMarks,
  timelineNow,
} from './page-helpers';
import { setSettings } from './settings-helpers';

async function openArticle(openFixture: (file: string) => Promise<Page>): Promise<Page> {
  const page = await openFixture('essay-article.html');
  // From a finished scan: the tests point at marks anywhere in the article.
  await settledMarks(page, 20);
  return page;
}

const closed = { open: false, title: null };

test.describe('hover', () => {
  test('the popover’s code comes when a reader first points at a mark, and only once', async ({
    openFixture,
  }) => {
    const page = await openArticle(openFixture);
    // Marked, and nothing of the popover's code compiled: most pages are never hovered.
    expect(await pageScriptsRun(page)).toEqual(['story', 'main', 'engine']);
    const senkaku = await markPoint(page, 'Senkakus');
    await page.mouse.move(senkaku.x, senkaku.y, { steps: 3 });
    await expect.poll(() => popoverState(page)).toEqual({ open: true, title: 'Senkaku Islands' });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await expect.poll(() => popoverState(page)).toEqual(closed);
    const diet = await markPoint(page, 'Diet');
    await page.mouse.move(diet.x, diet.y, { steps: 3 });
    await expect.poll(() => popoverState(page)).toMatchObject({ open: true });
    expect(await pageScriptsRun(page)).toEqual(['story', 'main', 'engine', 'popover']);
  });

  test('passing over a mark does not open the popover; resting on it does', async ({
    openFixture,
  }) => {
    const page = await openArticle(openFixture);
    const { x, y } = await markPoint(page, 'Senkakus');
    // Sweep across the mark without stopping.
    const since = await timelineNow(page);
    await page.mouse.move(x - 150, y);
    await page.mouse.move(x + 150, y, { steps: 6 });
    await page.mouse.move(5, 5, { steps: 2 });
    // Once the last position is handled with nothing pending, nothing can open any more.
    expect(await hoverSettled(page, since, { x: 5, y: 5 })).toMatchObject({ open: false });
    expect(await popoverState(page)).toEqual(closed);
    // Rest on it.
    await page.mouse.move(x, y, { steps: 3 });
    await expect.poll(() => popoverState(page)).toEqual({ open: true, title: 'Senkaku Islands' });
  });

  test('the popover is prepared unseen during the dwell and never shows before it ends', async ({
    openFixture,
    background,
  }) => {
    // A long dwell, so that the last 100 ms (when the popover is prepared) are easy to catch.
    await setSettings(background, { hoverDelayMs: 3_000 });
    const page = await openArticle(openFixture);
    const { x, y } = await markPoint(page, 'Senkakus');
    // Every frame, note whether the popover was absent, prepared but invisible, or visible.
    await page.evaluate(() => {
      const w = window as unknown as { frames: [number, string][] };
      w.frames = [];
      const check = () => {
        const now = performance.now();
        const card = document
          .querySelector('gloss-popover')
          ?.shadowRoot?.querySelector('.gloss-popover');
        const state = !card
          ? 'none'
          : getComputedStyle(card).visibility === 'hidden'
            ? 'prepared'
            : 'visible';
        if (w.frames.at(-1)?.[1] !== state) w.frames.push([now, state]);
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await page.mouse.move(x, y, { steps: 2 });
    await page.waitForFunction(
      () =>
        document.querySelector('gloss-popover')?.shadowRoot?.querySelector('.gloss-popover h2')
          ?.textContent === 'Senkaku Islands',
      undefined,
      { polling: 5 },
    );
    await page.mouse.move(5, 5);
    await expect.poll(() => popoverState(page), { timeout: 3_000 }).toEqual(closed);
    // A rendered frame has noted the popover gone.
    await page.waitForFunction(
      () => (window as unknown as { frames: [number, string][] }).frames.at(-1)?.[1] === 'none',
    );
    const { frames, dwellEnds } = await page.evaluate(() => ({
      frames: (window as unknown as { frames: [number, string][] }).frames,
      dwellEnds: performance.getEntriesByName('gloss:dwell-end').map((m) => m.startTime),
    }));
    const states = frames.map(([, state]) => state);
    // Prepared in a rendered frame without being seen; gone once the pointer left.
    expect(states).toContain('prepared');
    expect(states.at(-1)).toBe('none');
    // Seen only if the test was too slow to leave within the last 100 ms, and never before the end.
    const firstSeen = frames.find(([, state]) => state === 'visible')?.[0];
    if (dwellEnds.length === 0) expect(firstSeen).toBeUndefined();
    else expect(firstSeen ?? Infinity).toBeGreaterThanOrEqual(dwellEnds[0]!);
    // Resting there opens it.
    await page.mouse.move(x, y, { steps: 2 });
    await expect
      .poll(() => popoverState(page), { timeout: 6_000 })
      .toEqual({ open: true, title: 'Senkaku Islands' });
  });

  test('the popover stays open while the pointer is inside it and closes after leaving', async ({
    openFixture,
  }) => {
    const page = await openArticle(openFixture);
    const { x, y } = await markPoint(page, 'Senkakus');
    await page.mouse.move(x, y, { steps: 2 });
    await expect.poll(async () => (await popoverState(page)).open).toBe(true);
    const box = await page.evaluate(() => {
      const el = document
        .querySelector('gloss-popover')!
        .shadowRoot!.querySelector('.gloss-popover')!;
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + 30, top: r.top, bottom: r.bottom };
    });
    // The popover does not cover the term it explains.
    expect(box.top >= y + 4 || box.bottom <= y - 4).toBe(true);
    const since = await timelineNow(page);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    // In the popover, with no abandon pending: it stays.
    expect(await hoverSettled(page, since)).toMatchObject({ open: true, inPopover: true });
    expect(await popoverState(page)).toEqual({ open: true, title: 'Senkaku Islands' });
    // Leave both the popover and the mark.
    await page.mouse.move(5, 5, { steps: 2 });
    await expect.poll(() => popoverState(page), { timeout: 3_000 }).toEqual(closed);
  });

  test('Esc closes the popover; a click on a mark pins it open', async ({ openFixture }) => {
    const page = await openArticle(openFixture);
    const { x, y } = await markPoint(page, 'Senkakus');
    await page.mouse.move(x, y, { steps: 2 });
    await expect.poll(async () => (await popoverState(page)).open).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => popoverState(page)).toEqual(closed);

    await page.mouse.click(x, y);
    await expect.poll(async () => (await popoverState(page)).title).toBe('Senkaku Islands');
    const since = await timelineNow(page);
    await page.mouse.move(5, 5, { steps: 2 });
    // Pinned: moving away schedules no abandon, so once handled it is still open.
    expect(await hoverSettled(page, since, { x: 5, y: 5 })).toMatchObject({ open: true });
    expect((await popoverState(page)).open).toBe(true);
    // A click elsewhere closes a pinned popover.
    await page.mouse.click(5, 5);
    await expect.poll(() => popoverState(page)).toEqual(closed);
  });

  test('related terms open in the same popover, with a way back', async ({ openFixture }) => {
    const page = await openArticle(openFixture);
    const { x, y } = await markPoint(page, 'Senkakus');
    await page.mouse.click(x, y);
    await expect.poll(async () => (await popoverState(page)).title).toBe('Senkaku Islands');
    const card = page.locator('gloss-popover .gloss-popover');
    await card.getByRole('button', { name: 'Okinawa', exact: true }).click();
    await expect.poll(async () => (await popoverState(page)).title).toBe('Okinawa');
    await card.getByRole('button', { name: /Back/ }).click();
    await expect.poll(async () => (await popoverState(page)).title).toBe('Senkaku Islands');
  });
});

test.describe('keyboard', () => {
  test('the next-term command walks the marks in reading order and moves focus into the popover', async ({
    openFixture,
    background,
  }) => {
    const page = await openArticle(openFixture);
    await page.evaluate(() => scrollTo(0, 0));
    const step = () =>
      background.evaluate(async () => {
        const g = globalThis as unknown as {
          glossHandlers: { onCommand(c: string, tab?: { id?: number }): Promise<void> };
          chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
        };
        const [tab] = await g.chrome.tabs.query({ active: true, lastFocusedWindow: true });
        await g.glossHandlers.onCommand('next-term', tab);
      });
    await step();
    await expect.poll(async () => (await popoverState(page)).title).toBe('Strategic autonomy');
    await step();
    await expect
      .poll(async () => (await popoverState(page)).title)
      .toBe("Tokyo (Japan's government)");
    // Focus is in the popover: Tab reaches its controls, Esc closes and gives focus back.
    // Focus moves in after the card renders (an effect): wait for it before pressing Tab.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.activeElement?.tagName.toLowerCase() === 'gloss-popover' &&
            !!document.querySelector('gloss-popover')!.shadowRoot!.activeElement,
        ),
      )
      .toBe(true);
    await page.keyboard.press('Tab');
    const focusedControl = await page.evaluate(
      () => document.querySelector('gloss-popover')!.shadowRoot!.activeElement?.tagName,
    );
    expect(['BUTTON', 'A']).toContain(focusedControl);
    // Tab goes round the popover's controls: however far the reader tabs, focus stays inside.
    const controls = await page.evaluate(
      () =>
        document
          .querySelector('gloss-popover')!
          .shadowRoot!.querySelectorAll('button, a[href], summary, input, select').length,
    );
    // Once round forwards and once backwards, past both ends.
    for (let i = 0; i < 2 * (controls + 1); i++) {
      await page.keyboard.press(i <= controls ? 'Tab' : 'Shift+Tab');
      expect(
        await page.evaluate(
          () =>
            document.activeElement?.tagName.toLowerCase() === 'gloss-popover' &&
            !!document.querySelector('gloss-popover')!.shadowRoot!.activeElement,
        ),
      ).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => popoverState(page)).toEqual(closed);
  });
});

test.describe('touch', () => {
  test.use({ touch: true });

  test('tapping a mark opens the popover; tapping elsewhere closes it', async ({ openFixture }) => {
    const page = await openArticle(openFixture);
    const { x, y } = await markPoint(page, 'Senkakus');
    await page.touchscreen.tap(x, y);
    await expect.poll(async () => (await popoverState(page)).title).toBe('Senkaku Islands');
    await page.touchscreen.tap(20, 20);
    await expect.poll(() => popoverState(page)).toEqual(closed);
  });
});

test.describe('looks', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the popover follows the page's colour scheme (${colorScheme})`, async ({
      openFixture,
    }) => {
      const page = await openArticle(openFixture);
      await page.emulateMedia({ colorScheme });
      const { x, y } = await markPoint(page, 'Japan-Philippines reciprocal access agreement');
      await page.mouse.move(x, y, { steps: 2 });
      await expect.poll(async () => (await popoverState(page)).open).toBe(true);
      const theme = await page.evaluate(() =>
        document
          .querySelector('gloss-popover')!
          .shadowRoot!.querySelector('.gloss-popover')!
          .getAttribute('data-theme'),
      );
      expect(theme).toBe(colorScheme);
    });
  }

  test('on a narrow viewport the popover is a bottom sheet', async ({ openFixture }) => {
    const page = await openArticle(openFixture);
    await page.setViewportSize({ width: 400, height: 760 });
    const { x, y } = await markPoint(page, 'Senkakus');
    await page.mouse.click(x, y);
    await expect.poll(async () => (await popoverState(page)).open).toBe(true);
    // Measured once its short entrance animation is over.
    await page.waitForFunction(() =>
      document
        .querySelector('gloss-popover')!
        .shadowRoot!.querySelector('.gloss-popover')!
        .getAnimations()
        .every((a) => a.playState === 'finished'),
    );
    const rect = await page.evaluate(() => {
      const r = document
        .querySelector('gloss-popover')!
        .shadowRoot!.querySelector('.gloss-popover')!
        .getBoundingClientRect();
      return { left: r.left, right: r.right, bottom: r.bottom };
    });
    expect(rect.left).toBe(0);
    expect(rect.right).toBe(400);
    expect(Math.round(rect.bottom)).toBe(760);
  });
});
