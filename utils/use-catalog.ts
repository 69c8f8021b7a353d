/**
 * The enabled packs as a Catalog plus a search over it, for extension pages. Reloads when the pack
 * list changes (a pack imported or switched off in the options page).
 */
import { useEffect, useState } from 'preact/hooks';
import { Catalog } from '@/glossary/catalog';
import { createSearchFor, type TermSearch } from '@/glossary/search-narrow';
import { loadEnabledPacks, watchPacks } from './packs';

export interface CatalogState {
  catalog: Catalog;
  search: TermSearch;
}

export async function loadCatalog(): Promise<CatalogState> {
  const catalog = new Catalog(await loadEnabledPacks());
  return { catalog, search: createSearchFor(catalog.terms) };
}

/** null while loading. */
export function useCatalog(): CatalogState | null {
  const [state, setState] = useState<CatalogState | null>(null);
  useEffect(() => {
    let generation = 0;
    const load = () => {
      const mine = ++generation;
      void loadCatalog().then((next) => {
        if (mine !== generation) return;
        setState(next);
        // A big pack's search index takes a moment to build: do it before the first keystroke.
        setTimeout(() => next.search.prepare?.(), 50);
      });
    };
    load();
    const unwatch = watchPacks(load);
    return () => {
      generation = -1;
      unwatch();
    };
  }, []);
  return state;
}
