/**
 * Every occurrence of a glossary term found on the page, and which of them are shown as marks.
 *
 * Occurrences hold their range as plain bounds (RangeBounds), not live Ranges: those would be
 * updated by the browser on every later page mutation (20k of them turned 11 ms of page edits into
 * 3 s). Nor StaticRanges: constructing one crosses into the browser (2–12 µs each, 5,000 cost
 * 8–60 ms in Chromium 156), and most mentions are never drawn; hit-test.ts rangesOf builds them
 * for those that are. Bounds can go stale, so the observer rescans changed blocks,
 * `pruneDetached()` drops what was under blocks the page took out, and `pruneShadowTrees()` checks
 * the (unobserved) shadow trees range by range.
 *
 * Updates are incremental: replacing a block's occurrences costs in proportion to that block and
 * the terms in it, never to the whole page (a 5 MB page has tens of thousands of occurrences).
 */
import { counts, cues, type MatchKind } from '@/glossary/matcher';
import { isTopicWord } from '@/glossary/topic-words';
import { isOnTopic, type Role } from './story/topic';

/** Where a range starts and ends (a StaticRangeInit, and what any AbstractRange has). */
export interface RangeBounds {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
}

export interface Occurrence {
  termId: string;
  range: RangeBounds;
  /** The block root the occurrence was found under; rescanning that block replaces it. */
  root: Node;
  kind: MatchKind;
  /**
   * When the match runs across text the reader does not see as part of it (ruby readings between
   * 沖 and 縄): one range per visible piece, drawn instead of `range` (which spans them all).
   */
  pieces?: RangeBounds[];
}

export interface StoreOptions {
  /**
   * Whether the reader can see the occurrence (density 'first' draws the first one they can).
   * Called only for the occurrence that would become a term's drawn mention, never per block.
   */
  canSee?: (occurrence: Occurrence) => boolean;
  /** The term's role in its pack: context entries count only in a story on topic (topic.ts). */
  roleOf?: (termId: string) => Role;
  /**
   * Whether the page has a story (absent: yes). Topic words count toward the topic gate only in a
   * story: on a page without one they come from headline lists as much as from any text read.
   */
  hasStory?: () => boolean;
}

export type Density = 'first' | 'all';

export interface ShownChange {
  added: Occurrence[];
  removed: Occurrence[];
  /**
   * Every mention shown after the change: the store's own set, to read during the call only. In
   * iteration order `added` come last, as they were added to it (highlights.ts relies on this).
   */
  shown: ReadonlySet<Occurrence>;
}

/** Document order of two occurrences (negative when `a` comes first). */
export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  const an = a.range.startContainer;
  const bn = b.range.startContainer;
  if (an === bn) return a.range.startOffset - b.range.startOffset;
  const position = an.compareDocumentPosition(bn);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

function isAlive(occurrence: Occurrence): boolean {
  const { startContainer, endContainer, endOffset } = occurrence.range;
  return (
    startContainer.isConnected &&
    endContainer.isConnected &&
    endOffset <= (endContainer as Text).length
  );
}

/** What one update changes, collected before it is applied to `shown`. */
class Change {
  readonly added: Occurrence[] = [];
  readonly removed: Occurrence[] = [];
  /** Terms that lost their shown first mention and need a new one (density 'first'). */
  readonly orphaned = new Set<string>();
}

export class MarkStore {
  private readonly byRoot = new Map<Node, Occurrence[]>();
  private readonly byTerm = new Map<string, Set<Occurrence>>();
  private readonly shown = new Set<Occurrence>();
  /** Density 'first': the shown occurrence of each term. */
  private readonly firstByTerm = new Map<string, Occurrence>();
  /** Terms whose unconditional alias or context word was seen on this page. */
  private readonly cued = new Set<string>();
  /** Block roots inside shadow trees: the page observer does not see changes there. */
  private readonly shadowTreeRoots = new Set<Node>();
  /** Terms whose earliest mentions could not be seen when considered (density 'first'). */
  private readonly unseen = new Set<string>();
  /** Whether context entries count: the story is on the glossary's topic (topic.ts). */
  private onTopic = false;
  /** Distinct topic words seen (glossary/topic-words.ts): their cues are in `cued` too. */
  private topicWords = 0;
  /** What `stage()` changed and `flush()` has not shown yet; every other update shows it too. */
  private pending = new Change();

  constructor(
    private density: Density,
    private readonly onChange: (change: ShownChange) => void,
    private readonly options: StoreOptions = {},
  ) {}

  /** Replaces what was found under `root` with `found`, and updates what is shown. */
  replace(root: Node, found: Occurrence[]): void {
    this.replaceMany(new Map([[root, found]]));
  }

  /** Replaces what was found under each root, in one update of what is shown. */
  replaceMany(found: ReadonlyMap<Node, Occurrence[]>): void {
    this.stage(found);
    this.flush();
  }

  /**
   * Replaces what was found under each root but leaves what is shown as it is until `flush()`: a
   * long scan hands its finds over slice by slice, so that the commit that shows them costs only the
   * change to what is shown (one 65–95 ms task on the bench's 5 MB page when a commit also did
   * this bookkeeping for 250 ms of finds, traced). Staged mentions already answer a hover.
   */
  stage(found: ReadonlyMap<Node, Occurrence[]>): void {
    for (const [root, occurrences] of found) {
      this.removeAll(this.byRoot.get(root) ?? [], this.pending);
      this.setRoot(root, this.admit(occurrences));
    }
  }

  /**
   * Adds to what was found under each root, like `stage()` without replacing: for a block root
   * whose blocks a scan reads over several slices (lines split by <br>), so that each slice hands
   * over its own finds only. Handed the same occurrences again, `stage()` would drop the drawn
   * ones: they are removed as old and, already shown, not added back.
   */
  extend(found: ReadonlyMap<Node, Occurrence[]>): void {
    for (const [root, occurrences] of found) {
      const kept = this.admit(occurrences);
      const list = this.byRoot.get(root);
      if (!list) this.setRoot(root, kept);
      else for (const occurrence of kept) list.push(occurrence);
    }
  }

  /** Indexes `occurrences` by term and considers each for showing; returns all but the cues. */
  private admit(occurrences: readonly Occurrence[]): Occurrence[] {
    const change = this.pending;
    const kept: Occurrence[] = [];
    for (const occurrence of occurrences) {
      if (cues(occurrence) && !this.cued.has(occurrence.termId)) {
        this.cued.add(occurrence.termId);
        if (isTopicWord(occurrence.termId)) this.topicWords++;
        // A newly cued term makes its conditional occurrences elsewhere on the page count.
        for (const other of this.byTerm.get(occurrence.termId) ?? []) this.consider(other, change);
      }
      if (occurrence.kind === 'cue') continue;
      kept.push(occurrence);
      let set = this.byTerm.get(occurrence.termId);
      if (!set) this.byTerm.set(occurrence.termId, (set = new Set()));
      set.add(occurrence);
      this.consider(occurrence, change);
    }
    return kept;
  }

  /** Shows what was staged (and any other pending update) as one change. */
  flush(): void {
    const change = this.pending;
    this.pending = new Change();
    this.apply(change);
  }

  private setRoot(root: Node, kept: Occurrence[]): void {
    if (kept.length === 0) {
      this.byRoot.delete(root);
      this.shadowTreeRoots.delete(root);
      return;
    }
    if (!this.byRoot.has(root) && root.getRootNode() instanceof ShadowRoot) {
      this.shadowTreeRoots.add(root);
    }
    this.byRoot.set(root, kept);
  }

  /**
   * Drops the occurrences inside text nodes the page just rewrote, before the next paint (the
   * observer calls this from its microtask), so no mark is painted over the wrong characters while
   * the block waits for its rescan.
   */
  dropInNodes(nodes: ReadonlySet<Node>, rootOf: (node: Node) => Node): void {
    this.dropWhere(
      new Set([...nodes].map(rootOf)),
      (o) => nodes.has(o.range.startContainer) || nodes.has(o.range.endContainer),
    );
  }

  /**
   * Drops what was found under blocks the page took out of the document: one check per block, not
   * per range (when ranges were StaticRanges, whose every read crosses into the browser, checking
   * 50,000 of them took 40–55 ms on a 5 MB page). Text changed inside a block that stays is the
   * observer's: it rescans that block.
   */
  pruneDetached(): void {
    this.dropWhere(
      [...this.byRoot.keys()].filter((root) => !root.isConnected),
      () => true,
    );
  }

  /** Checks every range under blocks in shadow trees, which the observer does not watch. */
  pruneShadowTrees(): void {
    this.dropWhere(this.shadowTreeRoots, (o) => !isAlive(o));
  }

  setDensity(density: Density): void {
    if (density === this.density) return;
    this.density = density;
    // Start over: everything shown goes, then each term's marks (staged ones too) are chosen again.
    this.pending = new Change();
    const removed = [...this.shown];
    this.shown.clear();
    this.firstByTerm.clear();
    if (removed.length > 0) this.onChange({ added: [], removed, shown: this.shown });
    for (const set of this.byTerm.values()) for (const o of set) this.consider(o, this.pending);
    this.flush();
  }

  clear(): void {
    this.pending = new Change();
    const removed = [...this.shown];
    this.byRoot.clear();
    this.shadowTreeRoots.clear();
    this.byTerm.clear();
    this.shown.clear();
    this.firstByTerm.clear();
    this.cued.clear();
    this.unseen.clear();
    this.onTopic = false;
    this.topicWords = 0;
    if (removed.length > 0) this.onChange({ added: [], removed, shown: this.shown });
  }

  /** The marks shown, in reading order. */
  shownInOrder(): Occurrence[] {
    return [...this.shown].sort(compareOccurrences);
  }

  /** Each term on the page with its number of mentions, in reading order of its first mention. */
  mentions(): { termId: string; first: Occurrence; count: number }[] {
    const result: { termId: string; first: Occurrence; count: number }[] = [];
    for (const [termId, set] of this.byTerm) {
      const visible = [...set].filter((o) => this.isVisible(o));
      if (visible.length === 0) continue;
      const first = visible.reduce((a, b) => (compareOccurrences(b, a) < 0 ? b : a));
      result.push({ termId, first, count: visible.length });
    }
    return result.sort((a, b) => compareOccurrences(a.first, b.first));
  }

  get shownCount(): number {
    return this.shown.size;
  }

  isShown(occurrence: Occurrence): boolean {
    return this.shown.has(occurrence);
  }

  /** Whether a present occurrence answers the reader at all (shown or not). */
  isPresent(occurrence: Occurrence): boolean {
    return (
      this.byTerm.get(occurrence.termId)?.has(occurrence) === true && this.isVisible(occurrence)
    );
  }

  /**
   * The occurrences that answer a hover in the block holding `node` (drawn or not) and start or
   * end in it: the hit tester's lookup for mentions that are not drawn.
   */
  answeringIn(node: Node): Occurrence[] {
    for (let n: Node | null = node; n; n = n.parentNode) {
      const list = this.byRoot.get(n);
      if (!list) continue;
      const here = list.filter(
        (o) =>
          (o.range.startContainer === node || o.range.endContainer === node) && this.isVisible(o),
      );
      if (here.length > 0) return here;
    }
    return [];
  }

  /** Every mention that answers, in reading order: what next/previous steps through. */
  answeringInOrder(): Occurrence[] {
    const all: Occurrence[] = [];
    for (const set of this.byTerm.values()) {
      for (const o of set) if (this.isVisible(o)) all.push(o);
    }
    return all.sort(compareOccurrences);
  }

  /**
   * Terms not drawn because their mentions could not be seen get another look (a section the
   * page revealed, a menu that opened): at most `perTerm` visibility checks per term.
   */
  recheckUnseen(perTerm = 5): void {
    if (this.density !== 'first' || this.unseen.size === 0) return;
    const change = this.pending;
    for (const termId of [...this.unseen]) {
      this.unseen.delete(termId);
      if (this.firstByTerm.has(termId)) continue;
      const candidates = [...(this.byTerm.get(termId) ?? [])].sort(compareOccurrences);
      for (const o of candidates.slice(0, perTerm)) this.consider(o, change);
      if (!this.firstByTerm.has(termId) && candidates.length > 0) this.unseen.add(termId);
    }
    this.flush();
  }

  private isVisible(occurrence: Occurrence): boolean {
    if (!counts(occurrence, this.cued)) return false;
    return this.onTopic || this.roleOf(occurrence.termId) === 'key';
  }

  private roleOf(termId: string): Role {
    return this.options.roleOf?.(termId) ?? 'key';
  }

  /** Decides whether a present occurrence should be shown, given the density. */
  private consider(occurrence: Occurrence, change: Change): void {
    if (!this.isVisible(occurrence) || this.shown.has(occurrence)) return;
    if (this.density === 'all') {
      change.added.push(occurrence);
      return;
    }
    const current = this.firstByTerm.get(occurrence.termId);
    if (current && compareOccurrences(current, occurrence) <= 0) return;
    if (this.options.canSee && !this.options.canSee(occurrence)) {
      this.unseen.add(occurrence.termId);
      return;
    }
    if (current) change.removed.push(current);
    this.firstByTerm.set(occurrence.termId, occurrence);
    change.added.push(occurrence);
  }

  private removeAll(occurrences: Iterable<Occurrence>, change: Change): void {
    for (const old of occurrences) {
      this.byTerm.get(old.termId)?.delete(old);
      if (this.firstByTerm.get(old.termId) === old) {
        this.firstByTerm.delete(old.termId);
        change.orphaned.add(old.termId);
      }
      if (this.shown.has(old)) change.removed.push(old);
    }
  }

  private dropWhere(roots: Iterable<Node>, dead: (o: Occurrence) => boolean): void {
    const change = this.pending;
    for (const root of [...roots]) {
      const occurrences = this.byRoot.get(root);
      if (!occurrences) continue;
      const gone = new Set(occurrences.filter(dead));
      if (gone.size === 0) continue;
      this.removeAll(gone, change);
      this.setRoot(
        root,
        occurrences.filter((o) => !gone.has(o)),
      );
    }
    this.flush();
  }

  /**
   * Opens or closes the topic gate as terms come and go: context entries are considered when it
   * opens, and their shown marks go when it closes.
   */
  private updateTopic(change: Change): void {
    const present: { termId: string; role: Role }[] = [];
    for (const [termId, set] of this.byTerm) {
      for (const o of set) {
        if (!counts(o, this.cued)) continue;
        present.push({ termId, role: this.roleOf(termId) });
        break;
      }
    }
    const onTopic = isOnTopic(present, (this.options.hasStory?.() ?? true) ? this.topicWords : 0);
    if (onTopic === this.onTopic) return;
    this.onTopic = onTopic;
    for (const [termId, set] of this.byTerm) {
      if (this.roleOf(termId) !== 'context') continue;
      if (onTopic) for (const o of set) this.consider(o, change);
      else {
        for (const o of set) if (this.shown.has(o)) change.removed.push(o);
        this.firstByTerm.delete(termId);
      }
    }
  }

  private apply(change: Change): void {
    if (this.options.roleOf) this.updateTopic(change);
    // A term whose shown first mention went away is shown at its next mention, if any.
    for (const termId of change.orphaned) {
      if (this.firstByTerm.has(termId)) continue;
      for (const occurrence of this.byTerm.get(termId) ?? []) this.consider(occurrence, change);
    }
    const removed = change.removed.filter((o) => this.shown.delete(o));
    const added = change.added.filter((o) => {
      if (this.shown.has(o)) return false;
      // Superseded within this same update (a still earlier first mention came later in it).
      if (this.density === 'first' && this.firstByTerm.get(o.termId) !== o) return false;
      if (!this.byTerm.get(o.termId)?.has(o) || !this.isVisible(o)) return false;
      this.shown.add(o);
      return true;
    });
    if (added.length > 0 || removed.length > 0)
      this.onChange({ added, removed, shown: this.shown });
  }
}
