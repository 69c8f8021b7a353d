/**
 * Glossary search for the popup and options page: forgiving of typos, partial words, other
 * names and other scripts. Pure TypeScript so it runs anywhere (tests, worker, UI).
 */
import Fuse from 'fuse.js';
import { searchKey } from './normalize';
import { aliasText, type Term } from './schema';

export type SearchHit = { term: Term; score: number };

export type GlossarySearch = { search(query: string, limit?: number): SearchHit[] };

/**
 * One index entry per title, alias or summary instead of one per term. Fuse multiplies the
 * scores of every matching value in a record, so a term with many similar aliases would
 * outrank the term whose single alias is the exact word the reader typed.
 */
type Entry = { term: number; title?: string; alias?: string; summary?: string };

const DEFAULT_LIMIT = 10;

export function createSearch(terms: readonly Term[]): GlossarySearch {
  const entries: Entry[] = [];
  const exact = new Map<string, number>();
  terms.forEach((term, i) => {
    const aliases = term.aliases.map(aliasText);
    entries.push({ term: i, title: term.title }, { term: i, summary: term.summary });
    for (const alias of aliases) entries.push({ term: i, alias });
    for (const name of [term.title, ...aliases]) {
      const key = searchKey(name);
      // First term wins, so a deliberately shared alias resolves in pack order.
      if (!exact.has(key)) exact.set(key, i);
    }
  });

  const fuse = new Fuse(entries, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'alias', weight: 3 },
      // Summaries find a term by what it is about ("fukushima"), but must not outrank names.
      { name: 'summary', weight: 0.5 },
    ],
    includeScore: true,
    ignoreDiacritics: true,
    // Readers type a fragment of a long name ("acces agreement"); where it sits does not matter.
    ignoreLocation: true,
    // Low enough that nonsense finds nothing; high enough for a typo or two in a name.
    threshold: 0.3,
    // Each word of the query is matched on its own, so word order does not matter.
    useExtendedSearch: true,
  });

  return {
    search(query, limit = DEFAULT_LIMIT) {
      const q = query.trim();
      if (q === '' || limit <= 0) return [];
      const best = new Map<number, number>();
      const exactTerm = exact.get(searchKey(q));
      if (exactTerm !== undefined) best.set(exactTerm, 0);
      // Extended-search operators (!, ^, =, ', $, |) are not for readers; they become spaces.
      const words = q.replace(/[!^='"$|]/g, ' ').trim();
      for (const { item, score = 1 } of words === '' ? [] : fuse.search(words)) {
        const previous = best.get(item.term);
        if (previous === undefined || score < previous) best.set(item.term, score);
      }
      return [...best]
        .sort((a, b) => a[1] - b[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([i, score]) => ({ term: terms[i]!, score }));
    },
  };
}
