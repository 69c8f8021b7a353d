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
  type Entry,
  type EntryKind,
  type MatchKind,
  type MatchableTerm,
} from './entries.ts';

export type { MatchKind, MatchableTerm };
import { ACCENT, IGNORABLE, SEPARATOR, SKIP, WORD, foldTables } from './normalize.ts';
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
  /** Term aliases compiled (generated variants, context words and `notIn` not counted). */
  readonly aliasCount: number;
}

const KIND_CODE: Record<EntryKind, number> = { mark: 0, conditional: 1, cue: 2, blocker: 3 };
const KINDS: readonly MatchKind[] = ['mark', 'conditional', 'cue'];
const CUE = 2;
const BLOCKER = 3;

export function compile(terms: readonly MatchableTerm[]): Matcher {
  return fromEntries(compileEntries(terms));
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
  return fromEntries(await compileEntriesSliced(terms, pause, sliceMs));
}

function fromEntries({ entries, aliasCount }: CompiledEntries): Matcher {
  const { trie, ends } = buildTrie(entries.map((e) => e.key));
  // Group entries by their end node, keeping priority order inside each group (a counting sort).
  const first = new Int32Array(trie.nodeCount + 1);
  for (let i = 0; i < entries.length; i++) first[ends[i]! + 1]!++;
  for (let n = 0; n < trie.nodeCount; n++) first[n + 1]! += first[n]!;
  const fill = first.slice(0, trie.nodeCount);
  const at = new Int32Array(entries.length);
  for (let i = 0; i < entries.length; i++) at[fill[ends[i]!]!++] = i;
  const sorted: Entry[] = [];
  for (let s = 0; s < entries.length; s++) sorted.push(entries[at[s]!]!);
  return new TrieMatcher(trie, first, sorted, aliasCount);
}

class TrieMatcher implements Matcher {
  readonly aliasCount: number;
  private readonly trie: Trie;
  private readonly fold: Uint16Array;
  private readonly cls: Uint8Array;
  /** Entries ending at node n are first[n] … first[n + 1] - 1. */
  private readonly first: Int32Array;
  private readonly kind: Uint8Array;
  private readonly alias: Int32Array;
  private readonly exact: (string | null)[];
  private readonly termId: string[];
  /** RULE_* bits per entry (entries.ts). */
  private readonly rules: Uint8Array;
  /** Walks inside a match already taken are only needed to find cues and blockers. */
  private readonly hasAux: boolean;
  // Scratch space reused by every find(): candidates of one walk and the blockers in force.
  private readonly candEnd: Int32Array;
  private readonly candNode: Int32Array;
  /** (start, end, alias) triples of `notIn` phrases seen that may still contain a match. */
  private readonly blockers: number[] = [];

  constructor(
    trie: Trie,
    first: Int32Array,
    entries: readonly Pick<Entry, 'kind' | 'alias' | 'exact' | 'termId' | 'rules'>[],
    aliasCount: number,
  ) {
    this.trie = trie;
    ({ fold: this.fold, cls: this.cls } = foldTables());
    this.first = first;
    this.aliasCount = aliasCount;
    const count = entries.length;
    this.kind = new Uint8Array(count);
    this.alias = new Int32Array(count);
    this.rules = new Uint8Array(count);
    // Filled by push: packed arrays, which the scan reads faster than holey ones.
    this.exact = [];
    this.termId = [];
    let hasAux = false;
    for (let e = 0; e < count; e++) {
      const entry = entries[e]!;
      const kind = KIND_CODE[entry.kind];
      this.kind[e] = kind;
      this.alias[e] = entry.alias;
      this.rules[e] = entry.rules;
      this.exact.push(entry.exact);
      this.termId.push(entry.termId);
      if (kind >= CUE) hasAux = true;
    }
    this.hasAux = hasAux;
    this.candEnd = new Int32Array(trie.maxDepth + 1);
    this.candNode = new Int32Array(trie.maxDepth + 1);
  }

  find(text: string): Match[] {
    const out: Match[] = [];
    if (this.trie.nodeCount === 1) return out;
    const { fold, cls } = this;
    const root = this.trie.root;
    const n = text.length;
    this.blockers.length = 0;
    let covered = 0;
    let prevWord = false;
    for (let p = 0; p < n; p++) {
      const code = text.charCodeAt(p);
      const c = cls[code]!;
      if (c >= SKIP) continue;
      const isWord = c === WORD;
      // A Latin-like word is entered only at its start; elsewhere any position may start a match.
      if (!(isWord && prevWord) && (p >= covered || this.hasAux)) {
        const step = root[fold[code]!]!;
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
    const { fold, cls, candEnd, candNode, trie } = this;
    const n = text.length;
    let count = 0;
    let i = start + 1;
    let node = step >> 1;
    if (step & 1) {
      candEnd[count] = i;
      candNode[count++] = node;
    }
    while (i < n) {
      const f = fold[text.charCodeAt(i)]!;
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
          const g = fold[text.charCodeAt(i)]!;
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
      while (after < n && cls[text.charCodeAt(after)]! >= SKIP) after++;
      if (after < n && last === WORD && cls[text.charCodeAt(after)] === WORD) {
        candNode[c] = -1;
        continue;
      }
      if (this.hasAux) this.collectAux(start, end, candNode[c]!, out);
    }
    if (start < covered) return covered;
    for (let c = count - 1; c >= 0; c--) {
      const node = candNode[c]!;
      if (node < 0) continue;
      const end = candEnd[c]!;
      const entry = this.pick(text, start, end, node);
      if (entry < 0) continue;
      const match: Match = {
        start,
        end,
        termId: this.termId[entry]!,
        kind: KINDS[this.kind[entry]!]!,
      };
      // Cues from this start are already out, by increasing end; the match goes before those
      // that end where it ends or later.
      let at = before;
      while (at < out.length && out[at]!.end < end) at++;
      out.splice(at, 0, match);
      return end;
    }
    return covered;
  }

  private collectAux(start: number, end: number, node: number, out: Match[]): void {
    for (let e = this.first[node]!; e < this.first[node + 1]!; e++) {
      const kind = this.kind[e];
      if (kind === CUE) out.push({ start, end, termId: this.termId[e]!, kind: 'cue' });
      else if (kind === BLOCKER) this.blockers.push(start, end, this.alias[e]!);
    }
  }

  /** The first mark or conditional entry at `node` whose case and blockers allow it, or -1. */
  private pick(text: string, start: number, end: number, node: number): number {
    for (let e = this.first[node]!; e < this.first[node + 1]!; e++) {
      if (this.kind[e]! >= CUE) continue;
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
function sameCase(text: string, start: number, end: number, exact: string): boolean {
  const { keep } = foldTables();
  let j = 0;
  for (let i = start; i < end; i++) {
    const k = keep[text.charCodeAt(i)]!;
    if (k === IGNORABLE) continue;
    // The walk matched this span, so a separator run here lines up with one separator in `exact`.
    if (k === SEPARATOR) {
      while (
        i + 1 < end &&
        (keep[text.charCodeAt(i + 1)] === SEPARATOR || keep[text.charCodeAt(i + 1)] === IGNORABLE)
      )
        i++;
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
