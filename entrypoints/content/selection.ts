/**
 * "Explain … with Gloss": resolves the reader's selection (or the text the context menu reported)
 * to a term and says where on screen the popover should point.
 */
import { compile } from '@/glossary/matcher';
import { resolveSelection, type LookupSources } from '@/glossary/lookup';
import { createSearch } from '@/glossary/search';
import type { Catalog } from '@/glossary/catalog';
import type { PopoverContent } from './PopoverView';
import type { Engine } from './engine';

/** Built on first use only: most page views never look anything up. */
const cache = new WeakMap<Catalog, LookupSources>();

function sourcesFor(catalog: Catalog) {
  let sources = cache.get(catalog);
  if (!sources) {
    // Every term, including hidden ones and other categories: the reader asked explicitly.
    const index = createSearch(catalog.terms);
    sources = {
      matcher: compile(catalog.terms),
      search: (query, limit) => index.search(query, limit),
    };
    cache.set(catalog, sources);
  }
  return sources;
}

export function explainSelection(
  engine: Engine,
  reported?: string,
): { content: PopoverContent; anchor: () => DOMRect | null } | null {
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
  const result = resolveSelection(text, sourcesFor(engine.catalog));
  return {
    content:
      result.kind === 'term'
        ? { kind: 'term', stack: [result.termId] }
        : { kind: 'no-match', text },
    anchor,
  };
}
