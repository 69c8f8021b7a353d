/**
 * Selection → term: what "Explain … with Gloss" shows. An alias found in the selection wins (the
 * one covering most of it, then the first); otherwise the best fuzzy hit of a glossary search, if
 * it is close enough; otherwise nothing, and the reader is told so.
 */
import type { Matcher } from './matcher';

export const MAX_LOOKUP_CHARS = 2_000;
/** Fuse scores run from 0 (exact) to 1; beyond this a hit is a guess, not an answer. */
const FUZZY_ACCEPT = 0.35;
/** Fuzzy search only makes sense for a phrase, not a paragraph. */
const FUZZY_MAX_CHARS = 60;

export interface LookupSources {
  matcher: Matcher;
  search(query: string, limit?: number): { term: { id: string }; score: number }[];
}

export type LookupResult =
  { kind: 'term'; termId: string; how: 'alias' | 'fuzzy' } | { kind: 'none'; text: string };

export function resolveSelection(raw: string, sources: LookupSources): LookupResult {
  const text = raw.slice(0, MAX_LOOKUP_CHARS).replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'none', text };
  // Context rules do not apply: the reader chose these words, so an acronym counts on its own.
  const matches = sources.matcher.find(text).filter((m) => m.kind !== 'cue');
  if (matches.length > 0) {
    const best = matches.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    return { kind: 'term', termId: best.termId, how: 'alias' };
  }
  if (text.length <= FUZZY_MAX_CHARS) {
    const [hit] = sources.search(text, 1);
    if (hit && hit.score <= FUZZY_ACCEPT)
      return { kind: 'term', termId: hit.term.id, how: 'fuzzy' };
  }
  return { kind: 'none', text };
}
