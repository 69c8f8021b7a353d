/**
 * The popover's code (Preact, floating-ui, the term card: a third of Gloss's page-side code) comes
 * in a script of its own, `popover-ui.js`, that a frame asks for when a reader first points at,
 * focuses or taps a mark (see utils/script-slot.ts and utils/page-scripts.ts for why and how).
 */
import { scriptSlot } from '@/utils/script-slot';
import type { Popover } from './popover';

export type PopoverClass = typeof Popover;

const slot = scriptSlot<PopoverClass>('__glossPopoverClass');

/** Called by popover-ui.js. */
export const providePopover = (popover: PopoverClass): void => slot.provide(popover);

/** The Popover class, as soon as popover-ui.js has run; `load` brings it (see ScriptSlot.get). */
export const popoverClass = (load?: () => Promise<unknown>): Promise<PopoverClass> =>
  slot.get(load);
