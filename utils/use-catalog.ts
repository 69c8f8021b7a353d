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

/** A page says which of these it is in: a catalog that failed to load is not "loading" forever. */
export type CatalogLoad =
  | { status: 'loading' }
  | { status: 'error'; reason: string }
  | ({ status: 'ready' } & CatalogState);

export async function loadCatalog(): Promise<CatalogState> {
  const catalog = new Catalog(await loadEnabledPacks());
  return { catalog, search: createSearchFor(catalog.terms) };
}

export function useCatalogLoad(): CatalogLoad {
  const [state, setState] = useState<CatalogLoad>({ status: 'loading' });
  useEffect(() => {
    let generation = 0;
    const load = () => {
      const mine = ++generation;
      loadCatalog().then(
        (next) => {
          if (mine !== generation) return;
          setState({ status: 'ready', ...next });
          // A big pack's search index takes a moment to build: do it before the first keystroke.
          setTimeout(() => next.search.prepare?.(), 50);
        },
        (error: unknown) => {
          if (mine !== generation) return;
          console.warn('Gloss: the glossary could not be loaded', error);
          setState({
            status: 'error',
            reason: error instanceof Error ? error.message : String(error),
          });
        },
      );
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

/** null while loading or when it failed. */
export function useCatalog(): CatalogState | null {
  const load = useCatalogLoad();
  return load.status === 'ready' ? load : null;
}
