/**
 * The page's one popover, for one page session: it opens for a mention (hover, keys, the popup's
 * list) or for a selection lookup, remembers which mention it shows, and goes away with the
 * session. Its code arrives in its own content script (see lazy-popover.ts).
 */
import { send } from '@/utils/messages';
import { updateSettings, type Settings } from '@/utils/settings';
import type { Engine } from './engine';
import { rectAt, toRange } from './hit-test';
import { LazyPopover } from './lazy-popover';
import type { Occurrence } from './marks';
import type { PopoverContent } from './PopoverView';
import type { PageSession } from './session';

/** What the hover logic hears from the popover. */
export interface PopoverListener {
  pointerEnter(): void;
  pointerLeave(): void;
  /** A mention's popover opened by any means (null: it closed, or a lookup opened instead). */
  shown(occurrence: Occurrence | null, pinned: boolean): void;
}

export type Anchor = () => DOMRect | null;

export class TermPopover {
  /** The mention whose popover is open. */
  current: Occurrence | null = null;
  private readonly popover: LazyPopover;
  private listener: PopoverListener | null = null;

  constructor(
    session: PageSession,
    private readonly engine: Engine,
    settings: () => Settings,
  ) {
    const host = location.hostname;
    this.popover = new LazyPopover(session.ctx, {
      lookup: (id) => engine.catalog.get(id),
      onOpenGlossary: (termId, query) =>
        void send('gloss:open-glossary', { termId, query }).catch(() => undefined),
      onHide: (termId, scope) => void hideTerm(termId, scope, host),
      onPointerEnter: () => this.listener?.pointerEnter(),
      onPointerLeave: () => this.listener?.pointerLeave(),
      onClosed: () => this.closed(),
      themeSetting: () => settings().theme,
    });
    engine.onChange(() => {
      if (this.current && !engine.store.isPresent(this.current)) this.popover.hide();
    });
    session.onAbort(() => this.popover.dispose());
  }

  listen(listener: PopoverListener): void {
    this.listener = listener;
  }

  get isOpen(): boolean {
    return this.popover.isOpen;
  }

  contains(target: EventTarget | null): boolean {
    return this.popover.contains(target);
  }

  /** Opens a mention's card next to `anchor`; `focus` moves keyboard focus into it. */
  openMention(occurrence: Occurrence, anchor: Anchor, pinned: boolean, focus: boolean): void {
    this.current = occurrence;
    this.engine.layer.setActive(occurrence);
    this.listener?.shown(occurrence, pinned);
    void this.popover.show(cardFor(occurrence), { anchor, focus, owner: occurrence });
  }

  /** Opens a lookup's answer (a card or "no match") with keyboard focus in it. */
  async openLookup(content: PopoverContent, anchor: Anchor): Promise<void> {
    this.current = null;
    this.engine.layer.setActive(null);
    this.listener?.shown(null, true);
    await this.popover.show(content, { anchor, focus: true });
  }

  /** Renders a hovered mention's card unseen before the dwell ends (see hover.ts). */
  /** Brings the popover's code and builds its UI, if not done yet (see LazyPopover.warm). */
  warm(): void {
    this.popover.warm();
  }

  prime(occurrence: Occurrence, anchor: Anchor): void {
    this.popover.prime(cardFor(occurrence), { anchor, owner: occurrence });
  }

  unprime(): void {
    this.popover.unprime();
  }

  hide(restoreFocus = false): void {
    this.popover.hide(restoreFocus);
  }

  private closed(): void {
    this.current = null;
    this.engine.layer.setActive(null);
    this.listener?.shown(null, false);
  }
}

function cardFor(occurrence: Occurrence): PopoverContent {
  return { kind: 'term', stack: [occurrence.termId] };
}

/** The mention's first line box on screen; null when it left the document. */
export function firstRect(occurrence: Occurrence): DOMRect | null {
  try {
    return toRange(occurrence.range).getClientRects()[0] ?? null;
  } catch {
    return null;
  }
}

/** The line box of the mention under `point` (a term can wrap over lines). */
export function anchorAt(occurrence: Occurrence, point: { x: number; y: number }): Anchor {
  return () => rectAt(occurrence.range, point.x, point.y) ?? firstRect(occurrence);
}

/** "Don't mark this term": on this site, or everywhere. */
function hideTerm(termId: string, scope: 'site' | 'everywhere', host: string): Promise<unknown> {
  return updateSettings((s) => {
    if (scope === 'everywhere') s.hiddenTerms = [...new Set([...s.hiddenTerms, termId])];
    else {
      const here = s.hiddenTermsBySite[host] ?? [];
      s.hiddenTermsBySite = { ...s.hiddenTermsBySite, [host]: [...new Set([...here, termId])] };
    }
  });
}
