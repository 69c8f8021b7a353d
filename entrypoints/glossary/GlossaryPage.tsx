/**
 * The full glossary: every term of the enabled packs by category, a filter box, a table of
 * contents, and deep links (glossary.html#senkaku-islands, glossary.html?q=senkaku).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CatalogEntry } from '@/glossary/catalog';
import { SearchBox } from '@/components/SearchBox';
import { useCatalog, type CatalogState } from '@/utils/use-catalog';
import { useSettings, useThemeAttribute } from '@/utils/use-settings';
import { categoryAnchor, groupByCategory } from './categories';
import { Contents } from './Contents';
import { GlossaryEntry } from './GlossaryEntry';
import { revealElement, useHashTarget } from './useHashTarget';

/** Everything that matches, not a top ten: the page is a filter, not a picker. */
const FILTER_LIMIT = 500;

function initialQuery(): string {
  return new URLSearchParams(location.search).get('q') ?? '';
}

/** Keeps ?q= in the address so a filtered view can be bookmarked or shared. */
function rememberQuery(query: string) {
  const url = new URL(location.href);
  if (query.trim() === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  history.replaceState(history.state, '', url);
}

function matches(state: CatalogState, query: string): CatalogEntry[] {
  return state.search
    .search(query, FILTER_LIMIT)
    .flatMap(({ term }) => state.catalog.get(term.id) ?? []);
}

export function GlossaryPage() {
  useThemeAttribute(useSettings());
  const state = useCatalog();
  const target = useHashTarget();
  const [query, setQuery] = useState(initialQuery);
  const revealed = useRef<string | null>(null);

  const filtered = useMemo(
    () => (state && query.trim() !== '' ? matches(state, query) : null),
    [state, query],
  );
  const groups = useMemo(
    () =>
      state ? groupByCategory(state.catalog.entries.values(), state.catalog.categoryOrder) : [],
    [state],
  );

  // A deep link to a term the filter hides clears the filter: the link wins.
  useEffect(() => {
    if (target && filtered && !filtered.some((entry) => entry.term.id === target)) {
      const known = state?.catalog.get(target);
      if (known) setQuery('');
    }
  }, [target]);

  useEffect(() => {
    if (!state || !target) return;
    const first = revealed.current === null;
    if (revealElement(target, !first)) revealed.current = target;
  }, [state, target, filtered]);

  const onInput = (value: string) => {
    setQuery(value);
    rememberQuery(value);
  };

  if (!state) return <p class="glossary-loading">Loading the glossary…</p>;

  const lookup = (id: string) => state.catalog.get(id);
  const onRelated = (id: string) => {
    if (filtered && !filtered.some((entry) => entry.term.id === id)) onInput('');
    location.hash = id;
  };
  const entryProps = { lookup, onRelated, targetId: target };

  return (
    <div class="glossary">
      <header class="glossary__head">
        <h1 class="glossary__title">
          <span class="glossary__brand">Gloss</span> glossary
        </h1>
        <p class="glossary__intro">
          {state.catalog.entries.size} terms from{' '}
          {[...new Set([...state.catalog.entries.values()].map((e) => e.packTitle))].join(', ')}
        </p>
        <div class="glossary__search">
          <SearchBox
            value={query}
            onInput={onInput}
            label="Filter the glossary"
            placeholder="Term, name or 漢字 — typos are fine"
            id="glossary-search"
            autoFocus={!target}
          />
        </div>
      </header>
      <div class="glossary__layout">
        <Contents groups={groups} filtered={filtered} />
        <main class="glossary__main">
          {filtered ? (
            <section aria-labelledby="results-heading">
              <h2 class="glossary__category" id="results-heading" role="status">
                {filtered.length === 0
                  ? `Nothing matches “${query.trim()}”`
                  : `${filtered.length} ${filtered.length === 1 ? 'term matches' : 'terms match'} “${query.trim()}”`}
              </h2>
              {filtered.map((entry) => (
                <GlossaryEntry
                  key={entry.term.id}
                  entry={entry}
                  sourceText={state.catalog.sourceTexts.get(entry.packId)}
                  {...entryProps}
                />
              ))}
            </section>
          ) : (
            groups.map((group) => (
              <section
                key={group.category}
                id={categoryAnchor(group.category)}
                aria-labelledby={`${categoryAnchor(group.category)}-heading`}
              >
                <h2 class="glossary__category" id={`${categoryAnchor(group.category)}-heading`}>
                  {group.category}
                </h2>
                {group.entries.map((entry) => (
                  <GlossaryEntry
                    key={entry.term.id}
                    entry={entry}
                    sourceText={state.catalog.sourceTexts.get(entry.packId)}
                    {...entryProps}
                  />
                ))}
              </section>
            ))
          )}
        </main>
      </div>
    </div>
  );
}
