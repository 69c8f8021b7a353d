/**
 * Walking through the page's terms from the keyboard (the next/previous commands) and from the
 * popup's "On this page" list: the mention is scrolled into view and its popover opens with
 * keyboard focus in it (highlights cannot take focus themselves).
 */
import type { Handlers } from '@/utils/messages';
import type { Engine } from './engine';
import type { Occurrence } from './marks';
import { firstRect, type TermPopover } from './term-popover';

export function keyHandlers(
  engine: Engine,
  popover: TermPopover,
): Pick<Handlers<'tab'>, 'gloss:step' | 'gloss:reveal-term'> {
  const reveal = (occurrence: Occurrence) => {
    const el = occurrence.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    popover.openMention(occurrence, () => firstRect(occurrence), true, true);
  };
  return {
    'gloss:step': ({ direction }) => {
      // Every mention in the story answers, not only the drawn ones.
      const marks = engine.mentions();
      if (marks.length === 0) return { ok: false };
      const index = startIndex(marks, popover.current, direction);
      reveal(marks[(index + direction + marks.length) % marks.length]!);
      return { ok: true };
    },
    'gloss:reveal-term': ({ termId }) => {
      const occurrence = engine.mentions().find((o) => o.termId === termId);
      if (occurrence) reveal(occurrence);
      return { ok: occurrence !== undefined };
    },
  };
}

/**
 * Where a step starts: from the open mention, else from what the reader is looking at (the first
 * mention below the top of the viewport), so that "next" never jumps back to the top.
 */
function startIndex(marks: Occurrence[], current: Occurrence | null, direction: 1 | -1): number {
  const index = current ? marks.indexOf(current) : -1;
  if (index !== -1) return index;
  const below = marks.findIndex((o) => (firstRect(o)?.top ?? -1) >= 0);
  if (direction === 1) return (below === -1 ? marks.length : below) - 1;
  return below === -1 ? marks.length : below;
}
