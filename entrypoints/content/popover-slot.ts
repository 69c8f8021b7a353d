/**
 * The popover's code (Preact, floating-ui, the term card: a third of Gloss's page-side code) comes
 * in a content script of its own, `popover-ui.js`, listed after the main one (see
 * utils/script-slot.ts for why and how).
 */
import { scriptSlot } from '@/utils/script-slot';
import type { Popover } from './popover';

export type PopoverClass = typeof Popover;

const slot = scriptSlot<PopoverClass>('__glossPopoverClass');

/** Called by popover-ui.js. */
export const providePopover = (popover: PopoverClass): void => slot.provide(popover);

/** The Popover class, as soon as popover-ui.js has run. */
export const popoverClass = (): Promise<PopoverClass> => slot.get();
