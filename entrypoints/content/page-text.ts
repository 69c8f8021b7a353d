/**
 * A frame's text for the gate (utils/page-scripts.ts): the blocks the scanner would read, walked
 * the same way (text-blocks.ts) and joined with line breaks, so that whatever the scanner could
 * match is in it, and handed over in chunks. Also which parts of the frame changed since, so that
 * a page that fills in its story after load is judged again on what it added.
 */
import { PAGE_TEXT_CHUNK } from '@/utils/page-scripts';
import {
  endsInWord,
  isInline,
  isInSkippedRegion,
  isSkipped,
  READINGS,
  UI_HOST_TAG,
  type WalkHooks,
} from './text-blocks';
import { ShadowWatch } from './story/shadow-watch';

/** Walk slices stay this short (ms), like the scanner's: the page's own tasks go between them. */
const SLICE_MS = 4;
/** A block longer than a chunk goes in pieces that overlap by this much: no mention is cut off. */
const OVERLAP = 256;
/**
 * The first chunk's most characters; each next one may be four times longer, up to the message's
 * limit. A page that names a term near its top (a headline) stops the walk early, while a page
 * with nothing to draw is still handed over in a few messages.
 */
const FIRST_CHUNK = 16 * 1024;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const UI_HOST_NAME = UI_HOST_TAG.toLowerCase();

/**
 * The gate's walk: the blocks the scanner's walk reads (text-blocks.ts BlockWalker: a block ends at
 * every element that is not inline and at <br>; skipped subtrees end it too and are not read; ruby
 * readings are left out without ending it; open shadow roots are blocks of their own), as text
 * only. It runs over whole pages, most of which never get the scanner, so it keeps no nodes or
 * offsets (BlockWalker's walk of a whole page cost 5–10 ms of a news page in traces) and reads no
 * style: where two runs of letters meet at an inline box, which may render apart (a flex item),
 * the block is given both joined and split there. A mention is in one or the other, unless it both
 * crosses such a join and ends at another that renders apart.
 */
class TextReader {
  private readonly roots: Node[];
  private root: Node | null = null;
  private node: Node | null = null;
  private parts: string[] = [];
  private length = 0;
  private glues: number[] | undefined;
  private readonly out: string[] = [];

  constructor(
    roots: readonly Node[],
    private readonly hooks: WalkHooks,
  ) {
    this.roots = [...roots].reverse();
  }

  get done(): boolean {
    return this.node === null && this.roots.length === 0;
  }

  /** Reads until the clock passes `deadline` (a performance.now() time): the blocks completed. */
  read(deadline: number): string[] {
    let count = 0;
    for (;;) {
      if (!this.node) {
        this.flush();
        const next = this.roots.pop();
        if (!next) break;
        this.root = next;
        this.node = next.firstChild;
        continue;
      }
      if ((++count & 255) === 0 && performance.now() > deadline) break;
      this.step(this.node);
    }
    return this.out.splice(0);
  }

  private step(node: Node): void {
    let descend = false;
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        if (node.previousSibling) this.mayGlue();
        this.parts.push(data);
        this.length += data.length;
      }
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (READINGS.has(el.localName)) {
        // Left out; the base text on either side stays one word.
      } else if (el.localName === 'br' || isSkipped(el)) {
        this.flush();
      } else {
        const inline = isInline(el);
        if (!inline) this.flush();
        else if (node.previousSibling) this.mayGlue();
        this.shadowOf(el);
        descend = el.firstChild !== null;
        if (!descend && !inline) this.flush();
      }
    }
    if (descend) {
      this.node = node.firstChild;
      return;
    }
    // Climb until a next sibling exists, ending blocks as block elements are left.
    let current: Node | null = node;
    while (current !== this.root && !current.nextSibling) {
      current = current.parentNode;
      if (!current || current === this.root) break;
      if (current.nodeType === Node.ELEMENT_NODE && !isInline(current as Element)) this.flush();
    }
    this.node = current && current !== this.root ? current.nextSibling : null;
  }

  /** Notes a join where the text so far ends in a letter or digit (see the class comment). */
  private mayGlue(): void {
    const last = this.parts[this.parts.length - 1];
    if (last !== undefined && endsInWord(last)) (this.glues ??= []).push(this.length);
  }

  /** An open shadow root is read as blocks of its own, after this root; the hooks hear of it. */
  private shadowOf(el: Element): void {
    if (el.localName === UI_HOST_NAME) return;
    const shadow = el.shadowRoot;
    if (!shadow) {
      if (el.localName.includes('-')) this.hooks.shadowless?.(el);
      return;
    }
    this.hooks.shadowRoot?.(shadow);
    this.flush();
    this.roots.push(shadow);
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    if (/\S/.test(text)) {
      this.out.push(text);
      if (this.glues) {
        let split = '';
        let from = 0;
        for (const at of this.glues) {
          split += `${text.slice(from, at)}\n`;
          from = at;
        }
        this.out.push(split + text.slice(from));
      }
    }
    this.parts = [];
    this.length = 0;
    this.glues = undefined;
  }
}

/**
 * The text under `roots`, in chunks of at most `first` UTF-16 code units, then four times more per
 * chunk up to `max`, each ending at a block's end (a longer block is cut into overlapping pieces). Walked in slices of a few ms; `handOver` gets each
 * chunk as it fills and returns true to stop the walk (the first chunk that holds a term is
 * enough). Resolves when the walk ends.
 * @param hooks told of the shadow roots and custom elements the walk passes (TextWatch's).
 */
export async function sendText(
  roots: readonly Node[],
  handOver: (chunk: string) => Promise<boolean>,
  {
    max = PAGE_TEXT_CHUNK,
    first = FIRST_CHUNK,
    hooks = {},
  }: { max?: number; first?: number; hooks?: WalkHooks } = {},
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
  const reader = new TextReader(roots, hooks);
  while (!reader.done) {
    for (const text of reader.read(performance.now() + SLICE_MS)) {
      if (chunk.length + text.length + 1 > limit && (await flush())) return;
      // Each piece starts `overlap` before the last one's end (the limit may grow in between).
      for (let at = 0; ;) {
        const piece = text.slice(at, at + limit - 1);
        if (chunk.length + piece.length + 1 > limit && (await flush())) return;
        chunk += `${piece}\n`;
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
