// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HoverIntent, type HoverTarget } from '../../entrypoints/content/hover';
import type { Occurrence } from '../../entrypoints/content/marks';
import { PageSession } from '../../entrypoints/content/session';

/** Two marks on a line: A at x 0–99, B at x 100–199; the popover sits below, y ≥ 100. */
const A = { termId: 'a' } as unknown as Occurrence;
const B = { termId: 'b' } as unknown as Occurrence;

function setup() {
  const session = new PageSession({
    signal: new AbortController().signal,
  } as unknown as ContentScriptContext);
  const state = {
    shown: null as Occurrence | null,
    opens: [] as string[],
    primed: null as Occurrence | null,
    primes: [] as string[],
    warmed: 0,
  };
  const target: HoverTarget = {
    at: (x, y) => (y >= 20 ? null : x < 100 ? A : x < 200 ? B : null),
    dwellMs: () => 300,
    open: (occurrence, _point, pinned) => {
      state.shown = occurrence;
      state.opens.push(occurrence.termId);
      intent.setShown(occurrence, pinned);
    },
    warm: () => state.warmed++,
    prime: (occurrence) => {
      state.primed = occurrence;
      state.primes.push(occurrence.termId);
    },
    unprime: () => {
      state.primed = null;
    },
    close: () => {
      state.shown = null;
    },
    isOpen: () => state.shown !== null,
    inPopover: () => false,
  };
  const intent = new HoverIntent(session, target);
  const move = (x: number, y: number) => {
    document.dispatchEvent(
      new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse' }),
    );
    vi.advanceTimersByTime(20); // one frame
  };
  return { hover: intent, state, move, session };
}

describe('hover intent', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
  });
  afterEach(() => vi.useRealTimers());

  test('resting on a mark opens it; passing over does not', () => {
    const { state, move } = setup();
    move(50, 10);
    move(150, 10);
    move(250, 10);
    vi.advanceTimersByTime(1000);
    expect(state.opens).toEqual([]);
    move(50, 10);
    vi.advanceTimersByTime(350);
    expect(state.opens).toEqual(['a']);
  });

  test('the pointer reaching a mark asks for the popover at once, long before the dwell ends', () => {
    const { state, move } = setup();
    move(250, 10);
    expect(state.warmed).toBe(0);
    move(50, 10);
    expect(state.warmed).toBe(1);
    expect(state.opens).toEqual([]);
  });

  test('once the session has ended, resting on a mark opens nothing, even mid-dwell', () => {
    const { state, move, session } = setup();
    move(50, 10);
    vi.advanceTimersByTime(100);
    session.abort();
    vi.advanceTimersByTime(1000);
    move(150, 10);
    vi.advanceTimersByTime(1000);
    expect(state.opens).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('leaving the mark closes the popover after the abandon delay', () => {
    const { state, move } = setup();
    move(50, 10);
    vi.advanceTimersByTime(350);
    move(50, 50);
    vi.advanceTimersByTime(200);
    expect(state.shown).toBe(A);
    vi.advanceTimersByTime(200);
    expect(state.shown).toBeNull();
  });

  test('crossing another mark on the way into the popover keeps the popover as it was', () => {
    const { hover, state, move } = setup();
    move(50, 10);
    vi.advanceTimersByTime(350);
    expect(state.opens).toEqual(['a']);
    // On the way down to the popover the pointer grazes mark B, then enters the popover (the gap
    // between them is a few pixels, so no frame samples the pointer there).
    move(150, 10);
    hover.pointerEnteredPopover();
    move(150, 120);
    vi.advanceTimersByTime(2000);
    expect(state.opens).toEqual(['a']);
    expect(state.shown).toBe(A);
  });

  test('back out of the popover onto the other mark, resting there opens it', () => {
    const { hover, state, move } = setup();
    move(50, 10);
    vi.advanceTimersByTime(350);
    move(150, 10);
    hover.pointerEnteredPopover();
    move(150, 120);
    vi.advanceTimersByTime(500);
    hover.pointerLeftPopover();
    move(150, 10);
    vi.advanceTimersByTime(350);
    expect(state.shown).toBe(B);
  });

  test('the popover is prepared just before the dwell ends, and dropped if the pointer leaves', () => {
    const { state, move } = setup();
    move(50, 10);
    vi.advanceTimersByTime(150);
    expect(state.primes).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(state.primed).toBe(A);
    // Leaves just before the dwell ends: nothing opens and the prepared popover is dropped.
    move(50, 50);
    vi.advanceTimersByTime(1000);
    expect(state.opens).toEqual([]);
    expect(state.primed).toBeNull();
    // Rests again: prepared, then opened (and the prepared popover is the one shown).
    move(50, 10);
    vi.advanceTimersByTime(350);
    expect(state.primes).toEqual(['a', 'a']);
    expect(state.opens).toEqual(['a']);
    expect(state.primed).toBe(A);
  });

  test('passing over marks prepares nothing', () => {
    const { state, move } = setup();
    for (let x = 0; x < 400; x += 20) move(x, 10);
    vi.advanceTimersByTime(1000);
    expect(state.primes).toEqual([]);
  });
});
