/**
 * Hostile pages: strict CSP, Trusted Types, a page that deletes what it did not create, poisoned
 * prototypes, 100,000 elements, 5,000-deep nesting, a 10 MB text node, shadow roots, frames, typing
 * in form fields, a modal dialog, fullscreen and a stylesheet that restyles everything.
 * On each: no error from Gloss, the page's own behaviour intact, marks and the popover working.
 * Fixtures are in tests/fixtures/hostile/ (headers in `name.html.headers.json`).
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { setSettings } from './settings-helpers';
import type { StaticServer } from '../support/static-server.ts';
import {
  hoverSettled,
  MARKS,
  matcherSources,
  pageScriptsRun,
  passDone,
  scansDone,
  timelineNow,
} from './page-helpers';

/** Past the default 300 ms dwell, plus a frame for the hit test and one for placement. */

interface Opened {
  page: Page;
  /** Errors thrown or logged by Gloss (the content script's URL or "Gloss" in the message). */
  glossErrors: string[];
}

async function open(context: BrowserContext, server: StaticServer, file: string): Promise<Opened> {
  const page = await context.newPage();
  const glossErrors: string[] = [];
  page.on('pageerror', (error) => {
    const stack = error.stack ?? '';
    if (stack.includes('chrome-extension://') || /gloss/i.test(error.message)) {
      glossErrors.push(`${error.message}\n${stack}`);
    }
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.location().url.startsWith('chrome-extension://') || /gloss/i.test(message.text())) {
      glossErrors.push(message.text());
    }
  });
  await page.goto(`${server.origin}/hostile/${file}`);
  return { page, glossErrors };
}

/** Where page-side helpers run: a page or frame (main world), or an isolated world. */
type Target = Pick<Page, 'evaluate'> | Pick<Frame, 'evaluate'>;

/**
 * A fresh isolated world in the page's main frame, through CDP: the DOM and the highlight registry
 * are shared with the page, its JavaScript built-ins are not — for pages whose built-ins are
 * poisoned (Playwright's own page-world helpers break there too).
 */
async function isolatedWorld(context: BrowserContext, page: Page): Promise<Target> {
  const cdp = await context.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'gloss-test',
  });
  const evaluate = async (fn: (arg: unknown) => unknown, arg?: unknown) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'error');
    return result.value;
  };
  return { evaluate } as unknown as Target;
}

/**
 * The text of each of Gloss's marks, read in the page's world. Plain loops only: on the poisoned
 * page, Array.prototype.map and friends throw.
 */
function readMarks(frame: Target): Promise<string[]> {
  return frame.evaluate((name) => {
    const texts: string[] = [];
    const highlight = CSS.highlights.get(name);
    if (!highlight) return texts;
    for (const item of highlight.keys()) {
      const r = item as AbstractRange;
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      texts.push(range.toString());
    }
    return texts;
  }, MARKS);
}

async function waitForMark(frame: Target, text: string, timeout = 15_000): Promise<void> {
  await expect
    .poll(async () => (await readMarks(frame)).includes(text), { timeout, intervals: [100] })
    .toBe(true);
}

/** The centre of the first mark reading `text`, in viewport coordinates. */
async function markCentre(page: Target, text: string): Promise<{ x: number; y: number }> {
  const centre = await page.evaluate(
    ({ name, wanted }) => {
      const highlight = CSS.highlights.get(name);
      if (!highlight) return null;
      for (const item of highlight.keys()) {
        const r = item as AbstractRange;
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== wanted) continue;
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { name: MARKS, wanted: text },
  );
  expect(centre, `a visible mark reading "${text}"`).not.toBeNull();
  return centre!;
}

/** Rests the pointer on the mark reading `text`, the way a reader does. */
async function hoverMark(page: Page, text: string, world: Target = page): Promise<void> {
  const { x, y } = await markCentre(world, text);
  await page.mouse.move(Math.max(1, x - 30), y + 30);
  await page.mouse.move(x, y, { steps: 3 });
}

interface PopoverState {
  visible: boolean;
  title: string | null;
  /** `document.elementFromPoint` at the popover's centre is the popover's host. */
  onTop: boolean;
}

function popoverState(page: Target): Promise<PopoverState> {
  return page.evaluate(() => {
    const host = document.querySelector('gloss-popover');
    const card = host?.shadowRoot?.querySelector<HTMLElement>('.gloss-popover');
    if (!host || !card) return { visible: false, title: null, onTop: false };
    const rect = card.getBoundingClientRect();
    // Gloss renders the popover hidden shortly before a dwell ends: visible means seen, or the
    // hit test below can run before it is shown (it failed so under a loaded CI machine).
    const visible =
      host.isConnected &&
      getComputedStyle(host).display !== 'none' &&
      getComputedStyle(card).visibility !== 'hidden' &&
      rect.width > 0;
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return {
      visible,
      title: card.querySelector('.gloss-card__title')?.textContent ?? null,
      onTop: hit === host,
    };
  });
}

async function expectPopoverFor(page: Target, title: RegExp): Promise<void> {
  await expect.poll(async () => (await popoverState(page)).visible, { timeout: 3_000 }).toBe(true);
  const state = await popoverState(page);
  expect(state.title).toMatch(title);
  expect(state.onTop).toBe(true);
}

test.describe('hostile pages', () => {
  test('strict CSP (default-src none): marks and a styled popover', async ({ context, server }) => {
    const { page, glossErrors } = await open(context, server, 'csp.html');
    // The policy is in force: the page's own inline script was blocked.
    expect(await page.title()).toBe('Strict CSP');
    await waitForMark(page, 'Senkaku Islands');
    await hoverMark(page, 'Senkaku Islands');
    await expectPopoverFor(page, /Senkaku/);
    // The popover's stylesheet applied (a blocked <style> would leave it static and unstyled).
    const position = await page.evaluate(() => {
      const card = document
        .querySelector('gloss-popover')
        ?.shadowRoot?.querySelector('.gloss-popover');
      return card ? getComputedStyle(card).position : null;
    });
    expect(position).toBe('fixed');
    expect(glossErrors).toEqual([]);
  });

  test('Trusted Types required: Gloss uses no HTML sink; the page’s policy still works', async ({
    context,
    server,
  }) => {
    const { page, glossErrors } = await open(context, server, 'trusted-types.html');
    expect(
      await page.evaluate(() => (window as unknown as { rawSinkThrew: boolean }).rawSinkThrew),
    ).toBe(true);
    await waitForMark(page, 'Senkaku Islands');
    await hoverMark(page, 'Senkaku Islands');
    await expectPopoverFor(page, /Senkaku/);
    expect(await page.textContent('#sink')).toBe('<i>escaped</i> in Tokyo');
    expect(glossErrors).toEqual([]);
  });

  test('a page that deletes every element it did not create', async ({ context, server }) => {
    const { page, glossErrors } = await open(context, server, 'deleter.html');
    await waitForMark(page, 'Senkaku Islands');
    // Marks keep working: they are not elements, so there is nothing for the page to delete.
    await page.evaluate(() =>
      (window as unknown as { appendStory(t: string): void }).appendStory(
        'Patrols near the Ryukyu Islands.',
      ),
    );
    await waitForMark(page, 'Ryukyu Islands');
    // Hovering adds the popover's host; the page deletes it. Gloss must neither throw nor fight
    // the page in a loop, and a later hover must mount the host again (not reuse a dead one).
    // Each step waits for Gloss's hover logic to have handled it (the dwell ended and the popover
    // was shown, then deleted by the page; or the pointer left).
    for (const [text, point] of [
      ['Senkaku Islands', null],
      [null, { x: 5, y: 5 }],
      ['Ryukyu Islands', null],
    ] as const) {
      const since = await timelineNow(page);
      if (text) await hoverMark(page, text);
      else await page.mouse.move(point!.x, point!.y);
      await hoverSettled(page, since, text ? await markCentre(page, text) : point!);
    }
    const removed = await page.evaluate(() => (window as unknown as { removed: string[] }).removed);
    // Each hover re-added the host (the page removed it each time), and only the host.
    expect(removed.length).toBeGreaterThanOrEqual(2);
    expect(new Set(removed)).toEqual(new Set(['GLOSS-POPOVER']));
    // No runaway: the host was re-added on demand, not in a loop.
    expect(removed.length).toBeLessThan(10);
    expect(glossErrors).toEqual([]);
  });

  test("a page's careless message listener hears nothing from Gloss", async ({
    context,
    server,
  }) => {
    const { page, glossErrors } = await open(context, server, 'message-listener.html');
    await waitForMark(page, 'Senkaku Islands');
    await hoverMark(page, 'Senkaku Islands');
    await expectPopoverFor(page, /Senkaku/);
    // Only the page's own message arrived, and its listener never failed.
    expect(
      await page.evaluate(() => (window as unknown as { received: string[] }).received),
    ).toEqual(['{"kind":"own"}']);
    expect(
      await page.evaluate(() => (window as unknown as { listenerErrors: number }).listenerErrors),
    ).toBe(0);
    expect(glossErrors).toEqual([]);
  });

  test('poisoned DOM and JS prototypes in the page do not reach Gloss', async ({
    context,
    server,
  }) => {
    const { page, glossErrors } = await open(context, server, 'prototypes.html');
    const world = await isolatedWorld(context, page);
    const attr = (name: string) =>
      world.evaluate((n) => document.documentElement.getAttribute(n as string), name);
    expect(await attr('data-poisoned')).toBe('true');
    await waitForMark(world, 'Senkaku Islands');
    await waitForMark(world, 'Tokyo');
    await hoverMark(page, 'Senkaku Islands', world);
    await expectPopoverFor(world, /Senkaku/);
    // The page's own check ran: its poisoned map still throws for it (Gloss repaired nothing),
    // and that was the only poisoned call — Gloss called none of the page's functions.
    await expect.poll(() => attr('data-map-after'), { timeout: 5_000 }).toBe('throws');
    expect(await attr('data-poisoned-calls')).toBe('1');
    expect(glossErrors).toEqual([]);
  });

  test('100,000 elements: marked to the last row', async ({ context, server }) => {
    const { page, glossErrors } = await open(context, server, 'huge-dom.html');
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(
      100_000,
    );
    // With the default density (first mention) the marks are the first row's "Okinawa" and
    // "National Diet" (a key term: the page is on the glossary's topic); the scan must also have walked to
    // the last row (19,999) without error.
    await waitForMark(page, 'Okinawa', 30_000);
    // Row 0 is marked in the first slice; the walk to the last row ends later.
    await scansDone(page);
    expect((await readMarks(page)).sort()).toEqual(['National Diet', 'Okinawa']);
    expect(glossErrors).toEqual([]);
  });

  test('a long page that changes while Gloss reads it is still marked to the end', async ({
    context,
    server,
  }) => {
    const { page, glossErrors } = await open(context, server, 'busy-big.html');
    // The clock's rewrites are rescanned as they come, without cutting the page scan short.
    await waitForMark(page, 'Okinawa', 30_000);
    expect(await page.evaluate(() => document.getElementById('clock')!.textContent)).not.toBe(
      'Updated 0',
    );
    expect(glossErrors).toEqual([]);
  });

  /**
   * 20,000 rows, 100,000 elements: the longest gap between the page's frames and between its 10 ms
   * timer ticks, from its first rendered frame until Gloss has marked it, stays under 250 ms.
   * Start-up compiles the glossary in slices and the scan yields every 4 ms at background priority.
   */
  test('100,000 elements: the page keeps rendering while Gloss scans @quiet', async ({
    context,
    server,
  }) => {
    const { page } = await open(context, server, 'huge-dom.html');
    await waitForMark(page, 'Okinawa', 30_000);
    // The frame gaps are read once Gloss has scanned the whole page.
    await scansDone(page);
    const gaps = await page.evaluate(() => {
      const w = window as unknown as {
        maxFrameGap: number;
        maxTimerGap: number;
        heartbeatFrom: number;
        firstMarkAt: number;
      };
      return {
        frame: w.maxFrameGap,
        timer: w.maxTimerGap,
        from: w.heartbeatFrom,
        marked: w.firstMarkAt,
      };
    });
    // Gloss did its work while the heartbeat was running.
    expect(gaps.from).toBeGreaterThan(0);
    expect(gaps.marked).toBeGreaterThan(gaps.from);
    console.log(
      `100,000 elements: longest frame gap ${gaps.frame.toFixed(0)} ms, timer gap ${gaps.timer.toFixed(0)} ms`,
    );
    expect(gaps.frame).toBeLessThan(250);
    expect(gaps.timer).toBeLessThan(250);
  });

  test('nesting 5,000 deep: marked at the bottom, popover opens in deep nesting', async ({
    context,
    server,
    background,
  }) => {
    // The 5,000-deep text is display:none (see the fixture): since #13 only "every mention" draws
    // a mention the reader cannot see, and the walk down to it is what this test is about.
    await setSettings(background, { density: 'all' });
    const { page, glossErrors } = await open(context, server, 'deep.html');
    expect(
      await page.evaluate(() => {
        let depth = 0;
        for (let el = document.getElementById('deep'); el?.firstElementChild; depth++) {
          el = el.firstElementChild as HTMLElement;
        }
        return depth;
      }),
    ).toBe(5_000);
    await waitForMark(page, 'Tokyo');
    // 5,000 levels down (not rendered: Chromium itself cannot lay that out) and 200 levels down.
    await waitForMark(page, 'Ryukyu Islands');
    await waitForMark(page, 'Senkaku Islands');
    await hoverMark(page, 'Senkaku Islands');
    await expectPopoverFor(page, /Senkaku/);
    expect(glossErrors).toEqual([]);
  });

  test('a single 10 MB text node: both ends marked, the page stays usable', async ({
    context,
    server,
  }) => {
    const { page, glossErrors } = await open(context, server, 'big-text.html');
    expect(
      await page.evaluate(() => (window as unknown as { textLength: number }).textLength),
    ).toBe(10 * 1024 * 1024);
    await waitForMark(page, 'Senkaku Islands', 30_000);
    await waitForMark(page, 'Okinawa', 30_000);
    await waitForMark(page, 'Tokyo', 30_000);
    // The page still answers quickly once Gloss is done.
    await scansDone(page);
    const started = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(glossErrors).toEqual([]);
  });

  test('open shadow roots: marks inside, popover on hover', async ({ context, server }) => {
    const { page, glossErrors } = await open(context, server, 'shadow.html');
    await waitForMark(page, 'Tokyo');
    await waitForMark(page, 'Senkaku Islands');
    await waitForMark(page, 'Okinawa');
    await hoverMark(page, 'Senkaku Islands');
    await expectPopoverFor(page, /Senkaku/);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await hoverMark(page, 'Okinawa');
    await expectPopoverFor(page, /Okinawa/);
    expect(glossErrors).toEqual([]);
  });

  test('same-origin and srcdoc iframes are marked', async ({ context, server }) => {
    const { page, glossErrors } = await open(context, server, 'frames.html');
    await waitForMark(page, 'Tokyo');
    const same = page.frame({ url: /frame-child\.html$/ });
    expect(same).not.toBeNull();
    await waitForMark(same!, 'Okinawa');
    const srcdoc = page.frames().find((f) => f.url() === 'about:srcdoc');
    expect(srcdoc).toBeDefined();
    await waitForMark(srcdoc!, 'Senkaku Islands');
    // The manifest gives subframes only a small gate script: each asked for the main script once
    // it had text, that for the engine, and got the pack's build-time matcher with it (no compile
    // in the frame).
    for (const frame of [same!, srcdoc!]) {
      expect(await pageScriptsRun(frame)).toEqual(['story', 'main', 'engine']);
      expect(await matcherSources(frame)).toEqual(['build']);
    }
    expect(glossErrors).toEqual([]);
  });

  test('typing in inputs, textareas and contenteditable: value, caret and selection unchanged', async ({
    context,
    server,
  }) => {
    const { page, glossErrors } = await open(context, server, 'forms.html');
    await waitForMark(page, 'Tokyo');
    const typed = 'Patrols near the Senkaku Islands and Okinawa, said Tokyo. ';
    for (const selector of ['#input', '#textarea']) {
      await page.click(selector);
      const typing = await timelineNow(page);
      await page.keyboard.type(typed, { delay: 5 });
      // Gloss's observer pass (60 ms debounce) runs while the reader is mid-sentence.
      await passDone(page, typing);
      await page.keyboard.type('More.');
      const state = await page.$eval(selector, (el) => {
        const field = el as HTMLInputElement | HTMLTextAreaElement;
        return { value: field.value, start: field.selectionStart, end: field.selectionEnd };
      });
      const expected = `${typed}More.`;
      expect(state).toEqual({ value: expected, start: expected.length, end: expected.length });
      // A selection made by the reader survives Gloss's next pass.
      const selecting = await timelineNow(page);
      await page.$eval(selector, (el) => {
        (el as HTMLInputElement).setSelectionRange(4, 11);
        // The page updates itself while the selection is there (Gloss's observer runs).
        document.getElementById('count')!.textContent = 'selected';
      });
      await passDone(page, selecting);
      expect(
        await page.$eval(selector, (el) => [
          (el as HTMLInputElement).selectionStart,
          (el as HTMLInputElement).selectionEnd,
        ]),
      ).toEqual([4, 11]);
    }
    await page.click('#editable');
    const editing = await timelineNow(page);
    await page.keyboard.type(typed, { delay: 5 });
    await passDone(page, editing);
    await page.keyboard.type('More.');
    const editable = await page.$eval('#editable', (el) => {
      const selection = getSelection()!;
      return {
        text: el.textContent,
        elements: el.querySelectorAll('*').length,
        caretAtEnd:
          selection.isCollapsed &&
          selection.anchorNode !== null &&
          el.contains(selection.anchorNode) &&
          selection.anchorOffset === (selection.anchorNode.textContent ?? '').length,
      };
    });
    expect(editable).toEqual({
      text: `${typed}More.`.replace(/ $/, ' '),
      elements: 0,
      caretAtEnd: true,
    });
    // Nothing the reader typed is marked; only the page's own paragraph is.
    expect((await readMarks(page)).sort()).toEqual(['National Diet', 'Tokyo']);
    expect(
      await page.evaluate(() => (window as unknown as { inputEvents: number }).inputEvents),
    ).toBe(3 * (typed.length + 'More.'.length));
    expect(glossErrors).toEqual([]);
  });

  test('a modal dialog: the popover shows above it and is clickable', async ({
    context,
    server,
  }) => {
    const { page, glossErrors } = await open(context, server, 'dialog.html');
    await waitForMark(page, 'Tokyo');
    // A closed dialog's text is not drawn (#13: the first mention the reader can see); it is
    // drawn once the dialog opens.
    await page.evaluate(() => (window as unknown as { openDialog(): void }).openDialog());
    await waitForMark(page, 'Senkaku Islands');
    await hoverMark(page, 'Senkaku Islands');
    await expectPopoverFor(page, /Senkaku/);
    // A click in the popover reaches it (the host is not inert), and the dialog stays open.
    const closeButton = await page.evaluate(() => {
      const card = document
        .querySelector('gloss-popover')!
        .shadowRoot!.querySelector('.gloss-popover')!;
      const r = card.getBoundingClientRect();
      return { x: r.left + 10, y: r.top + 10 };
    });
    await page.mouse.click(closeButton.x, closeButton.y);
    expect((await popoverState(page)).visible).toBe(true);
    expect(await page.evaluate(() => document.querySelector('dialog')!.open)).toBe(true);
    // Leaving the popover closes it after the abandon delay; the page's dialog still works.
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await popoverState(page)).visible).toBe(false);
    await page.click('#close', { timeout: 5_000 });
    expect(await page.evaluate(() => document.querySelector('dialog')!.open)).toBe(false);
    expect(glossErrors).toEqual([]);
  });

  test('fullscreen: the popover shows above the fullscreen element', async ({
    context,
    server,
  }) => {
    const { page, glossErrors } = await open(context, server, 'dialog.html');
    await waitForMark(page, 'Tokyo');
    await page.click('#go-fullscreen');
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null))
      .toBe('stage');
    await waitForMark(page, 'Okinawa');
    await hoverMark(page, 'Okinawa');
    await expectPopoverFor(page, /Okinawa/);
    expect(await page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('stage');
    expect(glossErrors).toEqual([]);
  });

  test('a stylesheet that restyles everything does not reach the popover', async ({
    context,
    server,
  }) => {
    const styles = async (file: string) => {
      const { page, glossErrors } = await open(context, server, file);
      await waitForMark(page, 'Senkaku Islands');
      await hoverMark(page, 'Senkaku Islands');
      await expectPopoverFor(page, /Senkaku/);
      const computed = await page.evaluate(async () => {
        const host = document.querySelector('gloss-popover')!;
        const card = host.shadowRoot!.querySelector('.gloss-popover')!;
        // Compare the settled popover, not a frame of its fade-in.
        await Promise.all(card.getAnimations().map((a) => a.finished));
        const title = card.querySelector('.gloss-card__title')!;
        const pick = (el: Element) => {
          const s = getComputedStyle(el);
          return {
            fontSize: s.fontSize,
            fontFamily: s.fontFamily,
            lineHeight: s.lineHeight,
            color: s.color,
            background: s.backgroundColor,
            position: s.position,
            display: s.display,
            margin: s.margin,
            letterSpacing: s.letterSpacing,
            textTransform: s.textTransform,
            transform: s.transform,
            opacity: s.opacity,
          };
        };
        const r = card.getBoundingClientRect();
        return {
          host: pick(host),
          card: pick(card),
          title: pick(title),
          width: Math.round(r.width),
        };
      });
      expect(glossErrors).toEqual([]);
      await page.close();
      return computed;
    };
    const plain = await styles('plain.html');
    const restyled = await styles('restyle.html');
    expect(restyled).toEqual(plain);
  });

  /** Seen on a real page (the corpus page cna-taiwan-2023-egg-shortage.html). */
  test('a document without a root element: no error from Gloss', async ({ context, server }) => {
    const { page, glossErrors } = await open(context, server, 'no-root.html');
    // Gloss's gate looked for text, found no root to read, and stopped there.
    await page.waitForFunction(() => performance.getEntriesByName('gloss:gate').length > 0);
    expect(await page.evaluate(() => document.documentElement)).toBeNull();
    expect(glossErrors).toEqual([]);
  });
});

test.describe('frames with nothing to read', () => {
  /** The frame's `gloss:frame-judged` verdicts (the test build's probe), in order. */
  const verdicts = (frame: Frame) =>
    frame.evaluate(() =>
      performance
        .getEntriesByName('gloss:frame-judged')
        .map((mark) => (mark as PerformanceMark).detail?.worth as boolean),
    );
  /** Until Gloss has judged the frame once it was loaded (no later judgement but on resize). */
  const judgedLoaded = (frame: Frame) =>
    frame.waitForFunction(() =>
      performance
        .getEntriesByName('gloss:frame-judged')
        .some((mark) => (mark as PerformanceMark).detail?.loaded === true),
    );
  const frameOf = (page: Page, id: string) =>
    page
      .locator(`#${id}`)
      .elementHandle()
      .then((el) => el!.contentFrame()) as Promise<Frame>;

  test('a 1×1 frame, a hidden frame and a text-less ad slot start nothing, even after load', async ({
    context,
    server,
  }) => {
    const { page, glossErrors } = await open(context, server, 'idle-frames.html');
    await waitForMark(page, 'Tokyo');
    for (const id of ['pixel', 'hidden', 'ad']) {
      const frame = await frameOf(page, id);
      // Judged when the script started and, if the frame was still loading, at its load.
      await judgedLoaded(frame);
      const said = await verdicts(frame);
      expect(said.length).toBeGreaterThan(0);
      expect(said.every((worth) => !worth)).toBe(true);
      expect(
        await frame.evaluate(() => performance.getEntriesByName('gloss:session-started').length),
      ).toBe(0);
      // Nor did Gloss's main script, its engine or its popover's code run there.
      expect(await pageScriptsRun(frame)).toEqual([]);
    }
    expect(glossErrors).toEqual([]);
  });

  test('a hidden frame shown later is read then', async ({ context, server }) => {
    const { page, glossErrors } = await open(context, server, 'idle-frames.html');
    const hidden = await frameOf(page, 'hidden');
    await judgedLoaded(hidden);
    await page.locator('#hidden').evaluate((el) => {
      (el as HTMLElement).style.display = 'block';
    });
    await waitForMark(hidden, 'Senkaku Islands');
    expect((await verdicts(hidden)).at(-1)).toBe(true);
    expect(await pageScriptsRun(hidden)).toEqual(['story', 'main', 'engine']);
    expect(glossErrors).toEqual([]);
  });
});
