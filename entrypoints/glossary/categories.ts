/** The glossary's reading order: categories in the order the packs give, then the others, A–Z. */
import type { CatalogEntry } from '@/glossary/catalog';

export interface CategoryGroup {
  category: string;
  entries: CatalogEntry[];
}

/**
 * Groups keep the catalogue's order of terms within each category; `order` is the catalogue's
 * `categoryOrder` (matched without regard to case).
 */
export function groupByCategory(
  entries: Iterable<CatalogEntry>,
  order: readonly string[] = [],
): CategoryGroup[] {
  const lower = order.map((category) => category.toLowerCase());
  const rank = (category: string) => {
    const index = lower.indexOf(category.toLowerCase());
    return index === -1 ? lower.length : index;
  };
  const groups = new Map<string, CatalogEntry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.term.category);
    if (list) list.push(entry);
    else groups.set(entry.term.category, [entry]);
  }
  return [...groups]
    .map(([category, list]) => ({ category, entries: list }))
    .sort((a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category));
}

/** A safe element id for a category heading. */
export function categoryAnchor(category: string): string {
  return `category-${category
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}
