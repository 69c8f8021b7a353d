// @vitest-environment happy-dom
/**
 * Past NEAR_VIEWPORT_FROM shown mentions only those near the view are registered: the change that
 * crosses it must not draw its own thousands first (each a range built and registered, then
 * erased at the window's first report: one 215 ms task on the bench's 5 MB page).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HighlightLayer, NEAR_VIEWPORT_FROM } from '../../entrypoints/content/highlights';
import { rangesOf } from '../../entrypoints/content/hit-test';
import type { Occurrence } from '../../entrypoints/content/marks';
import { RUN_LENGTH } from '../../entrypoints/content/near-viewport';

/**
 * The browser parts happy-dom lacks: highlights as sets, static ranges as plain bounds, an observer
 * that has not reported yet.
 */
beforeEach(() => {
  vi.stubGlobal('Highlight', class extends Set<AbstractRange> {});
  vi.stubGlobal('CSS', { highlights: new Map() });
  vi.stubGlobal(
    'StaticRange',
    class {
      constructor(init: StaticRangeInit) {
        Object.assign(this, init);
      }
    },
  );
  observers.length = 0;
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      readonly observed = new Set<Element>();
      constructor(readonly report: (entries: Partial<IntersectionObserverEntry>[]) => void) {
        observers.push(this);
      }
      observe(el: Element) {
        this.observed.add(el);
      }
      unobserve(el: Element) {
        this.observed.delete(el);
      }
      disconnect() {
        this.observed.clear();
      }
    },
  );
});

/** The observers made, which a test reports through as Chromium would after a frame. */
const observers: {
  observed: Set<Element>;
  report(entries: Partial<IntersectionObserverEntry>[]): void;
}[] = [];

/** Reports every observed end as in the view. */
function reportAllNear(): void {
  const [observer] = observers;
  observer!.report(
    [...observer!.observed].map((target) => ({
      target,
      isIntersecting: true,
      boundingClientRect: { width: 100, height: 20 } as DOMRectReadOnly,
    })),
  );
}
afterEach(() => vi.unstubAllGlobals());

/** One mention in each of `count` new paragraphs. */
function mentions(count: number): Occurrence[] {
  return Array.from({ length: count }, () => {
    const p = document.createElement('p');
    p.textContent = 'Patrols near the Senkaku Islands.';
    document.body.append(p);
    const text = p.firstChild!;
    return {
      termId: 'senkaku',
      kind: 'mark',
      root: p,
      range: { startContainer: text, startOffset: 17, endContainer: text, endOffset: 32 },
    } as Occurrence;
  });
}

describe('the highlight layer', () => {
  test('what is drawn stays drawn at the switch; the crossing change’s own mentions wait for the view', () => {
    const layer = new HighlightLayer('underline');
    const first = mentions(NEAR_VIEWPORT_FROM - 100);
    const shown = new Set(first);
    layer.apply({ added: first, removed: [], shown });
    expect(layer.terms.size).toBe(first.length);

    const more = mentions(2_000);
    more.forEach((occurrence) => shown.add(occurrence));
    layer.apply({ added: more, removed: [], shown });
    // The 200 drawn before stay, and the change's first run of blocks is drawn at once; of the
    // rest, only those that join the last run already drawn are drawn before the observer reports.
    expect(layer.terms.size).toBeGreaterThanOrEqual(first.length + RUN_LENGTH);
    expect(layer.terms.size).toBeLessThan(first.length + 2 * RUN_LENGTH);
  });

  test('a first change past the threshold draws its first run of blocks before the observer reports', () => {
    const layer = new HighlightLayer('underline');
    const all = mentions(NEAR_VIEWPORT_FROM * 4);
    layer.apply({ added: all, removed: [], shown: new Set(all) });
    expect(layer.terms.size).toBe(RUN_LENGTH);
    expect([...layer.terms]).toEqual(all.slice(0, RUN_LENGTH).map((o) => rangesOf(o)[0]));
  });

  test('the rest of the crossing change is added in later tasks, and drawn when its runs are near', async () => {
    const layer = new HighlightLayer('underline');
    const all = mentions(NEAR_VIEWPORT_FROM * 4);
    layer.apply({ added: all, removed: [], shown: new Set(all) });
    // In the change's own task only the first run is in the window, so only its ends are watched.
    expect(observers[0]!.observed.size).toBe(2);
    const runs = Math.ceil(all.length / RUN_LENGTH);
    await vi.waitFor(() => expect(observers[0]!.observed.size).toBe(2 * runs));
    expect(layer.terms.size).toBe(RUN_LENGTH);
    reportAllNear();
    expect(layer.terms.size).toBe(all.length);
  });

  test('a mention hidden before its turn to be added is not drawn, one shown again is', async () => {
    const layer = new HighlightLayer('underline');
    const all = mentions(NEAR_VIEWPORT_FROM * 4);
    const shown = new Set(all);
    layer.apply({ added: all, removed: [], shown });
    const hide = (occurrence: Occurrence) => {
      shown.delete(occurrence);
      layer.apply({ added: [], removed: [occurrence], shown });
    };
    const show = (occurrence: Occurrence) => {
      shown.add(occurrence);
      layer.apply({ added: [occurrence], removed: [], shown });
    };
    // Gone; shown again; hidden again and shown again; hidden, shown and hidden again.
    const [gone, back, backTwice, goneAgain] = all.slice(-10);
    hide(gone!);
    hide(back!);
    show(back!);
    hide(backTwice!);
    show(backTwice!);
    hide(backTwice!);
    show(backTwice!);
    hide(goneAgain!);
    show(goneAgain!);
    hide(goneAgain!);
    const runs = Math.ceil(all.length / RUN_LENGTH);
    await vi.waitFor(() => expect(observers[0]!.observed.size).toBe(2 * runs));
    reportAllNear();
    expect(layer.terms.size).toBe(all.length - 2);
    const drawn = (occurrence: Occurrence) => layer.terms.has(rangesOf(occurrence)[0]!);
    expect([gone, back, backTwice, goneAgain].map((o) => drawn(o!))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});
