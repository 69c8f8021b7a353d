/** The empty-query view: the terms Gloss marked on the tab's page, in reading order, with counts. */
import { TermList, type TermListItem } from '@/components/TermList';
import type { PageTermsState } from './usePageTerms';

export const PAGE_LIST_ID = 'gloss-page-terms';

export function pageItems(state: PageTermsState): TermListItem[] {
  if (state.status !== 'ready') return [];
  return state.terms.map((t) => ({
    id: t.termId,
    title: t.title,
    category: t.category,
    count: t.count,
  }));
}

export interface OnThisPageProps {
  state: PageTermsState;
  activeId: string | null;
  onActive(id: string): void;
  onChoose(id: string): void;
}

export function OnThisPage({ state, activeId, onActive, onChoose }: OnThisPageProps) {
  return (
    <section class="popup-section" aria-labelledby="on-this-page">
      <h2 class="popup-section__title" id="on-this-page">
        On this page
      </h2>
      <PageBody state={state} activeId={activeId} onActive={onActive} onChoose={onChoose} />
    </section>
  );
}

function PageBody({ state, activeId, onActive, onChoose }: OnThisPageProps) {
  switch (state.status) {
    case 'loading':
      return <p class="popup-note">Looking at the page…</p>;
    case 'unreachable':
      return (
        <p class="popup-note" role="status">
          Gloss can’t read this page (browser and store pages are off limits to extensions).
        </p>
      );
    case 'off':
      return (
        <p class="popup-note" role="status">
          Gloss is off on this site. Switch it on above to mark its glossary terms.
        </p>
      );
    case 'ready':
      return state.terms.length === 0 ? (
        <p class="popup-note" role="status">
          No glossary terms found on this page.
        </p>
      ) : (
        <TermList
          id={PAGE_LIST_ID}
          label="Glossary terms on this page"
          items={pageItems(state)}
          activeId={activeId}
          onActive={onActive}
          onChoose={onChoose}
        />
      );
  }
}
