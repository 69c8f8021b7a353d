/** The glossary's reading order: categories in a fixed sequence, then any a pack adds, A–Z. */
import { CATEGORY_ORDER, type CatalogEntry } from '@/glossary/catalog';

export interface CategoryGroup {
  category: string;
  entries: CatalogEntry[];
}

function rank(category: string): number {
  const index = CATEGORY_ORDER.indexOf(category.toLowerCase());
  return index === -1 ? CATEGORY_ORDER.length : index;
}

/** Groups keep the catalogue's order of terms within each category. */
export function groupByCategory(entries: Iterable<CatalogEntry>): CategoryGroup[] {
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
