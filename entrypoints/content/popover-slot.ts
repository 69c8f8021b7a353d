/**
 * The popover's code (Preact, floating-ui, the term card: a third of Gloss's page-side code) comes
 * in a content script of its own, `popover-ui.js`, listed after the main one: the browser compiles
 * and runs it in a separate task, so neither task gets long. The two scripts share only their
 * isolated world's global object; this slot on it hands the Popover class over, whichever of the
 * two scripts runs first. Pages cannot see the isolated world's globals.
 */
import type { Popover } from './popover';

export type PopoverClass = typeof Popover;

const SLOT = '__glossPopoverClass';

type Slot = { ready: PopoverClass } | { waiting: ((popover: PopoverClass) => void)[] };

function slot(): Slot | undefined {
  return (globalThis as Record<string, unknown>)[SLOT] as Slot | undefined;
}

function setSlot(value: Slot): void {
  (globalThis as Record<string, unknown>)[SLOT] = value;
}

/** Called by popover-ui.js. */
export function providePopover(popover: PopoverClass): void {
  const before = slot();
  setSlot({ ready: popover });
  if (before && 'waiting' in before) for (const resolve of before.waiting) resolve(popover);
}

/** The Popover class, as soon as popover-ui.js has run. */
export function popoverClass(): Promise<PopoverClass> {
  const current = slot();
  if (current && 'ready' in current) return Promise.resolve(current.ready);
  return new Promise((resolve) => {
    const waiting = current && 'waiting' in current ? current.waiting : [];
    waiting.push(resolve);
    setSlot({ waiting });
  });
}
