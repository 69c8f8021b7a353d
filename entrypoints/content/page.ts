/**
 * The reader-facing side of the content script: hover, keys and lookups open the one popover;
 * messages from the popup and background are answered here. The engine does the marking.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import {
  parseResolvedSelection,
  parseTabMessage,
  type TabMessage,
  type TabReplies,
} from '@/utils/messages';
import { updateSettings, type Settings } from '@/utils/settings';
import type { Engine } from './engine';
import { HoverIntent } from './hover';
import { LazyPopover } from './lazy-popover';
import { rectAt, toRange } from './hit-test';
import type { Occurrence } from './marks';
import { explainSelection, type ResolveSelection } from './selection';
import { pageTerms } from './page-terms';

export interface PageController {
  attach(engine: Engine): void;
  settingsChanged(settings: Settings): void;
}

export function initPage(
  ctx: ContentScriptContext,
  getEngine: () => Engine | null,
  getSettings: () => Settings,
): PageController {
  let current: Occurrence | null = null;
  const host = location.hostname;

  const popover = new LazyPopover(ctx, {
    lookup: (id) => getEngine()?.catalog.get(id),
    onOpenGlossary: (termId, query) =>
      void browser.runtime
        .sendMessage({
          type: 'gloss:open-glossary',
          ...(termId ? { termId } : {}),
          ...(query ? { query } : {}),
        })
        .catch(() => undefined),
    onHide: (termId, scope) =>
      void updateSettings((s) => {
        if (scope === 'everywhere') s.hiddenTerms = [...new Set([...s.hiddenTerms, termId])];
        else {
          const here = s.hiddenTermsBySite[host] ?? [];
          s.hiddenTermsBySite = { ...s.hiddenTermsBySite, [host]: [...new Set([...here, termId])] };
        }
      }),
    onPointerEnter: () => hover.pointerEnteredPopover(),
    onPointerLeave: () => hover.pointerLeftPopover(),
    onClosed: () => {
      current = null;
      getEngine()?.layer.setActive(null);
      hover.setShown(null, false);
    },
    themeSetting: () => getSettings().theme,
  });

  const open = (
    occurrence: Occurrence,
    anchor: () => DOMRect | null,
    pinned: boolean,
    focus: boolean,
  ) => {
    current = occurrence;
    getEngine()?.layer.setActive(occurrence);
    hover.setShown(occurrence, pinned);
    void popover.show(
      { kind: 'term', stack: [occurrence.termId] },
      { anchor, focus, owner: occurrence },
    );
  };
  const anchorAt = (occurrence: Occurrence, point: { x: number; y: number }) => () =>
    rectAt(occurrence.range, point.x, point.y) ?? firstRect(occurrence);

  const hover = new HoverIntent(ctx, {
    at: (x, y) => getEngine()?.hits.at(x, y) ?? null,
    dwellMs: () => getSettings().hoverDelayMs,
    open: (occurrence, point, pinned) =>
      open(occurrence, anchorAt(occurrence, point), pinned, false),
    prime: (occurrence, point) =>
      popover.prime(
        { kind: 'term', stack: [occurrence.termId] },
        { anchor: anchorAt(occurrence, point), owner: occurrence },
      ),
    unprime: () => popover.unprime(),
    close: () => popover.hide(true),
    isOpen: () => popover.isOpen,
    inPopover: (target) => popover.contains(target),
  });

  /** Scrolls a mark into view and opens its popover with keyboard focus in it. */
  const reveal = (occurrence: Occurrence) => {
    const el = occurrence.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    open(occurrence, () => firstRect(occurrence), true, true);
  };

  const resolveSelection: ResolveSelection = (text) =>
    browser.runtime
      .sendMessage({ type: 'gloss:resolve-selection', text })
      .then(parseResolvedSelection, () => null);

  const step = (direction: 1 | -1): boolean => {
    const marks = getEngine()?.marks() ?? [];
    if (marks.length === 0) return false;
    let index = current ? marks.indexOf(current) : -1;
    if (index === -1) {
      // Start from what the reader is looking at: the first mark below the top of the viewport.
      const below = marks.findIndex((o) => (firstRect(o)?.top ?? -1) >= 0);
      index =
        direction === 1
          ? (below === -1 ? marks.length : below) - 1
          : below === -1
            ? marks.length
            : below;
    }
    const next = marks[(index + direction + marks.length) % marks.length]!;
    reveal(next);
    return true;
  };

  const handle = async (message: TabMessage): Promise<TabReplies[TabMessage['type']]> => {
    const engine = getEngine();
    switch (message.type) {
      case 'gloss:page-terms':
        // The popup has no `tabs` permission, so the page tells it which site it is.
        return { on: engine !== null, host, terms: engine ? pageTerms(engine) : [] };
      case 'gloss:reveal-term': {
        const occurrence = engine?.marks().find((o) => o.termId === message.termId);
        if (occurrence) reveal(occurrence);
        return { ok: occurrence !== undefined };
      }
      case 'gloss:step':
        return { ok: step(message.direction) };
      case 'gloss:explain-selection': {
        if (!engine) return { ok: false, termId: null };
        const result = await explainSelection(resolveSelection, message.text);
        if (!result || !getEngine()) return { ok: false, termId: null };
        current = null;
        engine.layer.setActive(null);
        hover.setShown(null, true);
        await popover.show(result.content, { anchor: result.anchor, focus: true });
        return {
          ok: true,
          termId: result.content.kind === 'term' ? result.content.stack[0]! : null,
        };
      }
    }
  };

  const onMessage = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    const message = parseTabMessage(raw, sender, browser.runtime.id);
    if (!message) return undefined;
    // Only the top frame answers for the tab, so the sender gets one reply.
    if (window !== window.top) return undefined;
    return handle(message);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    popover.hide();
  });

  return {
    attach(engine) {
      // Build the popover's shadow root while the page is idle; it is appended on first use.
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void })
        .requestIdleCallback;
      if (idle) idle(() => void popover.prepare());
      else ctx.setTimeout(() => void popover.prepare(), 500);
      engine.onChange(() => {
        if (current && !engine.store.isShown(current)) popover.hide();
      });
    },
    settingsChanged(settings) {
      if (!settings.enabled) popover.hide();
    },
  };
}

function firstRect(occurrence: Occurrence): DOMRect | null {
  try {
    return toRange(occurrence.range).getClientRects()[0] ?? null;
  } catch {
    return null;
  }
}
