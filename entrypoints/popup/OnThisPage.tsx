/** The empty-query view: the terms Gloss marked on the tab's page, in reading order, with counts. */
import { i18n } from '#i18n';
import { TermList, type TermListItem } from '@/components/TermList';
import type { Catalog } from '@/glossary/catalog';
import type { PageTermsState } from './usePageTerms';

export const PAGE_LIST_ID = 'gloss-page-terms';

/** The catalog, when loaded, tells each term's pack language. */
export function pageItems(state: PageTermsState, catalog?: Catalog): TermListItem[] {
  if (state.status !== 'ready') return [];
  return state.terms.map((t) => ({
    id: t.termId,
    title: t.title,
    category: t.category,
    count: t.count,
    lang: catalog?.get(t.termId)?.language,
  }));
}

export interface OnThisPageProps {
  state: PageTermsState;
  activeId: string | null;
  onActive(id: string): void;
  onChoose(id: string): void;
  catalog?: Catalog;
}

export function OnThisPage(props: OnThisPageProps) {
  return (
    <section class="popup-section" aria-labelledby="on-this-page">
      <h2 class="popup-section__title" id="on-this-page">
        {i18n.t('popup.onThisPage')}
      </h2>
      <PageBody {...props} />
    </section>
  );
}

function PageBody({ state, activeId, onActive, onChoose, catalog }: OnThisPageProps) {
  switch (state.status) {
    case 'loading':
      return <p class="popup-note">{i18n.t('popup.lookingAtPage')}</p>;
    case 'unreachable':
      return (
        <p class="popup-note" role="status">
          {i18n.t('popup.unreachable')}
        </p>
      );
    case 'off':
      return (
        <p class="popup-note" role="status">
          {i18n.t('popup.siteOff')}
        </p>
      );
    case 'ready':
      return state.terms.length === 0 ? (
        <p class="popup-note" role="status">
          {i18n.t('popup.noTermsOnPage')}
        </p>
      ) : (
        <TermList
          id={PAGE_LIST_ID}
          label={i18n.t('popup.pageTermsLabel')}
          items={pageItems(state, catalog)}
          activeId={activeId}
          onActive={onActive}
          onChoose={onChoose}
        />
      );
  }
}
