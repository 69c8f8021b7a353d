/**
 * Every occurrence of a glossary term found on the page, and which of them are shown as marks.
 *
 * Occurrences are StaticRanges: live Ranges would be updated by the browser on every later page
 * mutation (20k of them turned 11 ms of page edits into 3 s). A StaticRange can go stale, so the
 * observer rescans changed blocks and `prune()` drops ranges whose nodes left the document.
 */
import type { MatchKind } from '@/glossary/matcher';

export interface Occurrence {
  termId: string;
  range: StaticRange;
  /** The block root the occurrence was found under; rescanning that block replaces it. */
  root: Node;
  kind: MatchKind;
}

export type Density = 'first' | 'all';

export interface ShownChange {
  added: Occurrence[];
  removed: Occurrence[];
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

export class MarkStore {
  private readonly byRoot = new Map<Node, Occurrence[]>();
  private readonly byTerm = new Map<string, Set<Occurrence>>();
  private readonly shown = new Set<Occurrence>();
  private readonly shownByTerm = new Map<string, Set<Occurrence>>();
  /** Terms whose unconditional alias or context word was seen on this page. */
  private readonly cued = new Set<string>();

  constructor(
    private density: Density,
    private readonly onChange: (change: ShownChange) => void,
  ) {}

  /** Replaces what was found under `root` with `found`, and updates what is shown. */
  replace(root: Node, found: Occurrence[]): void {
    const affected = new Set<string>();
    for (const old of this.byRoot.get(root) ?? []) {
      this.byTerm.get(old.termId)?.delete(old);
      affected.add(old.termId);
    }
    const kept: Occurrence[] = [];
    for (const occurrence of found) {
      if (occurrence.kind !== 'conditional' && !this.cued.has(occurrence.termId)) {
        // A newly cued term may make conditional occurrences elsewhere on the page count.
        this.cued.add(occurrence.termId);
        affected.add(occurrence.termId);
      }
      if (occurrence.kind === 'cue') continue;
      kept.push(occurrence);
      let set = this.byTerm.get(occurrence.termId);
      if (!set) this.byTerm.set(occurrence.termId, (set = new Set()));
      set.add(occurrence);
      affected.add(occurrence.termId);
    }
    if (kept.length > 0) this.byRoot.set(root, kept);
    else this.byRoot.delete(root);
    this.refresh(affected);
  }

  /**
   * Drops the occurrences inside text nodes the page just rewrote, before the next paint (the
   * observer calls this from its microtask), so no mark is painted over the wrong characters while
   * the block waits for its rescan.
   */
  dropInNodes(nodes: ReadonlySet<Node>, rootOf: (node: Node) => Node): void {
    const affected = new Set<string>();
    const roots = new Set([...nodes].map(rootOf));
    for (const root of roots) {
      const occurrences = this.byRoot.get(root);
      if (!occurrences) continue;
      const kept = occurrences.filter(
        (o) => !nodes.has(o.range.startContainer) && !nodes.has(o.range.endContainer),
      );
      if (kept.length === occurrences.length) continue;
      for (const dead of occurrences) {
        if (kept.includes(dead)) continue;
        this.byTerm.get(dead.termId)?.delete(dead);
        affected.add(dead.termId);
      }
      if (kept.length > 0) this.byRoot.set(root, kept);
      else this.byRoot.delete(root);
    }
    if (affected.size > 0) this.refresh(affected);
  }

  /** Drops occurrences whose text the page removed or rewrote; returns how many. */
  prune(): number {
    const affected = new Set<string>();
    let dropped = 0;
    for (const [root, occurrences] of this.byRoot) {
      const alive = occurrences.filter(isAlive);
      if (alive.length === occurrences.length) continue;
      dropped += occurrences.length - alive.length;
      for (const dead of occurrences) {
        if (alive.includes(dead)) continue;
        this.byTerm.get(dead.termId)?.delete(dead);
        affected.add(dead.termId);
      }
      if (alive.length > 0) this.byRoot.set(root, alive);
      else this.byRoot.delete(root);
    }
    if (affected.size > 0) this.refresh(affected);
    return dropped;
  }

  setDensity(density: Density): void {
    if (density === this.density) return;
    this.density = density;
    this.refresh(new Set(this.byTerm.keys()));
  }

  clear(): void {
    const removed = [...this.shown];
    this.byRoot.clear();
    this.byTerm.clear();
    this.shown.clear();
    this.shownByTerm.clear();
    this.cued.clear();
    if (removed.length > 0) this.onChange({ added: [], removed });
  }

  /** The marks shown, in reading order. */
  shownInOrder(): Occurrence[] {
    return [...this.shown].sort(compareOccurrences);
  }

  /** Each term on the page with its number of mentions, in reading order of its first mention. */
  mentions(): { termId: string; first: Occurrence; count: number }[] {
    const result: { termId: string; first: Occurrence; count: number }[] = [];
    for (const termId of this.shownByTerm.keys()) {
      const visible = this.visible(termId);
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

  private refresh(terms: Set<string>): void {
    const added: Occurrence[] = [];
    const removed: Occurrence[] = [];
    for (const termId of terms) {
      const wanted = this.wanted(termId);
      const current = this.shownByTerm.get(termId) ?? new Set<Occurrence>();
      for (const occurrence of current) if (!wanted.has(occurrence)) removed.push(occurrence);
      for (const occurrence of wanted) if (!current.has(occurrence)) added.push(occurrence);
      if (wanted.size > 0) this.shownByTerm.set(termId, wanted);
      else this.shownByTerm.delete(termId);
    }
    for (const occurrence of removed) this.shown.delete(occurrence);
    for (const occurrence of added) this.shown.add(occurrence);
    if (added.length > 0 || removed.length > 0) this.onChange({ added, removed });
  }

  private visible(termId: string): Occurrence[] {
    const all = this.byTerm.get(termId);
    if (!all) return [];
    return [...all].filter((o) => o.kind === 'mark' || this.cued.has(termId));
  }

  private wanted(termId: string): Set<Occurrence> {
    const visible = this.visible(termId);
    if (this.density === 'all' || visible.length <= 1) return new Set(visible);
    let first = visible[0]!;
    for (const occurrence of visible) {
      if (compareOccurrences(occurrence, first) < 0) first = occurrence;
    }
    return new Set([first]);
  }
}
