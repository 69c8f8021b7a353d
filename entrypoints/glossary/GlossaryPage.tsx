/**
 * The full glossary: every term of the enabled packs by category, a filter box, a table of
 * contents, and deep links (glossary.html#senkaku-islands, glossary.html?q=senkaku).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { CatalogEntry } from '@/glossary/catalog';
import { CatalogNotice } from '@/components/CatalogNotice';
import { SearchBox } from '@/components/SearchBox';
import { SLOT, Slotted } from '@/components/Slotted';
import { moveActive, optionId } from '@/components/TermList';
import { formatNumber } from '@/utils/ui-locale';
import { useCatalogLoad, type CatalogState } from '@/utils/use-catalog';
import { useSettings, useThemeAttribute } from '@/utils/use-settings';
import { categoryAnchor, groupByCategory } from './categories';
import { Contents, MATCHES_ID } from './Contents';
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
  const load = useCatalogLoad();
  const state = load.status === 'ready' && load.catalog.entries.size > 0 ? load : null;
  const target = useHashTarget();
  const [query, setQuery] = useState(initialQuery);
  const revealed = useRef<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);

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
    setActiveId(null);
    rememberQuery(value);
  };

  if (!state) {
    return (
      <CatalogNotice
        load={load}
        class="glossary-loading gloss-notice"
        onOptions={() => void browser.runtime.openOptionsPage()}
      />
    );
  }

  const lookup = (id: string) => state.catalog.get(id);
  const onRelated = (id: string) => {
    if (filtered && !filtered.some((entry) => entry.term.id === id)) onInput('');
    location.hash = id;
  };
  const entryProps = { lookup, onRelated, targetId: target };
  const active =
    filtered?.find((entry) => entry.term.id === activeId)?.term.id ??
    filtered?.[0]?.term.id ??
    null;
  const onKey = (event: KeyboardEvent) => {
    if (!filtered || filtered.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const items = filtered.map((entry) => ({ id: entry.term.id }));
      setActiveId(moveActive(items, active, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      location.hash = active;
    }
  };
  const packTitles = [...new Set([...state.catalog.entries.values()].map((e) => e.packTitle))];
  const count = state.catalog.entries.size;

  return (
    <div class="glossary">
      <header class="glossary__head">
        <h1 class="glossary__title">
          <Slotted text={i18n.t('glossary.heading', { brand: SLOT })}>
            <span class="glossary__brand">{i18n.t('common.brand')}</span>
          </Slotted>
        </h1>
        <p class="glossary__intro">
          <Slotted
            text={i18n.t('glossary.intro', count, { count: formatNumber(count), packs: SLOT })}
          >
            {packTitles.map((title, i) => (
              <span key={title} lang={packLang(state, title)}>
                {i > 0 && ', '}
                {title}
              </span>
            ))}
          </Slotted>
        </p>
        <div class="glossary__search">
          <SearchBox
            value={query}
            onInput={onInput}
            label={i18n.t('glossary.filterLabel')}
            id="glossary-search"
            autoFocus={!target}
            onKey={onKey}
            controls={MATCHES_ID}
            expanded={!!filtered && filtered.length > 0}
            activeDescendant={active ? optionId(MATCHES_ID, active) : undefined}
          />
        </div>
      </header>
      <div class="glossary__layout">
        <Contents
          groups={groups}
          filtered={filtered}
          activeId={active}
          onActive={setActiveId}
          onChoose={(id) => (location.hash = id)}
        />
        <main class="glossary__main">
          {filtered ? (
            <section aria-labelledby="results-heading">
              <h2 class="glossary__category" id="results-heading" role="status">
                {filtered.length === 0
                  ? i18n.t('glossary.nothingMatches', { query: query.trim() })
                  : i18n.t('glossary.matches', filtered.length, {
                      count: formatNumber(filtered.length),
                      query: query.trim(),
                    })}
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
                <h2
                  class="glossary__category"
                  id={`${categoryAnchor(group.category)}-heading`}
                  lang={group.entries[0]?.language}
                >
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

function packLang(state: CatalogState, packTitle: string): string | undefined {
  for (const entry of state.catalog.entries.values())
    if (entry.packTitle === packTitle) return entry.language;
  return undefined;
}
