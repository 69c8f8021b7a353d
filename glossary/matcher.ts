/**
 * The matching engine: `compile(terms)` once per pack, then `find(text)` per text block. A scan
 * folds each code unit through a lookup table on the fly and walks a trie from word starts only,
 * so it is linear in the text and does not grow with the glossary (ARCHITECTURE.md, decision 3).
 */
import { passesRules } from './alias-rules.ts';
import {
  compileEntries,
  compileEntriesSliced,
  type CompiledEntries,
  type EntryKind,
  type MatchKind,
  type MatchableTerm,
} from './entries.ts';

export type { MatchKind, MatchableTerm };
import {
  ACCENT,
  IGNORABLE,
  OTHER,
  SEPARATOR,
  SKIP,
  SOFT,
  SOFT_EDGE,
  WORD,
  foldTables,
  stepped,
} from './normalize.ts';
import { buildTrie, childOf, type Trie } from './trie.ts';

/** UTF-16 offsets into the original text, end exclusive. */
export interface Match {
  start: number;
  end: number;
  termId: string;
  kind: MatchKind;
}

export interface Matcher {
  /** Sorted by start, then end, then kind (mark, conditional, cue). */
  find(text: string): Match[];
  /**
   * Every match `find` could give for any reading of the soft edges in `text` (normalize.ts
   * SOFT_EDGE: each one joining its neighbours into one word, or splitting them into two blocks),
   * and more: every alias that applies at every start, overlapping or not, where `find` takes the
   * longest from each start and skips starts inside it. A `notIn` phrase that touches a soft edge
   * blocks nothing, as the reading that splits there would not have it. The same order as `find`.
   * For the gate's text (background/page-gate.ts), which leaves open how its text nodes join.
   */
  findEvery(text: string): Match[];
  /** Term aliases compiled (generated variants, context words and `notIn` not counted). */
  readonly aliasCount: number;
  /**
   * The same glossary with `termIds` left out, as if they had never been compiled (a shorter alias
   * of another term still matches where a left-out one would have been longer). Shares the
   * tables: switching a category or a hidden term costs no compile.
   */
  without(termIds: ReadonlySet<string>): Matcher;
}

const KIND_CODE: Record<EntryKind, number> = { mark: 0, conditional: 1, cue: 2, blocker: 3 };
const KINDS: readonly MatchKind[] = ['mark', 'conditional', 'cue'];
const CUE = 2;
const BLOCKER = 3;

/**
 * Everything a matcher needs, in flat arrays (one slot per entry unless said otherwise): what
 * matcher-data.ts stores, so pages can skip compiling (issue #14).
 */
export interface MatcherTables {
  trie: Trie;
  /** Entries ending at node n are first[n] … first[n + 1] - 1 (nodeCount + 1 slots). */
  first: Int32Array;
  /** KIND_CODE of each entry: 0 mark, 1 conditional, 2 cue, 3 blocker. */
  kind: Uint8Array;
  /** Index of the entry's source alias (blockers stop only their own alias); -1 for cues. */
  alias: Int32Array;
  /** RULE_* bits (entries.ts). */
  rules: Uint8Array;
  /** Index into `termIds`. */
  term: Int32Array;
  /** Case-sensitive entries: the form with case kept; null for caseless ones. */
  exact: (string | null)[];
  /** One per term, in compile order. */
  termIds: string[];
  aliasCount: number;
}

export function compile(terms: readonly MatchableTerm[]): Matcher {
  return matcherFrom(tablesFrom(compileEntries(terms)));
}

/**
 * `compile`, pausing between slices of about `sliceMs` while the terms are expanded into their
 * forms (most of the work); the trie itself is built in one go.
 */
export async function compileSliced(
  terms: readonly MatchableTerm[],
  pause: () => Promise<void>,
  sliceMs = 4,
): Promise<Matcher> {
  return matcherFrom(tablesFrom(await compileEntriesSliced(terms, pause, sliceMs)));
}

/** The tables of `terms`, for storing (matcher-data.ts). */
export function compileTables(terms: readonly MatchableTerm[]): MatcherTables {
  return tablesFrom(compileEntries(terms));
}

/** A matcher over tables compiled earlier (by `compileTables`, possibly at build time). */
export function matcherFrom(tables: MatcherTables): Matcher {
  return new TrieMatcher(tables, null);
}

function tablesFrom({ entries, aliasCount }: CompiledEntries): MatcherTables {
  const { trie, ends } = buildTrie(entries.map((e) => e.key));
  // Group entries by their end node, keeping priority order inside each group (a counting sort).
  const first = new Int32Array(trie.nodeCount + 1);
  for (let i = 0; i < entries.length; i++) first[ends[i]! + 1]!++;
  for (let n = 0; n < trie.nodeCount; n++) first[n + 1]! += first[n]!;
  const fill = first.slice(0, trie.nodeCount);
  const at = new Int32Array(entries.length);
  for (let i = 0; i < entries.length; i++) at[fill[ends[i]!]!++] = i;
  const count = entries.length;
  const tables: MatcherTables = {
    trie,
    first,
    kind: new Uint8Array(count),
    alias: new Int32Array(count),
    rules: new Uint8Array(count),
    term: new Int32Array(count),
    exact: [],
    termIds: [],
    aliasCount,
  };
  const termIndex = new Map<string, number>();
  for (let s = 0; s < count; s++) {
    const entry = entries[at[s]!]!;
    let term = termIndex.get(entry.termId);
    if (term === undefined) {
      term = tables.termIds.push(entry.termId) - 1;
      termIndex.set(entry.termId, term);
    }
    tables.kind[s] = KIND_CODE[entry.kind];
    tables.alias[s] = entry.alias;
    tables.rules[s] = entry.rules;
    tables.term[s] = term;
    tables.exact.push(entry.exact);
  }
  return tables;
}

class TrieMatcher implements Matcher {
  readonly aliasCount: number;
  private readonly trie: Trie;
  /** Fold steps: code unit c folds to (c + foldStep[c]) & 0xffff (normalize.ts, StepTables). */
  private readonly foldStep: Uint16Array;
  private readonly cls: Uint8Array;
  private readonly first: Int32Array;
  private readonly kind: Uint8Array;
  private readonly alias: Int32Array;
  private readonly term: Int32Array;
  private readonly exact: (string | null)[];
  private readonly termIds: string[];
  private readonly rules: Uint8Array;
  /** 1 for each term left out (see `without`); null when none is. */
  private readonly off: Uint8Array | null;
  /** Walks inside a match already taken are only needed to find cues and blockers. */
  private readonly hasAux: boolean;
  // Scratch space reused by every find(): candidates of one walk and the blockers in force.
  private readonly candEnd: Int32Array;
  private readonly candNode: Int32Array;
  /** (start, end, alias) triples of `notIn` phrases seen that may still contain a match. */
  private readonly blockers: number[] = [];
  /** Whether the find running is `findEvery`'s. */
  private every = false;

  private readonly tables: MatcherTables;

  constructor(tables: MatcherTables, off: Uint8Array | null) {
    this.tables = tables;
    const { trie } = tables;
    this.trie = trie;
    ({ foldStep: this.foldStep, cls: this.cls } = foldTables());
    this.first = tables.first;
    this.aliasCount = tables.aliasCount;
    this.kind = tables.kind;
    this.alias = tables.alias;
    this.rules = tables.rules;
    this.term = tables.term;
    this.exact = tables.exact;
    this.termIds = tables.termIds;
    this.off = off;
    this.hasAux = tables.kind.some((kind) => kind >= CUE);
    this.candEnd = new Int32Array(trie.maxDepth + 1);
    this.candNode = new Int32Array(trie.maxDepth + 1);
  }

  without(termIds: ReadonlySet<string>): Matcher {
    if (termIds.size === 0) return new TrieMatcher(this.tables, null);
    const off = new Uint8Array(this.termIds.length);
    this.termIds.forEach((id, i) => (off[i] = termIds.has(id) ? 1 : 0));
    return new TrieMatcher(this.tables, off);
  }

  findEvery(text: string): Match[] {
    this.every = true;
    try {
      return this.find(text);
    } finally {
      this.every = false;
    }
  }

  find(text: string): Match[] {
    const out: Match[] = [];
    if (this.trie.nodeCount === 1) return out;
    const { foldStep, cls } = this;
    const root = this.trie.root;
    const n = text.length;
    this.blockers.length = 0;
    let covered = 0;
    let prevWord = false;
    for (let p = 0; p < n; p++) {
      const code = text.charCodeAt(p);
      const c = cls[code]!;
      if (c >= SKIP) {
        // A word may start after a soft edge (normalize.ts SOFT_EDGE).
        if (c === SOFT) prevWord = false;
        continue;
      }
      const isWord = c === WORD;
      // A Latin-like word is entered only at its start; elsewhere any position may start a match.
      if (!(isWord && prevWord) && (p >= covered || this.hasAux || this.every)) {
        const step = root[(code + foldStep[code]!) & 0xffff]!;
        if (step >= 0) covered = this.walk(text, p, step, covered, out);
      }
      prevWord = isWord;
    }
    return out;
  }

  /**
   * Walks the trie from `start`: records cues and blockers, takes the longest alias that applies.
   * Returns the end of the text covered by taken aliases.
   */
  private walk(text: string, start: number, step: number, covered: number, out: Match[]): number {
    const { foldStep, cls, candEnd, candNode, trie } = this;
    const n = text.length;
    let count = 0;
    let i = start + 1;
    let node = step >> 1;
    if (step & 1) {
      candEnd[count] = i;
      candNode[count++] = node;
    }
    while (i < n) {
      const u = text.charCodeAt(i);
      const f = (u + foldStep[u]!) & 0xffff;
      if (f === IGNORABLE) {
        i++;
        continue;
      }
      const next = childOf(trie, node, f);
      if (next < 0) break;
      node = next >> 1;
      i++;
      if (f === SEPARATOR) {
        // Aliases keep one separator; the page may have a run of them ("self -  defence").
        while (i < n) {
          const v = text.charCodeAt(i);
          const g = (v + foldStep[v]!) & 0xffff;
          if (g !== SEPARATOR && g !== IGNORABLE) break;
          i++;
        }
      } else if (next & 1) {
        candEnd[count] = i;
        candNode[count++] = node;
      }
    }
    if (count === 0) return covered;

    // Every length first: blockers must be known before any alias from here is accepted.
    const before = out.length;
    for (let c = 0; c < count; c++) {
      const last = cls[text.charCodeAt(candEnd[c]! - 1)];
      // Accents of decomposed text belong to the last letter; a soft hyphen after it does not.
      let end = candEnd[c]!;
      while (end < n && cls[text.charCodeAt(end)] === ACCENT) end++;
      candEnd[c] = end;
      let after = end;
      let next = OTHER;
      // Up to the next character that counts; a word may end at a soft edge (SOFT_EDGE).
      while (after < n && (next = cls[text.charCodeAt(after)]!) >= SKIP && next !== SOFT) after++;
      if (after < n && last === WORD && next === WORD) {
        candNode[c] = -1;
        continue;
      }
      if (this.hasAux) this.collectAux(text, start, end, candNode[c]!, out);
    }
    if (start < covered && !this.every) return covered;
    for (let c = count - 1; c >= 0; c--) {
      const node = candNode[c]!;
      if (node < 0) continue;
      const end = candEnd[c]!;
      const entry = this.pick(text, start, end, node);
      if (entry < 0) continue;
      const match: Match = {
        start,
        end,
        termId: this.termIds[this.term[entry]!]!,
        kind: KINDS[this.kind[entry]!]!,
      };
      // Cues from this start are already out, by increasing end; the match goes before those
      // that end where it ends or later.
      let at = before;
      while (at < out.length && out[at]!.end < end) at++;
      out.splice(at, 0, match);
      if (!this.every) return end;
    }
    return covered;
  }

  private collectAux(text: string, start: number, end: number, node: number, out: Match[]): void {
    const off = this.off;
    for (let e = this.first[node]!; e < this.first[node + 1]!; e++) {
      if (off !== null && off[this.term[e]!] === 1) continue;
      const kind = this.kind[e];
      if (kind === CUE) out.push({ start, end, termId: this.termIds[this.term[e]!]!, kind: 'cue' });
      else if (kind === BLOCKER && !(this.every && touchesSoftEdge(text, start, end))) {
        this.blockers.push(start, end, this.alias[e]!);
      }
    }
  }

  /** The first mark or conditional entry at `node` whose case and blockers allow it, or -1. */
  private pick(text: string, start: number, end: number, node: number): number {
    const off = this.off;
    for (let e = this.first[node]!; e < this.first[node + 1]!; e++) {
      if (this.kind[e]! >= CUE) continue;
      if (off !== null && off[this.term[e]!] === 1) continue;
      const exact = this.exact[e];
      if (exact != null && !sameCase(text, start, end, exact)) continue;
      if (this.isBlocked(start, end, this.alias[e]!)) continue;
      const rules = this.rules[e]!;
      if (rules !== 0 && !passesRules(text, start, end, rules)) continue;
      return e;
    }
    return -1;
  }

  private isBlocked(start: number, end: number, alias: number): boolean {
    const b = this.blockers;
    // Blockers that ended before this start can never matter again.
    let kept = 0;
    for (let i = 0; i < b.length; i += 3) {
      if (b[i + 1]! <= start) continue;
      b[kept] = b[i]!;
      b[kept + 1] = b[i + 1]!;
      b[kept + 2] = b[i + 2]!;
      kept += 3;
    }
    b.length = kept;
    for (let i = 0; i < kept; i += 3) {
      if (b[i + 2] === alias && b[i]! <= start && end <= b[i + 1]!) return true;
    }
    return false;
  }
}

/** Whether text[start, end) equals `exact` character by character with case kept. */
const SOFT_EDGE_CHAR = String.fromCharCode(SOFT_EDGE);

/** Whether text[start, end), or a character just before or after it, is a soft edge. */
function touchesSoftEdge(text: string, start: number, end: number): boolean {
  const at = text.indexOf(SOFT_EDGE_CHAR, Math.max(0, start - 1));
  return at >= 0 && at <= end;
}

function sameCase(text: string, start: number, end: number, exact: string): boolean {
  const { keepStep } = foldTables();
  let j = 0;
  for (let i = start; i < end; i++) {
    const k = stepped(keepStep, text.charCodeAt(i));
    if (k === IGNORABLE) continue;
    // The walk matched this span, so a separator run here lines up with one separator in `exact`.
    if (k === SEPARATOR) {
      while (i + 1 < end) {
        const next = stepped(keepStep, text.charCodeAt(i + 1));
        if (next !== SEPARATOR && next !== IGNORABLE) break;
        i++;
      }
    }
    if (exact.charCodeAt(j++) !== k) return false;
  }
  return j === exact.length;
}

/**
 * Whether a match is a mention of its term, given the terms cued on the same page (`cues`): an
 * unconditional alias always is; a conditional one (an acronym such as "RAA") only once its term is
 * cued; a context word never is.
 */
export function counts(match: Pick<Match, 'kind' | 'termId'>, cued: ReadonlySet<string>): boolean {
  return match.kind === 'mark' || (match.kind === 'conditional' && cued.has(match.termId));
}

/** Whether a match cues its term for the whole page: an unconditional alias or a context word. */
export function cues(match: Pick<Match, 'kind'>): boolean {
  return match.kind !== 'conditional';
}
