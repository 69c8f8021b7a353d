/**
 * "Explain … with Gloss": finds the reader's selection (or the text the context menu reported)
 * and says where on screen the popover should point. Which term it means is asked of the
 * background, which holds the fuzzy search: no page pays to load fuse.js for a rare lookup.
 */
import { MAX_LOOKUP_CHARS } from '@/glossary/lookup';
import { send, type Handlers } from '@/utils/messages';
import type { PopoverContent } from './PopoverView';
import type { PageSession } from './session';
import type { TermPopover } from './term-popover';

/** Selection text → term id (or null for no match); null when nobody could answer. */
export type ResolveSelection = (text: string) => Promise<{ termId: string | null } | null>;

export async function explainSelection(
  resolve: ResolveSelection,
  reported?: string,
): Promise<{ content: PopoverContent; anchor: () => DOMRect | null } | null> {
  const selection = getSelection();
  const live = selection && selection.rangeCount > 0 ? selection.toString() : '';
  const text = live.trim() !== '' ? live : (reported ?? '');
  if (text.trim() === '') return null;
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  const rect = range?.getBoundingClientRect();
  if (rect && (rect.bottom < 0 || rect.top > innerHeight)) {
    range!.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }
  const anchor = () => {
    const rect = range?.getClientRects()[0];
    return rect ?? new DOMRect(innerWidth / 2 - 150, 80, 300, 0);
  };
  const answer = await resolve(text.slice(0, MAX_LOOKUP_CHARS));
  if (!answer) return null;
  return {
    content: answer.termId ? { kind: 'term', stack: [answer.termId] } : { kind: 'no-match', text },
    anchor,
  };
}

/** The "Explain … with Gloss" message (context menu and shortcut), for one session. */
export function selectionHandlers(
  session: PageSession,
  popover: TermPopover,
): Pick<Handlers<'tab'>, 'gloss:explain-selection'> {
  const resolve: ResolveSelection = (text) =>
    send('gloss:resolve-selection', { text }).catch(() => null);
  return {
    'gloss:explain-selection': async ({ text }) => {
      const result = await explainSelection(resolve, text);
      if (!result || !session.isValid) return { ok: false, termId: null };
      await popover.openLookup(result.content, result.anchor);
      return {
        ok: true,
        termId: result.content.kind === 'term' ? result.content.stack[0]! : null,
      };
    },
  };
}
