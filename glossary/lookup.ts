/**
 * Selection → term: what "Explain … with Gloss" shows. An alias found in the selection wins (the
 * one covering most of it, then the first); otherwise the best fuzzy hit of a glossary search, if
 * it is close enough; otherwise nothing, and the reader is told so.
 */
import type { Matcher } from './matcher';
import { searchKey } from './normalize';
import { aliasText, type Term } from './schema';

export const MAX_LOOKUP_CHARS = 2_000;
/** Fuse scores run from 0 (exact) to 1; beyond this a hit is a guess, not an answer. */
const FUZZY_ACCEPT = 0.6;
/**
 * A selection must be at least this share of the name it fuzzily matches: "Japan" alone is part of
 * "Constitution of Japan" but is not a lookup of it.
 */
const MIN_COVERAGE = 0.5;
/** Fuzzy search only makes sense for a phrase, not a paragraph. */
const FUZZY_MAX_CHARS = 60;

export interface LookupSources {
  matcher: Matcher;
  search(query: string, limit?: number): { term: Term; score: number }[];
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
    if (hit && hit.score <= FUZZY_ACCEPT && coverage(text, hit.term) >= MIN_COVERAGE) {
      return { kind: 'term', termId: hit.term.id, how: 'fuzzy' };
    }
  }
  return { kind: 'none', text };
}

/**
 * The largest share of one of the term's names whose words the selection contains (allowing a
 * typo or two per word): "senkaku islnds" covers all of "Senkaku Islands", "Japan" only a third of
 * "Constitution of Japan".
 */
function coverage(text: string, term: Term): number {
  const query = words(text);
  let best = 0;
  for (const name of [term.title, ...term.aliases.map(aliasText)]) {
    const nameWords = words(name);
    if (nameWords.length === 0) continue;
    const covered = nameWords.filter((w) => query.some((q) => similar(q, w))).length;
    best = Math.max(best, covered / nameWords.length);
  }
  return best;
}

function words(text: string): string[] {
  return searchKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Equal but for roughly one edit in four characters. */
function similar(a: string, b: string): boolean {
  if (a === b) return true;
  const allowed = Math.floor(Math.max(a.length, b.length) / 4);
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]! <= allowed;
}
