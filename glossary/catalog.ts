/**
 * The terms of the enabled packs as one catalogue: the first pack (highest priority) that defines a
 * term id owns it. Pure: the content script, popup and glossary page all build it the same way.
 */
import type { Pack, Term } from './schema';

export interface CatalogEntry {
  term: Term;
  packId: string;
  packTitle: string;
  /** The pack's language tag: every element showing this term's text carries it as `lang`. */
  language: string;
  asOf: string;
  /** The pack's heading over quoted passages ("In the essay"), when it names one. */
  quoteLabel?: string;
}

export interface CatalogFilter {
  disabledCategories?: readonly string[];
  hiddenTerms?: ReadonlySet<string>;
}

export class Catalog {
  readonly entries = new Map<string, CatalogEntry>();
  /** Categories in the order the packs give them (highest-priority pack first), without repeats. */
  readonly categoryOrder: readonly string[];
  /** Each pack's source text, for "Read in context" (packs without one are absent). */
  readonly sourceTexts = new Map<string, string>();
  /** The topic words of every enabled pack (topic-words.ts), in pack order. */
  readonly topicWords: readonly string[];

  constructor(packs: readonly Pack[]) {
    this.categoryOrder = [...new Set(packs.flatMap((pack) => pack.categories ?? []))];
    this.topicWords = packs.flatMap((pack) => pack.topicWords ?? []);
    for (const pack of packs) {
      if (pack.sourceText) this.sourceTexts.set(pack.id, pack.sourceText);
      for (const term of pack.terms) {
        if (this.entries.has(term.id)) continue;
        this.entries.set(term.id, {
          term,
          packId: pack.id,
          packTitle: pack.title,
          language: pack.language,
          asOf: pack.asOf,
          ...(pack.quoteLabel ? { quoteLabel: pack.quoteLabel } : {}),
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
