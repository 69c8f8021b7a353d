/**
 * Reads the page's text blocks, runs the matcher on them and hands the occurrences to the mark
 * store — in slices of a few milliseconds, so Gloss never causes a long task, and visible content
 * first, so the marks a reader can see appear first. Each slice stages its finds in the store; a
 * commit (at most every COMMIT_MS) only shows what was staged.
 */
import type { Matcher } from '@/glossary/matcher';
import { undecidedChecks } from '@/glossary/cjk-words';
import { BlockWalker, type TextBlock, type WalkHooks } from './text-blocks';
import type { MarkStore, Occurrence, RangeBounds } from './marks';
import type { Scope } from './story/scope';
import { probe } from '@/utils/test-probe';
import { SLICE_MS, yieldToPage } from './yield-to-page';

/**
 * During a long scan, found marks reach the highlights at most this often (after the first slice,
 * which holds the visible blocks of a page scan). Chromium revalidates every registered range on
 * each change: with 22,000 marks on a 5 MB page that is ~375 ms of pre-paint per change.
 */
const COMMIT_MS = 250;

/** Index of the text node that holds `offset`; `end` offsets belong to the node they close. */
function nodeIndexAt(starts: readonly number[], offset: number, isEnd: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isEnd ? starts[mid]! < offset : starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function rangeIn(
  block: TextBlock,
  first: number,
  last: number,
  start: number,
  end: number,
): RangeBounds {
  return {
    startContainer: block.nodes[first]!,
    startOffset: start - block.starts[first]!,
    endContainer: block.nodes[last]!,
    endOffset: end - block.starts[last]!,
  };
}

/** One range per run of nodes without a gap (a ruby reading) between them. */
function piecesOf(block: TextBlock, first: number, last: number, start: number, end: number) {
  const pieces: RangeBounds[] = [];
  let from = first;
  for (let i = first + 1; i <= last + 1; i++) {
    if (i <= last && !block.gaps!.has(i)) continue;
    const pieceStart = from === first ? start : block.starts[from]!;
    const pieceEnd = i - 1 === last ? end : block.starts[i - 1]! + block.nodes[i - 1]!.length;
    pieces.push(rangeIn(block, from, i - 1, pieceStart, pieceEnd));
    from = i;
  }
  return pieces;
}

export function occurrencesIn(block: TextBlock, matcher: Matcher): Occurrence[] {
  const matches = matcher.find(block.text);
  const occurrences: Occurrence[] = [];
  for (const match of matches) {
    const first = nodeIndexAt(block.starts, match.start, false);
    const last = nodeIndexAt(block.starts, match.end, true);
    const occurrence: Occurrence = {
      termId: match.termId,
      kind: match.kind,
      root: block.root,
      range: rangeIn(block, first, last, match.start, match.end),
    };
    if (block.gaps && last > first) {
      const pieces = piecesOf(block, first, last, match.start, match.end);
      if (pieces.length > 1) occurrence.pieces = pieces;
    }
    occurrences.push(occurrence);
  }
  return occurrences;
}

/** The first block whose text is at or below the top of the viewport (one layout read per probe). */
function firstVisibleIndex(blocks: readonly TextBlock[]): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const el = blocks[mid]!.nodes[0]!.parentElement;
    const bottom = el ? el.getBoundingClientRect().bottom : Infinity;
    if (bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < blocks.length ? lo : 0;
}

export interface ScanStats {
  blocks: number;
  occurrences: number;
  ms: number;
}

export class Scanner {
  private generation = 0;
  /** The page scan in progress: rescans of changed blocks wait for it. */
  private pageScan: Promise<ScanStats> | null = null;
  private readonly undecided = new Set<Node>();
  /** Terms staged since the last commit, for the test probe (test builds only). */
  private stagedTerms = new Set<string>();

  /**
   * @param scope where the page is read (the story); blocks outside it are left unmatched.
   * @param hooks told of shadow roots and custom elements the walk passes.
   */
  constructor(
    private matcher: Matcher,
    private readonly store: MarkStore,
    private readonly isValid: () => boolean = () => true,
    private readonly scope: () => Scope | null = () => null,
    private readonly hooks: WalkHooks = {},
  ) {}

  /**
   * The roots of blocks read with a word-boundary check left undecided (glossary/cjk-words.ts
   * useWordStarts), to read again once it can be decided; emptied by the call.
   */
  takeUndecided(): Node[] {
    const roots = [...this.undecided].filter((root) => root.isConnected);
    this.undecided.clear();
    return roots;
  }

  setMatcher(matcher: Matcher): void {
    this.matcher = matcher;
  }

  /** Cancels a scan in progress (a newer one supersedes it). */
  cancel(): void {
    this.generation++;
  }

  /**
   * Scans everything under `roots`, replacing what was found there before: the page scan (at
   * start, or with a new matcher). It supersedes any scan still running.
   * @param visibleFirst show the first slice at once, without waiting COMMIT_MS (a page scan).
   * @param fromView start that slice at the blocks in view, found with layout reads (where the
   *   reader may not be at the top of the page); else in document order.
   */
  scan(roots: readonly Node[], visibleFirst = false, fromView = visibleFirst): Promise<ScanStats> {
    const run = this.run(++this.generation, roots, visibleFirst, fromView);
    this.pageScan = run;
    // Its failure is the caller's to handle; this chain only clears the slot.
    run
      .finally(() => {
        if (this.pageScan === run) this.pageScan = null;
      })
      .catch(() => undefined);
    return run;
  }

  /**
   * Rescans blocks the page changed. It waits for a page scan in progress instead of cancelling it
   * (most pages change something while Gloss reads them; the rest of the page would go unmarked),
   * and lands after it, so the page scan cannot overwrite a block's newer text with its older
   * reading. A later page scan still supersedes it.
   * @param shallow roots of `roots` whose own text alone changed: only that is read again
   *   (BlockWalker's `shallow`), the blocks nested in them keep their marks.
   */
  async rescan(roots: readonly Node[], shallow: ReadonlySet<Node> = new Set()): Promise<ScanStats> {
    while (this.pageScan) await this.pageScan;
    return this.run(this.generation, roots, false, false, shallow);
  }

  private async run(
    generation: number,
    roots: readonly Node[],
    visibleFirst: boolean,
    fromView: boolean,
    shallow: ReadonlySet<Node> = new Set(),
  ): Promise<ScanStats> {
    const started = performance.now();
    const blocks: TextBlock[] = [];
    const scope = this.scope();
    for (const root of roots) {
      if (scope && !scope.mayHold(root)) continue;
      const walker = new BlockWalker(root, this.hooks, shallow.has(root));
      while (!walker.done) {
        const walked = walker.run(performance.now() + SLICE_MS);
        blocks.push(...(scope ? walked.filter((b) => scope.includes(b.root)) : walked));
        if (!walker.done && !(await this.pause(generation))) return this.stats(0, 0, started);
      }
    }
    const order =
      fromView && blocks.length > 1 ? rotate(blocks, firstVisibleIndex(blocks)) : blocks;
    // Roots emptied by the page still need their old marks replaced by nothing.
    const found = new Map<Node, Occurrence[]>(roots.map((root) => [root, []]));
    let touched = new Set<Node>();
    const handed = new Map<Node, number>();
    let occurrences = 0;
    let deadline = performance.now() + SLICE_MS;
    // A page scan shows its first (visible) slice at once; a rescan waits like later slices.
    let lastCommit = visibleFirst ? -Infinity : performance.now();
    for (const block of order) {
      const list = found.get(block.root) ?? [];
      found.set(block.root, list);
      const undecided = undecidedChecks();
      const occurrencesHere = occurrencesIn(block, this.matcher);
      if (undecidedChecks() !== undecided) this.undecided.add(block.root);
      list.push(...occurrencesHere);
      occurrences += occurrencesHere.length;
      touched.add(block.root);
      if (performance.now() > deadline) {
        // Each slice hands its finds to the store; they are shown at the next commit.
        this.stage(found, touched, handed);
        touched = new Set();
        if (performance.now() - lastCommit >= COMMIT_MS) {
          this.commit();
          lastCommit = performance.now();
        }
        if (!(await this.pause(generation))) return this.stats(blocks.length, occurrences, started);
        deadline = performance.now() + SLICE_MS;
      }
    }
    for (const root of roots) touched.add(root);
    this.stage(found, touched, handed);
    this.commit();
    return this.stats(blocks.length, occurrences, started);
  }

  /**
   * Hands the finds under `touched` to the store: a root's first finds in this run replace what
   * was there; finds under a root already handed over (its blocks span slices) are added, only
   * those found since. `handed` counts, per root, the finds handed over in this run.
   */
  private stage(
    found: Map<Node, Occurrence[]>,
    touched: Set<Node>,
    handed: Map<Node, number>,
  ): void {
    const fresh = new Map<Node, Occurrence[]>();
    const more = new Map<Node, Occurrence[]>();
    for (const root of touched) {
      const list = found.get(root) ?? [];
      const before = handed.get(root);
      if (before === undefined) fresh.set(root, list);
      else if (list.length > before) more.set(root, list.slice(before));
      handed.set(root, list.length);
    }
    this.store.stage(fresh);
    this.store.extend(more);
    if (import.meta.env.GLOSS_TEST_BUILD) {
      for (const list of [...fresh.values(), ...more.values()]) {
        for (const o of list) if (o.kind !== 'cue') this.stagedTerms.add(o.termId);
      }
    }
  }

  private commit(): void {
    this.store.flush();
    // Tests read which terms each commit brought (the order a reader sees marks arrive in).
    if (import.meta.env.GLOSS_TEST_BUILD) {
      probe('commit', { terms: [...this.stagedTerms].join(' ') });
      this.stagedTerms = new Set();
    }
  }

  private async pause(generation: number): Promise<boolean> {
    await yieldToPage();
    return generation === this.generation && this.isValid();
  }

  private stats(blocks: number, occurrences: number, started: number): ScanStats {
    return { blocks, occurrences, ms: performance.now() - started };
  }
}

function rotate<T>(items: readonly T[], start: number): T[] {
  return start === 0 ? [...items] : [...items.slice(start), ...items.slice(0, start)];
}
