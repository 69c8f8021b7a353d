/**
 * The real built extension on benchmark pages: long tasks on load (with Gloss vs without), the
 * cost of 1,000 appended paragraphs, and the popover's time to paint after the dwell.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { HIGHLIGHT, settleFrame, type Session } from './setup.ts';

/** Installed before any page script: long tasks and long animation frames, from the start. */
export const LONG_TASK_INIT = `
  window.__bench = { tasks: [], frames: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.tasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts || []).map((s) => ({ url: s.sourceURL || s.invoker || '', ms: s.duration }));
        window.__bench.frames.push({ start: e.startTime, ms: e.duration, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
`;

interface Recorded {
  tasks: { start: number; ms: number }[];
  frames: { start: number; ms: number; scripts: { url: string; ms: number }[] }[];
}

const pagesRead = new WeakSet<Page>();
const onPageRead = new WeakMap<Page, () => void>();
const watchedContexts = new WeakSet<BrowserContext>();

/**
 * Listens for the content script's "Gloss: page read" (console.debug at the end of its first
 * scan, entrypoints/content/engine.ts) in every page of `context`. Call it before loading pages:
 * waitForGloss needs it. The registry alone cannot say when the scan ends: with many mentions only
 * those near the viewport are registered (entrypoints/content/near-viewport.ts).
 */
export function watchPageRead(context: BrowserContext): void {
  if (watchedContexts.has(context)) return;
  watchedContexts.add(context);
  context.on('console', (message) => {
    if (message.type() !== 'debug' || !message.text().startsWith('Gloss: page read')) return;
    const page = message.page();
    if (!page) return;
    pagesRead.add(page);
    onPageRead.get(page)?.();
  });
}

/**
 * Waits until Gloss has read the page (watchPageRead) and its highlight has stopped changing for
 * `quietMs`; returns when it last changed (ms, page clock) and its size then.
 * @throws Error when watchPageRead was not called for the page's context.
 */
export async function waitForGloss(page: Page, quietMs = 1_500, maxMs = 120_000) {
  if (!watchedContexts.has(page.context())) throw new Error('waitForGloss: call watchPageRead');
  if (!pagesRead.has(page)) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      onPageRead.set(page, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  return registryQuiet(page, quietMs, maxMs);
}

/** Waits until Gloss's highlight has not changed for `quietMs`; when it last changed, its size. */
function registryQuiet(page: Page, quietMs: number, maxMs: number) {
  return page.evaluate(
    ({ name, quiet, max }) =>
      new Promise<{ settledAt: number; size: number }>((resolve) => {
        let size = -1;
        let changed = performance.now();
        const started = performance.now();
        const tick = () => {
          const now = performance.now();
          const current = CSS.highlights.get(name)?.size ?? 0;
          if (current !== size) {
            size = current;
            changed = now;
          }
          if ((size > 0 && now - changed > quiet) || now - started > max) {
            resolve({ settledAt: changed, size });
          } else setTimeout(tick, 20);
        };
        tick();
      }),
    { name: HIGHLIGHT, quiet: quietMs, max: maxMs },
  );
}

export interface LoadTasks {
  longTasks: number;
  maxTaskMs: number;
  /** Long tasks that started after DOMContentLoaded (when the content script runs). */
  lateTasks: number;
  lateMaxMs: number;
  /** Script time in long animation frames attributed to the extension (chrome-extension://). */
  extensionScriptMs: number;
  settledAt: number;
  marks: number;
}

async function recordedTasks(page: Page): Promise<LoadTasks> {
  return page.evaluate(() => {
    const bench = (window as unknown as { __bench: Recorded }).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const late = bench.tasks.filter((t) => t.start >= nav.domContentLoadedEventStart);
    let extensionScriptMs = 0;
    for (const frame of bench.frames) {
      for (const s of frame.scripts)
        if (s.url.startsWith('chrome-extension:')) extensionScriptMs += s.ms;
    }
    return {
      longTasks: bench.tasks.length,
      maxTaskMs: Math.max(0, ...bench.tasks.map((t) => t.ms)),
      lateTasks: late.length,
      lateMaxMs: Math.max(0, ...late.map((t) => t.ms)),
      extensionScriptMs,
      settledAt: 0,
      marks: 0,
    };
  });
}

/** Loads `url`; with Gloss on, waits until its marks settle, else waits `baselineWaitMs`. */
export async function loadAndRecord(
  session: Session,
  url: string,
  withGloss: boolean,
  baselineWaitMs: number,
): Promise<{ page: Page; tasks: LoadTasks }> {
  const page = await session.context.newPage();
  page.setDefaultTimeout(180_000);
  await page.addInitScript({ content: LONG_TASK_INIT });
  await page.goto(url, { waitUntil: 'load' });
  let settledAt = 0;
  let marks = 0;
  if (withGloss) ({ settledAt, size: marks } = await waitForGloss(page));
  else await page.waitForTimeout(baselineWaitMs);
  await settleFrame(page);
  const tasks = await recordedTasks(page);
  return { page, tasks: { ...tasks, settledAt, marks } };
}

/**
 * Appends `paragraphs` to the article in one DOM operation and waits until Gloss's highlight stops
 * growing: the time of the last growth, and how many marks were added. The reader is at the end
 * of the article when they arrive, as with infinite scroll: with many mentions only those near the
 * viewport are registered (entrypoints/content/near-viewport.ts), and the appended ones are then
 * among them. Gloss rescans an append in one commit (far under scanner.ts COMMIT_MS), so the
 * last growth is when that rescan landed.
 */
export async function appendAndWait(page: Page, paragraphs: string[][]) {
  await page.evaluate(() =>
    (document.getElementById('article') ?? document.body).lastElementChild?.scrollIntoView({
      block: 'end',
    }),
  );
  await registryQuiet(page, 500, 30_000);
  return page.evaluate(
    ({ name, texts }) =>
      new Promise<{ ms: number; added: number }>((resolve) => {
        const fragment = document.createDocumentFragment();
        for (const words of texts) {
          const p = document.createElement('p');
          p.textContent = words.join(' ');
          fragment.append(p);
        }
        const target = document.getElementById('article') ?? document.body;
        const before = CSS.highlights.get(name)?.size ?? 0;
        const started = performance.now();
        target.append(fragment);
        let size = before;
        let changed = started;
        const tick = () => {
          const now = performance.now();
          const current = CSS.highlights.get(name)?.size ?? 0;
          if (current !== size) {
            size = current;
            changed = now;
          }
          if ((size > before && now - changed > 1_000) || now - started > 120_000) {
            resolve({ ms: changed - started, added: size - before });
          } else setTimeout(tick, 4);
        };
        setTimeout(tick, 0);
      }),
    { name: HIGHLIGHT, texts: paragraphs },
  );
}

/** Rectangles of shown marks inside the viewport (main world: the registry is shared). */
async function visibleMarks(page: Page, count: number) {
  return page.evaluate(
    ({ name, n }) => {
      const rects: { x: number; y: number }[] = [];
      for (const item of CSS.highlights.get(name)?.keys() ?? []) {
        const r = item as AbstractRange;
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width < 6 || rect.top < 10 || rect.bottom > innerHeight - 200) continue;
        if (rect.left < 0 || rect.right > innerWidth) continue;
        rects.push({ x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2 });
        if (rects.length >= n) break;
      }
      return rects;
    },
    { name: HIGHLIGHT, n: count },
  );
}

export interface PopoverTime {
  /** From the pointer event onto the mark (hover delay 0): includes the frame-throttled hit test. */
  fromPointer: number;
  /** From the end of the dwell (Gloss's `gloss:dwell-end` performance mark) to the painted frame. */
  fromDwellEnd: number;
}

/**
 * Time to the first animation frame after the popover host's shadow root holds `.gloss-popover`,
 * from the pointer event and from the end of the dwell, for `hovers` marks.
 */
export async function popoverTimes(page: Page, hovers: number): Promise<PopoverTime[]> {
  const marks = await visibleMarks(page, hovers);
  if (marks.length === 0) throw new Error('no visible marks for the popover test');
  const times: PopoverTime[] = [];
  for (let i = 0; i < hovers; i++) {
    const mark = marks[i % marks.length]!;
    await page.mouse.move(4, 4);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
    const arm = page.evaluate(
      () =>
        new Promise<PopoverTime>((resolve, reject) => {
          let t0 = 0;
          const shown = () => {
            const host = document.querySelector<HTMLElement>('gloss-popover');
            const popover = host?.shadowRoot?.querySelector('.gloss-popover');
            // Gloss may render the popover invisibly during the dwell; shown means visible.
            return popover &&
              host!.style.display !== 'none' &&
              getComputedStyle(popover).visibility !== 'hidden'
              ? host
              : null;
          };
          const done = () => {
            observer.disconnect();
            requestAnimationFrame(() => {
              const now = performance.now();
              // User-timing marks from the content script land in the page's own timeline.
              const dwell = performance.getEntriesByName('gloss:dwell-end').at(-1)?.startTime;
              resolve({
                fromPointer: now - t0,
                fromDwellEnd: dwell !== undefined && dwell >= t0 ? now - dwell : NaN,
              });
            });
          };
          const observer = new MutationObserver(() => {
            const host = document.querySelector('gloss-popover');
            if (host?.shadowRoot && !observed.has(host.shadowRoot)) {
              observed.add(host.shadowRoot);
              observer.observe(host.shadowRoot, {
                childList: true,
                subtree: true,
                attributes: true,
              });
            }
            if (t0 && shown()) done();
          });
          const observed = new Set<Node>();
          observer.observe(document.documentElement, { childList: true, attributes: true });
          const host = document.querySelector('gloss-popover');
          if (host?.shadowRoot) {
            observed.add(host.shadowRoot);
            observer.observe(host.shadowRoot, { childList: true, subtree: true, attributes: true });
            observer.observe(host, { attributes: true });
          }
          addEventListener('pointermove', () => (t0 ||= performance.now()), {
            capture: true,
            once: true,
          });
          setTimeout(() => reject(new Error('popover did not open within 5 s')), 5_000);
        }),
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    await page.mouse.move(mark.x, mark.y);
    times.push(await arm);
  }
  return times;
}

/**
 * The baseline for the popover: a timer set in an animation frame and firing `delayMs` later (as
 * the dwell timer is), which changes one attribute; the time from it to the next animation frame.
 */
export async function frameFloor(page: Page, delayMs: number, samples: number): Promise<number[]> {
  return page.evaluate(
    async ({ delay, n }) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        out.push(
          await new Promise<number>((resolve) =>
            requestAnimationFrame(() =>
              setTimeout(() => {
                const t = performance.now();
                document.documentElement.toggleAttribute('data-bench-floor');
                requestAnimationFrame(() => resolve(performance.now() - t));
              }, delay),
            ),
          ),
        );
      }
      document.documentElement.removeAttribute('data-bench-floor');
      return out;
    },
    { delay: delayMs, n: samples },
  );
}

/**
 * Main-thread time (ms; CDP `Performance.getMetrics` TaskDuration, thread time) the page spends on
 * `frames` animation frames in each of which its own script changes the text of one span directly
 * in `<body>`, as a clock or a ticker does. With marks drawn, each change makes Chromium rebuild
 * the highlights' markers, and Gloss's observer reads the changed text again: with underlined
 * marks each frame also walked the whole document's visual overflow (entrypoints/marks.content.css),
 * and each pass read the whole page again (observer.ts, shallow rescans).
 */
export async function tickerCost(page: Page, frames = 60): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const taskSeconds = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!
        .value;
    const before = await taskSeconds();
    await page.evaluate(
      (n) =>
        new Promise<void>((resolve) => {
          const span = document.createElement('span');
          span.style.cssText = 'position:fixed;top:0;left:0';
          document.body.append(span);
          let i = 0;
          const tick = () => {
            span.textContent = `${i} s`;
            if (++i < n) requestAnimationFrame(tick);
            // The observer's debounced pass after the last change is part of the cost.
            else setTimeout(resolve, 200);
          };
          requestAnimationFrame(tick);
        }),
      frames,
    );
    return ((await taskSeconds()) - before) * 1000;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
