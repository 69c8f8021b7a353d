/**
 * Search for big packs. fuse.js scores every record on every query (~50–120 ms at 10,000 terms),
 * too slow for a keystroke, so a trigram index over folded titles and aliases (plus whole summary
 * words) first picks a few hundred candidates, and a small fuse.js search ranks just those.
 * Exact and prefix hits on a title or alias come first either way. Pure: no DOM, no browser.
 */
import { searchKey } from './normalize';
import { aliasText, type Term } from './schema';
import { createSearch, type GlossarySearch, type SearchHit } from './search';

export interface TermSearch extends GlossarySearch {
  /** Builds the index now (in idle time) instead of on the first keystroke. */
  prepare?(): void;
}

/** Below this many terms plain fuse.js is fast enough. */
export const SMALL_PACK = 2_000;
// Enough to hold every plausible reading of a typo; fuse.js cost grows with each one.
const MAX_CANDIDATES = 120;
const DEFAULT_LIMIT = 10;
const SUMMARY_WORD_MIN = 4;

/** The plain search for a small catalogue, the narrowed one for a big one. */
export function createSearchFor(terms: readonly Term[]): TermSearch {
  return terms.length < SMALL_PACK ? createSearch(terms) : createFastSearch(terms);
}

function trigrams(key: string): string[] {
  const padded = ` ${key} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

interface Index {
  /** Every title and alias key, and the term it belongs to. */
  keys: string[];
  keyTerm: Int32Array;
  /** Key indices sorted by key, for prefix lookups. */
  sorted: Int32Array;
  exact: Map<string, number[]>;
  grams: Map<string, number[]>;
  words: Map<string, number[]>;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function buildIndex(terms: readonly Term[]): Index {
  const keys: string[] = [];
  const owners: number[] = [];
  const exact = new Map<string, number[]>();
  const grams = new Map<string, number[]>();
  const words = new Map<string, number[]>();
  terms.forEach((term, t) => {
    const seen = new Set<string>();
    for (const text of [term.title, ...term.aliases.map(aliasText)]) {
      const key = searchKey(text);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
      owners.push(t);
      push(exact, key, t);
      // Terms are visited in order, so `push` keeps each posting list free of repeats.
      for (const gram of trigrams(key)) push(grams, gram, t);
    }
    for (const word of searchKey(term.summary).split(/[^\p{L}\p{N}]+/u)) {
      if (word.length >= SUMMARY_WORD_MIN) push(words, word, t);
    }
  });
  const sorted = Int32Array.from(keys.keys()).sort((a, b) =>
    keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0,
  );
  return { keys, keyTerm: Int32Array.from(owners), sorted, exact, grams, words };
}

/** Terms with a key that starts with `prefix`, shortest key first. */
function prefixHits(index: Index, prefix: string, max: number): number[] {
  const { keys, sorted } = index;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[sorted[mid]!]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let i = lo; i < sorted.length && found.length < max * 4; i++) {
    if (!keys[sorted[i]!]!.startsWith(prefix)) break;
    found.push(sorted[i]!);
  }
  found.sort((a, b) => keys[a]!.length - keys[b]!.length);
  return unique(found.map((k) => index.keyTerm[k]!)).slice(0, max);
}

function unique(values: readonly number[]): number[] {
  return [...new Set(values)];
}

/** The terms sharing the most trigrams (and summary words) with the query. */
function gramCandidates(index: Index, termCount: number, query: string): number[] {
  const score = new Uint16Array(termCount);
  const touched: number[] = [];
  const add = (postings: readonly number[] | undefined, weight: number) => {
    for (const t of postings ?? []) {
      if (score[t] === 0) touched.push(t);
      score[t] = score[t]! + weight;
    }
  };
  if (query.length < 3) {
    // Too short for trigrams (one or two letters, or two Han characters): substring scan.
    index.keys.forEach((key, k) => {
      if (key.includes(query)) add([index.keyTerm[k]!], key.length === query.length ? 2 : 1);
    });
  } else {
    for (const gram of new Set(trigrams(query))) add(index.grams.get(gram), 2);
  }
  for (const word of query.split(' ')) {
    if (word.length >= SUMMARY_WORD_MIN) add(index.words.get(word), 1);
  }
  return touched.sort((a, b) => score[b]! - score[a]!).slice(0, MAX_CANDIDATES);
}

export function createFastSearch(terms: readonly Term[]): TermSearch {
  let index: Index | undefined;
  return {
    prepare() {
      index ??= buildIndex(terms);
    },
    search(query, limit = DEFAULT_LIMIT) {
      const key = searchKey(query);
      if (key === '') return [];
      index ??= buildIndex(terms);
      const first = unique([...(index.exact.get(key) ?? []), ...prefixHits(index, key, limit)]);
      const near = gramCandidates(index, terms.length, key);
      const hits: SearchHit[] = first.map((t, i) => ({ term: terms[t]!, score: i * 1e-6 }));
      // One or two characters are not a typo fuse.js could repair: substring hits are the answer.
      const ranked =
        key.length < 3
          ? near.map((t) => ({ term: terms[t]!, score: 0.5 }))
          : createSearch(unique([...first, ...near]).map((t) => terms[t]!)).search(query, limit);
      const ids = new Set(hits.map((hit) => hit.term.id));
      for (const hit of ranked) if (!ids.has(hit.term.id)) hits.push(hit);
      return hits.slice(0, limit);
    },
  };
}
