/**
 * The terms of the enabled packs as one catalogue: the first pack (highest priority) that defines a
 * term id owns it. Pure: the content script, popup and glossary page all build it the same way.
 */
import type { Pack, Term } from './schema';

/** The bundled pack's categories, in the order a reader meets them in the glossary. */
export const CATEGORY_ORDER: readonly string[] = [
  'people',
  'doctrine',
  'agreements & initiatives',
  'places',
  'economy & trade',
  'incidents',
  'institutions',
];

export interface CatalogEntry {
  term: Term;
  packId: string;
  packTitle: string;
  asOf: string;
}

export interface CatalogFilter {
  disabledCategories?: readonly string[];
  hiddenTerms?: ReadonlySet<string>;
}

export class Catalog {
  readonly entries = new Map<string, CatalogEntry>();

  constructor(packs: readonly Pack[]) {
    for (const pack of packs) {
      for (const term of pack.terms) {
        if (this.entries.has(term.id)) continue;
        this.entries.set(term.id, {
          term,
          packId: pack.id,
          packTitle: pack.title,
          asOf: pack.asOf,
        });
      }
    }
  }

  get(id: string): CatalogEntry | undefined {
    return this.entries.get(id);
  }

  get terms(): Term[] {
    return [...this.entries.values()].map((entry) => entry.term);
  }

  /** The terms that should be looked for on a page, given the reader's filters. */
  markable(filter: CatalogFilter = {}): Term[] {
    const categories = new Set(filter.disabledCategories ?? []);
    return this.terms.filter(
      (term) => !categories.has(term.category) && !filter.hiddenTerms?.has(term.id),
    );
  }

  get categories(): string[] {
    return [...new Set(this.terms.map((term) => term.category))];
  }
}
