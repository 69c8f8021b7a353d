/**
 * A frame's text for the gate (utils/page-scripts.ts): a superset of the text the scanner would
 * read, so that whatever the scanner could match is in it, handed over in chunks. Also which parts
 * of the frame changed since, so that a page that fills in its story after load is judged again on
 * what it added.
 */
import { PAGE_TEXT_BLOCK_END, PAGE_TEXT_CHUNK, PAGE_TEXT_SOFT_EDGE } from '@/utils/page-scripts';
import { isInSkippedRegion, isSkipped, isSkippedTag, type WalkHooks } from './text-blocks';
import { ShadowWatch } from './story/shadow-watch';
import { SLICE_MS } from './yield-to-page';

/** A block longer than a chunk goes in pieces that overlap by this much: no mention is cut off. */
const OVERLAP = 256;
/**
 * The first chunk's most characters; each next one may be four times longer, up to the message's
 * limit. Most pages' text fits in the first (a page with nothing to draw costs one message), and a
 * longer page that names a term in it stops the walk there.
 */
const FIRST_CHUNK = 64 * 1024;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The gate's walk: one TreeWalker over a root's elements and text nodes, then its open shadow
 * roots (roots of their own, read next). It hands over a superset of what the scanner's walk reads
 * (text-blocks.ts BlockWalker), cheaply enough for every page, most of which never get the scanner:
 * - each text node's data as it is, with PAGE_TEXT_SOFT_EDGE between two nodes. Where they meet,
 *   the scanner may join them into one word ("Sen<b>kaku</b>", 国<rt>こく</rt>会) or keep them
 *   apart (two blocks, a <br>, flex items); the background's matcher finds what either reading
 *   holds (glossary/normalize.ts SOFT_EDGE), so the gate need not work that out;
 * - the subtrees the scanner skips are skipped (scripts, styles, form fields, code, ruby readings),
 *   but for editable regions, which only add text;
 * - the hooks hear of each open shadow root and of each custom element without one yet.
 *
 * Issue #14: the gate used to work out the scanner's blocks (each parent's ancestors, the elements
 * between two nodes where letters met), then walk the elements again for shadow roots. On the
 * corpus's pages that cost 10–25 ms per page in Chromium, most of Gloss's cost on a page with
 * nothing to draw. This walk is the browser's TreeWalker, an array push per text node and a look
 * at each element's name and shadow root (Gloss's traced time on 12 of those pages, side by side:
 * median 15.7 → 8.8 ms for the text nodes alone).
 */
class TextReader {
  private readonly roots: Node[];
  /** Over the elements and text nodes of the root being read. */
  private walker: TreeWalker | null = null;
  private found: ShadowRoot[] = [];
  private parts: string[] = [];
  /** How many of `parts` were carried over from the block handed on before (see `flush`). */
  private carried = 0;
  private readonly out: string[] = [];

  constructor(
    roots: readonly Node[],
    private readonly hooks: WalkHooks,
    private readonly leavesOut?: (el: Element) => boolean,
  ) {
    this.roots = [...roots].reverse();
  }

  get done(): boolean {
    return this.walker === null && this.roots.length === 0;
  }

  /**
   * Reads until the clock passes `deadline` (a performance.now() time): the text read, as blocks
   * (each root's text is one, handed on in pieces at each deadline; see `flush`).
   */
  read(deadline: number): string[] {
    let count = 0;
    for (;;) {
      const walker = this.walker;
      if (!walker) {
        const next = this.roots.pop();
        if (!next) break;
        const doc = next.ownerDocument ?? (next as Document);
        this.walker = doc.createTreeWalker(next, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        continue;
      }
      if ((++count & 255) === 0 && performance.now() > deadline) break;
      const node = walker.nextNode();
      if (node === null) this.endRoot();
      else if (node.nodeType === TEXT_NODE) this.parts.push(shortened((node as Text).data));
      else this.element(node as Element, walker);
    }
    this.flush(true);
    return this.out.splice(0);
  }

  private element(el: Element, walker: TreeWalker): void {
    const name = el.localName;
    if (isSkippedTag(name) || this.leavesOut?.(el)) {
      // To its last descendant: the walker's next node is then the first after its subtree.
      while (walker.lastChild());
      return;
    }
    const shadow = el.shadowRoot;
    if (shadow) {
      this.hooks.shadowRoot?.(shadow);
      this.found.push(shadow);
    } else if (name.includes('-')) this.hooks.shadowless?.(el);
  }

  /** The root is read: its open shadow roots are next, in document order. */
  private endRoot(): void {
    this.flush(false);
    this.walker = null;
    for (let i = this.found.length - 1; i >= 0; i--) this.roots.push(this.found[i]!);
    this.found = [];
  }

  /**
   * Hands on the text read so far as a block. Mid-root (`more`), the block's last OVERLAP
   * characters begin the next one, so that a mention across the cut is whole in one of them.
   */
  private flush(more: boolean): void {
    if (this.parts.length <= this.carried) return;
    let text = this.parts.join(PAGE_TEXT_SOFT_EDGE);
    this.parts = [];
    this.carried = 0;
    if (text.includes(PAGE_TEXT_BLOCK_END)) text = text.replaceAll(PAGE_TEXT_BLOCK_END, ' ');
    if (HAS_TEXT.test(text)) this.out.push(text);
    if (more && this.walker !== null) {
      this.parts.push(text.slice(-OVERLAP));
      this.carried = 1;
    }
  }
}

const TEXT_NODE = 3;
const NOT_SPACE = /\S/;

/**
 * A text node's data as the gate hands it over: as it is, but a run of spaces alone (the
 * indentation between tags of a pretty-printed page) as one space, or one line break if it holds
 * one. The matcher reads any run of spaces as one separator, and the rules that read around a
 * match tell only a line break apart. Such runs were 60% of the text the gate handed over on the
 * corpus's pages (80% on some), and the message's cost grows with its length: sending 256 kB took
 * 4–6 ms of the page's main thread, 64 kB 1.5 ms (Chromium, this machine).
 */
function shortened(data: string): string {
  if (data.length < 2 || data.charCodeAt(0) > 32 || NOT_SPACE.test(data)) return data;
  return data.includes('\n') ? '\n' : ' ';
}

/** Any character but a space or a soft edge. */
const HAS_TEXT = new RegExp(`[^\\s${PAGE_TEXT_SOFT_EDGE}]`);

/**
 * The text under `roots`, in chunks of at most `first` UTF-16 code units, then four times more per
 * chunk up to `max`, each block ended by PAGE_TEXT_BLOCK_END (a longer block is cut into
 * overlapping pieces). Walked in slices of a few ms; `handOver` gets each chunk as it fills and
 * returns true to stop the walk (the first chunk that holds a term is enough). Resolves when the
 * walk ends.
 * @param hooks told of the shadow roots and custom elements the walk passes (TextWatch's).
 * @param leavesOut whether an element under a root is left out with its subtree, as the scanner's
 *   scope leaves it out (story/scope.ts `leavesOut`); the roots themselves are read.
 */
export async function sendText(
  roots: readonly Node[],
  handOver: (chunk: string) => Promise<boolean>,
  {
    max = PAGE_TEXT_CHUNK,
    first = FIRST_CHUNK,
    hooks = {},
    leavesOut,
  }: {
    max?: number;
    first?: number;
    hooks?: WalkHooks;
    leavesOut?: (el: Element) => boolean;
  } = {},
): Promise<void> {
  let limit = Math.min(first, max);
  // Longer than any mention (aliases are at most a few dozen characters), shorter than a chunk.
  const overlap = Math.min(OVERLAP, limit >> 2);
  let chunk = '';
  const flush = async () => {
    const text = chunk;
    chunk = '';
    if (!/\S/.test(text)) return false;
    limit = Math.min(limit * 4, max);
    return handOver(text);
  };
  const reader = new TextReader(roots, hooks, leavesOut);
  while (!reader.done) {
    for (const text of reader.read(performance.now() + SLICE_MS)) {
      if (chunk.length + text.length + 1 > limit && (await flush())) return;
      // Each piece starts `overlap` before the last one's end (the limit may grow in between).
      for (let at = 0; ;) {
        const piece = text.slice(at, at + limit - 1);
        if (chunk.length + piece.length + 1 > limit && (await flush())) return;
        chunk += piece + PAGE_TEXT_BLOCK_END;
        if (at + piece.length >= text.length) break;
        at += piece.length - overlap;
      }
    }
    if (!reader.done) await nextTask();
  }
  await flush();
}

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * The longest wait between two reports (ms): each report doubles the wait, so a ticker or a chat
 * widget that never holds a term costs a walk and a message every half minute, not every second,
 * while a story filled in over the first seconds is still read within a few.
 */
const MAX_DELAY_MS = 30_000;

/**
 * Watches `doc` for text the page adds or changes, in the document and in the open shadow roots
 * the walks report (a MutationObserver on the document does not see into them), and for custom
 * elements that attach a shadow root later (checked every `everyMs` while any wait, as the engine
 * does, story/shadow-watch.ts). `onChange(roots)` gets the nodes to read again at most once per
 * `everyMs` at first, then less and less often (MAX_DELAY_MS); roots inside what the scanner skips
 * (scripts, styles, form fields, editable regions) are left out.
 */
export class TextWatch {
  /** For the walks (sendText): shadow roots to observe, hosts that may attach one. */
  readonly hooks: WalkHooks;
  private readonly observer: MutationObserver;
  private readonly shadows: ShadowWatch;
  private pending = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private delay: number;

  constructor(
    doc: Document,
    private readonly onChange: (roots: Node[]) => void,
    private readonly everyMs = 1_000,
  ) {
    this.delay = everyMs;
    this.observer = new MutationObserver((records) => this.note(records));
    this.observer.observe(doc, OBSERVED);
    this.shadows = new ShadowWatch((root) => this.observer.observe(root, OBSERVED));
    this.hooks = {
      shadowRoot: (root) => this.shadows.hooks.shadowRoot?.(root),
      shadowless: (el) => {
        this.shadows.hooks.shadowless?.(el);
        this.poll ??= setInterval(() => this.checkShadows(), this.everyMs);
      },
    };
  }

  disconnect(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    clearInterval(this.poll);
  }

  private note(records: MutationRecord[]): void {
    for (const record of records) {
      // A walk reads a root's descendants: a text node is read through its parent.
      if (record.type === 'characterData') {
        if (record.target.parentNode) this.pending.add(record.target.parentNode);
        continue;
      }
      record.addedNodes.forEach((node) => {
        const root = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
        if (root) this.pending.add(root);
      });
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const roots = [...this.pending].filter(
        (node) =>
          node.isConnected &&
          !(node.nodeType === Node.ELEMENT_NODE && isSkipped(node as Element)) &&
          !isInSkippedRegion(node),
      );
      this.pending = new Set();
      if (roots.length === 0) return;
      this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
      this.onChange(roots);
    }, this.delay);
  }

  private checkShadows(): void {
    const attached = this.shadows.newlyAttached();
    if (!this.shadows.waits()) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
    if (attached.length > 0) this.onChange(attached);
  }
}
