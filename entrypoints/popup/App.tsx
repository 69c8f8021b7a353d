/**
 * The toolbar popup: search the glossary, or with an empty query see the terms on this page; one
 * switch for this site. Reads storage and talks to the tab; the components below only render.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { CatalogNotice, catalogNotice } from '@/components/CatalogNotice';
import { SearchBox } from '@/components/SearchBox';
import { TermCard } from '@/components/TermCard';
import { moveActive, optionId, TermList, type TermListItem } from '@/components/TermList';
import { useCatalogLoad } from '@/utils/use-catalog';
import { useSettings, useThemeAttribute } from '@/utils/use-settings';
import { OnThisPage, PAGE_LIST_ID, pageItems } from './OnThisPage';
import { SiteSwitch } from './SiteSwitch';
import { sendToTab } from '@/utils/messages';
import { hostOf, usePageTerms } from './usePageTerms';

const RESULTS_LIST_ID = 'gloss-results';

/** Keyboard readers land on the card's back button, one Enter away from where they were. */
function focusBack(element: HTMLElement | null) {
  element?.querySelector<HTMLElement>('.gloss-card__back')?.focus();
}

function openOptions() {
  void browser.runtime.openOptionsPage().then(() => window.close());
}

function openTab(path: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/glossary.html') });
  window.close();
}

export function App() {
  const settings = useSettings();
  useThemeAttribute(settings);
  const load = useCatalogLoad();
  const catalog = load.status === 'ready' ? load : null;
  // Loading is said only where a search waits for it; a failure or no packs is said at once.
  const notice = load.status === 'loading' ? null : catalogNotice(load);
  const page = usePageTerms(settings ? `${settings.enabled} ${settings.disabledSites}` : undefined);
  const host = hostOf(page);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  /** The card being read, and the cards it was reached from (related terms). */
  const [trail, setTrail] = useState<string[]>([]);
  const searchRef = useRef<HTMLDivElement>(null);

  const results: TermListItem[] = useMemo(() => {
    if (!catalog || query.trim() === '') return [];
    return catalog.search.search(query, 12).map(({ term }) => ({
      id: term.id,
      title: term.title,
      category: term.category,
      detail: term.summary,
      lang: catalog.catalog.get(term.id)?.language,
    }));
  }, [catalog, query]);

  const searching = query.trim() !== '';
  const items = notice ? [] : searching ? results : pageItems(page, catalog?.catalog);
  const listId = searching ? RESULTS_LIST_ID : PAGE_LIST_ID;
  const active = items.some((item) => item.id === activeId) ? activeId : (items[0]?.id ?? null);

  const openCard = (id: string) => setTrail([id]);
  const reveal = (termId: string) => {
    if (page.status !== 'ready') return;
    void sendToTab(page.tab.id, 'gloss:reveal-term', { termId })
      .catch(() => undefined)
      .finally(() => window.close());
  };
  const choose = searching ? openCard : reveal;

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveId(moveActive(items, active, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      choose(active);
    }
  };

  const backToResults = () => {
    setTrail([]);
    // The search field is gone while a card shows; give it focus back once it returns.
    setTimeout(() => searchRef.current?.querySelector('input')?.focus());
  };

  const cardId = trail[trail.length - 1];
  const card = cardId ? catalog?.catalog.get(cardId) : undefined;
  if (card && catalog) {
    const previous = trail.length > 1 ? catalog.catalog.get(trail[trail.length - 2]!) : undefined;
    return (
      <div class="popup popup--card" ref={focusBack}>
        <TermCard
          key={card.term.id}
          entry={card}
          lookup={(id) => catalog.catalog.get(id)}
          onRelated={(id) => setTrail([...trail, id])}
          onBack={previous ? () => setTrail(trail.slice(0, -1)) : backToResults}
          backLabel={previous ? previous.term.title : undefined}
          onOpenGlossary={(id) => openTab(`/glossary.html#${encodeURIComponent(id)}`)}
          headingId="popup-card-title"
          compact
        />
      </div>
    );
  }

  return (
    <div class="popup">
      <header class="popup__head">
        <span class="popup__brand">{i18n.t('common.brand')}</span>
        <SiteSwitch host={host} settings={settings} />
      </header>
      <div ref={searchRef}>
        <SearchBox
          value={query}
          onInput={(value) => {
            setQuery(value);
            setActiveId(null);
          }}
          onKey={onKey}
          autoFocus
          controls={listId}
          expanded={items.length > 0}
          activeDescendant={active ? optionId(listId, active) : undefined}
        />
      </div>
      <main class="popup__body">
        {notice ? (
          <CatalogNotice load={load} class="popup-note gloss-notice" onOptions={openOptions} />
        ) : searching ? (
          <section class="popup-section" aria-label={i18n.t('search.resultsLabel')}>
            {!catalog ? (
              <p class="popup-note">{i18n.t('common.loadingGlossary')}</p>
            ) : results.length === 0 ? (
              <p class="popup-note" role="status">
                {i18n.t('search.noMatch', { query: query.trim() })}
              </p>
            ) : (
              <TermList
                id={RESULTS_LIST_ID}
                label={i18n.t('search.resultsLabel')}
                items={results}
                activeId={active}
                onActive={setActiveId}
                onChoose={openCard}
              />
            )}
          </section>
        ) : (
          <OnThisPage
            state={page}
            activeId={active}
            onActive={setActiveId}
            onChoose={reveal}
            catalog={catalog?.catalog}
          />
        )}
      </main>
      <footer class="popup__foot">
        <a
          class="popup-link"
          href="/glossary.html"
          onClick={(event) => {
            event.preventDefault();
            openTab('/glossary.html');
          }}
        >
          {i18n.t('popup.fullGlossary')}
        </a>
        <a
          class="popup-link"
          href="/options.html"
          onClick={(event) => {
            event.preventDefault();
            openOptions();
          }}
        >
          {i18n.t('popup.options')}
        </a>
      </footer>
    </div>
  );
}
