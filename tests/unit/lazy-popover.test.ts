/**
 * The popover's code arrives in a script of its own (popover-slot.ts), asked for when first
 * needed: the page gets its popover, and nothing the reader did before then is lost or
 * resurrected.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LazyPopover } from '../../entrypoints/content/lazy-popover';
import type { PopoverCallbacks } from '../../entrypoints/content/popover';
import {
  popoverClass,
  providePopover,
  type PopoverClass,
} from '../../entrypoints/content/popover-slot';

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__glossPopoverClass;
});

/** A stand-in Popover that records what it was asked to do. */
function fakeClass(log: string[]): PopoverClass {
  class Fake {
    isOpen = false;
    show(content: { stack: string[] }) {
      this.isOpen = true;
      log.push(`show ${content.stack[0]}`);
      return Promise.resolve();
    }
    prime(content: { stack: string[] }) {
      log.push(`prime ${content.stack[0]}`);
    }
    unprime() {
      log.push('unprime');
    }
    hide() {
      this.isOpen = false;
      log.push('hide');
    }
    contains() {
      return true;
    }
    prepare() {
      log.push('prepare');
      return Promise.resolve();
    }
  }
  return Fake as unknown as PopoverClass;
}

const ctx = { isValid: true } as ContentScriptContext;
const callbacks = {} as PopoverCallbacks;
const term = (id: string) => ({ kind: 'term' as const, stack: [id] });
const anchor = { anchor: () => null };

describe('the hand-over between the two content scripts', () => {
  it('works when the popover script ran first', async () => {
    const Class = fakeClass([]);
    providePopover(Class);
    expect(await popoverClass()).toBe(Class);
  });

  it('works when the main script asks first (every waiter gets it)', async () => {
    const first = popoverClass();
    const second = popoverClass();
    const Class = fakeClass([]);
    providePopover(Class);
    expect(await first).toBe(Class);
    expect(await second).toBe(Class);
  });
});

describe('the popover before its code has arrived', () => {
  /** A LazyPopover whose code arrives when `arrive()` is called; what it was asked is in `log`. */
  function waiting() {
    const log: string[] = [];
    let provide!: (c: PopoverClass) => void;
    const load = () => new Promise<PopoverClass>((resolve) => (provide = resolve));
    const popover = new LazyPopover(ctx, callbacks, load);
    return { log, popover, arrive: () => provide(fakeClass(log)) };
  }

  it('is closed and contains nothing; a hover shows it once the code is there', async () => {
    const { log, popover, arrive } = waiting();
    expect(popover.isOpen).toBe(false);
    expect(popover.contains({} as EventTarget)).toBe(false);
    popover.prime(term('a'), anchor); // nothing to prime with yet: the show renders in full
    const shown = popover.show(term('a'), anchor);
    arrive();
    await shown;
    // Its UI is built as the code arrives, before the show.
    expect(log).toEqual(['prepare', 'show a']);
    expect(popover.isOpen).toBe(true);
  });

  it('asks for its code once, however many hovers and shows wait for it', async () => {
    let loads = 0;
    const log: string[] = [];
    const popover = new LazyPopover(ctx, callbacks, () => {
      loads++;
      return Promise.resolve(fakeClass(log));
    });
    popover.warm();
    popover.warm();
    popover.prime(term('a'), anchor);
    await popover.show(term('a'), anchor);
    expect(loads).toBe(1);
    expect(log).toEqual(['prepare', 'show a']);
  });

  it('asks again on the next use when the code could not be brought', async () => {
    const log: string[] = [];
    let fail = true;
    const popover = new LazyPopover(ctx, callbacks, () =>
      fail ? Promise.reject(new Error('no background')) : Promise.resolve(fakeClass(log)),
    );
    await expect(popover.show(term('a'), anchor)).rejects.toThrow('no background');
    expect(popover.isOpen).toBe(false);
    fail = false;
    await popover.show(term('b'), anchor);
    expect(log).toEqual(['prepare', 'show b']);
  });

  it('a hide before the code arrives cancels the waiting show', async () => {
    const { log, popover, arrive } = waiting();
    const shown = popover.show(term('a'), anchor);
    popover.hide();
    arrive();
    await shown;
    expect(log).toEqual(['prepare']); // built for the next hover, never shown
    expect(popover.isOpen).toBe(false);
  });

  it('only the latest of two waiting shows happens', async () => {
    const { log, popover, arrive } = waiting();
    const first = popover.show(term('a'), anchor);
    const second = popover.show(term('b'), anchor);
    arrive();
    await Promise.all([first, second]);
    expect(log).toEqual(['prepare', 'show b']);
  });

  it('once loaded, calls go straight through', async () => {
    const log: string[] = [];
    const popover = new LazyPopover(ctx, callbacks, () => Promise.resolve(fakeClass(log)));
    popover.warm();
    await new Promise((resolve) => setTimeout(resolve, 0));
    popover.prime(term('a'), anchor);
    popover.unprime();
    await popover.show(term('b'), anchor);
    popover.hide();
    expect(log).toEqual(['prepare', 'prime a', 'unprime', 'show b', 'hide']);
  });
});
