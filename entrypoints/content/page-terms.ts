/** The popup's "On this page": the terms found, in reading order, with their mention counts. */
import type { PageTerm } from '@/utils/messages';
import type { Engine } from './engine';

export function pageTerms(engine: Engine): PageTerm[] {
  return engine.store.mentions().flatMap(({ termId, count }) => {
    const entry = engine.catalog.get(termId);
    return entry ? [{ termId, title: entry.term.title, category: entry.term.category, count }] : [];
  });
}
