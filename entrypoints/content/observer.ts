/**
 * Watches the page for text that appears or changes later (infinite scroll, live blogs, SPA
 * navigation, re-rendering apps) and rescans only the changed blocks, in a debounced pass.
 *
 * A page that keeps rewriting itself cannot drive Gloss into a loop: when rescans take more than
 * CUTOFF_MS of the last WINDOW_MS, Gloss stops watching this page and stays quiet.
 */
import { blockRootOf, isInline, isInSkippedRegion, isSkipped, UI_HOST_TAG } from './text-blocks';

const DEBOUNCE_MS = 60;
const WINDOW_MS = 10_000;
const CUTOFF_MS = 1_500;

export interface ObserverOptions {
  /**
   * Reads `roots` again; those in `shallow` only for their own text (BlockWalker's `shallow`):
   * the change was to text or inline elements directly in them, not to the blocks they hold.
   */
  rescan(roots: Node[], shallow: ReadonlySet<Node>): Promise<void>;
  /** Text nodes whose characters changed: their marks are stale right now. */
  textChanged(nodes: Set<Node>): void;
  /**
   * Called before each pass: re-register highlights and, when the page removed or rewrote
   * something since the last pass, drop stale marks (appending alone costs nothing page-wide).
   */
  beforePass(removals: boolean): void;
  onCutoff(): void;
  setTimeout(handler: () => void, ms: number): number;
}

export class PageObserver {
  /**
   * Roots to read again: `true` with everything under them (an added block), `false` for their
   * own text only (a change to text or inline elements in them).
   */
  private readonly dirty = new Map<Node, boolean>();
  /** Whether the page removed or rewrote anything since the last pass. */
  private removals = false;
  private timer: number | null = null;
  private running = false;
  private readonly costs: { at: number; ms: number }[] = [];
  private readonly observer: MutationObserver;
  stopped = false;

  constructor(private readonly options: ObserverOptions) {
    this.observer = new MutationObserver((records) => this.collect(records));
  }

  observe(root: Node): void {
    this.observer.observe(root, { childList: true, characterData: true, subtree: true });
  }

  disconnect(): void {
    this.stopped = true;
    this.observer.disconnect();
  }

  private collect(records: MutationRecord[]): void {
    if (this.stopped) return;
    const rewritten = new Set<Node>();
    // A burst of records mostly shares a few targets: each one's ancestry is walked once.
    const ours = new Map<Node, boolean>();
    for (const record of records) {
      const target = record.target;
      let isOursTarget = ours.get(target);
      if (isOursTarget === undefined) ours.set(target, (isOursTarget = isOurs(target)));
      if (isOursTarget) continue;
      if (record.type === 'childList' && onlyOurs(record)) continue;
      const el = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
      if (el && (isSkipped(el) || isInSkippedRegion(el))) continue;
      if (record.type === 'characterData') {
        this.removals = true;
        rewritten.add(target);
        this.touch(blockRootOf(target), false);
        continue;
      }
      // An added block is rescanned on its own, not with its parent: appending to a long article
      // costs in proportion to what was added. A removed block's marks go with prune(). Inline
      // changes are read again in their block root's own text only.
      for (const node of record.addedNodes) {
        if (isBlock(node)) this.touch(node, true);
        else if (!isSkippedElement(node)) this.touch(blockRootOf(target), holdsBlock(node));
      }
      if (record.removedNodes.length > 0) this.removals = true;
      for (const node of record.removedNodes) {
        if (!isBlock(node) && !isSkippedElement(node)) this.touch(blockRootOf(target), false);
      }
    }
    if (rewritten.size > 0) this.options.textChanged(rewritten);
    if (this.dirty.size > 0) this.schedule();
  }

  /** Notes `root` for the next pass; read whole (`deep`) wins over its own text only. */
  private touch(root: Node, deep: boolean): void {
    if (deep || !this.dirty.has(root)) this.dirty.set(root, deep);
  }

  private schedule(): void {
    if (this.timer !== null || this.stopped) return;
    this.timer = this.options.setTimeout(() => void this.pass(), DEBOUNCE_MS);
  }

  private async pass(): Promise<void> {
    this.timer = null;
    if (this.running) return this.schedule();
    this.running = true;
    const started = performance.now();
    try {
      this.options.beforePass(this.removals);
      this.removals = false;
      const shallow = new Set<Node>();
      for (const [root, deep] of this.dirty) if (!deep) shallow.add(root);
      const roots = outermost(
        [...this.dirty.keys()].filter((node) => node.isConnected),
        shallow,
      );
      this.dirty.clear();
      if (roots.length > 0) {
        await this.options.rescan(roots, new Set(roots.filter((root) => shallow.has(root))));
      }
    } finally {
      this.running = false;
    }
    this.record(performance.now() - started);
    if (this.dirty.size > 0) this.schedule();
  }

  private record(ms: number): void {
    const now = performance.now();
    this.costs.push({ at: now, ms });
    while (this.costs.length > 0 && this.costs[0]!.at < now - WINDOW_MS) this.costs.shift();
    const total = this.costs.reduce((sum, cost) => sum + cost.ms, 0);
    if (total > CUTOFF_MS) {
      this.disconnect();
      this.options.onCutoff();
    }
  }
}

function isSkippedElement(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && isSkipped(node as Element);
}

function isBlock(node: Node): boolean {
  return (
    node.nodeType === Node.ELEMENT_NODE && !isSkipped(node as Element) && blockRootOf(node) === node
  );
}

/** Whether an added inline node holds a block (`<a><div>…</div></a>`): new text of other roots. */
function holdsBlock(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  for (const el of (node as Element).getElementsByTagName('*')) {
    if (!isInline(el) && !isSkipped(el)) return true;
  }
  return false;
}

function isOurs(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).tagName.toUpperCase() === UI_HOST_TAG) {
      return true;
    }
  }
  return false;
}

function onlyOurs(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return (
    nodes.length > 0 &&
    nodes.every(
      (node) =>
        node.nodeType === Node.ELEMENT_NODE &&
        (node as Element).tagName.toUpperCase() === UI_HOST_TAG,
    )
  );
}

/**
 * Drops roots nested inside other roots read whole: the outer rescan covers them; one in
 * `shallow` is read for its own text only and covers none. No sorting: comparing document
 * positions walks a long list of siblings each time (1,000 paragraphs appended to a 5 MB article
 * cost hundreds of ms that way), while each root's ancestry is short.
 */
export function outermost(roots: readonly Node[], shallow: ReadonlySet<Node> = new Set()): Node[] {
  const set = new Set(roots);
  return [...set].filter((root) => {
    for (let n = root.parentNode; n; n = n.parentNode) {
      if (set.has(n) && !shallow.has(n)) return false;
    }
    return true;
  });
}
