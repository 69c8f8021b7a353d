/** The popup's "On this page": the terms found, in reading order, with their mention counts. */
import type { Handlers, PageTerm } from '@/utils/messages';
import type { Engine } from './engine';

export function pageTerms(engine: Engine): PageTerm[] {
  return engine.store.mentions().flatMap(({ termId, count }) => {
    const entry = engine.catalog.get(termId);
    return entry ? [{ termId, title: entry.term.title, category: entry.term.category, count }] : [];
  });
}

/** Answers the popup for a page where Gloss is on (`engine`) or off (null). */
export function pageTermsHandler(engine: Engine | null): Pick<Handlers<'tab'>, 'gloss:page-terms'> {
  // The popup has no `tabs` permission, so the page tells it which site it is.
  const host = location.hostname;
  return {
    'gloss:page-terms': () => ({
      on: engine !== null,
      host,
      terms: engine ? pageTerms(engine) : [],
    }),
  };
}
