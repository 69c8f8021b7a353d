/**
 * A frame's text for the gate (utils/page-scripts.ts): the blocks the scanner would read, each
 * ended by PAGE_TEXT_BLOCK_END, so that whatever the scanner could match is in it, and handed over
 * in chunks. Also which parts of the frame changed since, so that a page that fills in its story
 * after load is judged again on what it added.
 */
import { PAGE_TEXT_BLOCK_END, PAGE_TEXT_CHUNK } from '@/utils/page-scripts';
import {
  endsInWord,
  isInline,
  isInSkippedRegion,
  isSkipped,
  READINGS,
  SKIPPED,
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

/** Where a parent of text sits, for the gate's walk (TextReader). */
interface Place {
  /** The nearest element that is not inline, or the walk's root: two blocks' text never joins. */
  block: Node;
  /** READ, or not: LEFT_OUT ends the block (a script, a form field), READING does not (ruby). */
  read: number;
}

const READ = 0;
const LEFT_OUT = 1;
const READING = 2;

/**
 * The gate's walk: the blocks the scanner's walk reads (text-blocks.ts BlockWalker: a block ends at
 * every element that is not inline and at <br>; skipped subtrees end it too and are not read; ruby
 * readings are left out without ending it; open shadow roots are blocks of their own), as text
 * only. It runs once over whole pages, most of which never get the scanner, so it lets the browser
 * do the walking: a TreeWalker over text nodes, each parent of text placed once (its Place), and
 * one over elements for open shadow roots and custom elements. A page's first walk runs as cold
 * bytecode, where every step per node counts: on corpus pages, a first walk node by node took
 * 1.3–4.3 ms where a TreeWalker over text nodes took 0.6–1.1 ms (main world, issue #14).
 *
 * Two text nodes of one block that are not siblings side by side have elements between them. Only
 * where letters meet there (elsewhere joining or splitting changes no word) does the walk look at
 * them (joinBetween): a <br> or a block ends the block; an inline element's edge may render apart
 * (a flex item; no style is read), so the block is handed over joined and, as blocks of their own,
 * split at each such edge. A mention is in one or the other, unless it both crosses such an edge
 * and ends at another that is apart.
 */
class TextReader {
  private readonly roots: Node[];
  private root: Node | null = null;
  private walker: TreeWalker | null = null;
  /** Between a root's text and its shadow roots' (findShadows): the walk over its elements. */
  private elements: TreeWalker | null = null;
  private element: Element | null = null;
  private found: ShadowRoot[] = [];
  private places = new Map<Node, Place>();
  private last: Text | null = null;
  private lastPlace: Place | null = null;
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
    return this.walker === null && this.elements === null && this.roots.length === 0;
  }

  /** Reads until the clock passes `deadline` (a performance.now() time): the blocks completed. */
  read(deadline: number): string[] {
    let count = 0;
    for (;;) {
      if (this.elements) {
        if (this.findShadows(deadline)) continue;
        break;
      }
      if (!this.walker) {
        const next = this.roots.pop();
        if (!next) break;
        this.start(next);
        continue;
      }
      if ((++count & 255) === 0 && performance.now() > deadline) break;
      const node = this.walker.nextNode();
      if (node) this.text(node as Text);
      else this.startShadows();
    }
    return this.out.splice(0);
  }

  private start(root: Node): void {
    this.root = root;
    this.places = new Map();
    this.last = null;
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  }

  /**
   * After a root's text, its open shadow roots, found by a walk over its elements (see
   * findShadows). Not before: a walk the background stops at the first chunk with a term never
   * needs them, and walked at start, unsliced, the bench's 5 MB page's elements were one task of
   * 138 ms (traced; 36 ms is Gloss's longest task there since).
   */
  private startShadows(): void {
    this.flush();
    this.walker = null;
    const root = this.root!;
    const doc = root.ownerDocument ?? (root as Document);
    this.elements = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    this.element = this.elements.nextNode() as Element | null;
  }

  private text(node: Text): void {
    const place = this.placeOf(node.parentNode!);
    if (place.read === READING) return;
    if (place.read === LEFT_OUT) {
      this.flush();
      return;
    }
    const data = node.data;
    if (data.length === 0) return;
    const last = this.last;
    if (last !== null) {
      if (this.lastPlace!.block !== place.block) this.flush();
      else if (last.nextSibling !== node && this.lettersMeet(data)) {
        const between = joinBetween(last, node);
        if (between === BREAK) this.flush();
        else if (between === GLUE) (this.glues ??= []).push(this.length);
      }
    }
    this.parts.push(data);
    this.length += data.length;
    this.last = node;
    this.lastPlace = place;
  }

  /** The Place of `node`, a parent of text, and of its ancestors up to the root, each found once. */
  private placeOf(node: Node): Place {
    const known = this.places.get(node);
    if (known) return known;
    // Climbs to the nearest ancestor already placed (or the root), then places the way back down.
    const path: Element[] = [];
    let above: Place | undefined;
    for (let at: Node | null = node; ; at = at.parentNode) {
      if (at === null || at === this.root || at.nodeType !== Node.ELEMENT_NODE) {
        above = { block: at ?? node, read: READ };
        if (at) this.places.set(at, above);
        break;
      }
      above = this.places.get(at);
      if (above) break;
      path.push(at as Element);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const el = path[i]!;
      let place: Place;
      if (above.read !== READ) place = above;
      else if (READINGS.has(el.localName)) place = { block: above.block, read: READING };
      else if (isSkipped(el)) place = { block: el, read: LEFT_OUT };
      else if (isInline(el)) place = above;
      else place = { block: el, read: READ };
      this.places.set(el, place);
      above = place;
    }
    return above;
  }

  /** Whether the text so far ends in a letter and `next` starts with one (see the class comment). */
  private lettersMeet(next: string): boolean {
    const last = this.parts[this.parts.length - 1];
    return last !== undefined && endsInWord(last) && startsInWord(next);
  }

  /**
   * Walks on to the open shadow roots under the root until `deadline`: they are read as roots of
   * their own, next; the hooks hear of them, and of custom elements without one yet. Skipped
   * subtrees are not entered. Returns whether the walk is finished.
   */
  private findShadows(deadline: number): boolean {
    const walker = this.elements!;
    let el = this.element;
    let count = 0;
    while (el) {
      if ((++count & 255) === 0 && performance.now() > deadline) {
        this.element = el;
        return false;
      }
      const name = el.localName;
      if (SKIPPED.has(name) || name === UI_HOST_NAME) {
        el = skipSubtree(walker);
        continue;
      }
      const shadow = el.shadowRoot;
      if (shadow) {
        this.hooks.shadowRoot?.(shadow);
        this.found.push(shadow);
      } else if (name.includes('-')) this.hooks.shadowless?.(el);
      el = walker.nextNode() as Element | null;
    }
    this.elements = null;
    this.element = null;
    // Popped in document order, before the roots still waiting.
    for (let i = this.found.length - 1; i >= 0; i--) this.roots.push(this.found[i]!);
    this.found = [];
    return true;
  }

  private flush(): void {
    this.last = null;
    if (this.parts.length === 0) return;
    let text = this.parts.join('');
    if (/\S/.test(text)) {
      if (text.includes(PAGE_TEXT_BLOCK_END)) text = text.replaceAll(PAGE_TEXT_BLOCK_END, ' ');
      this.out.push(text);
      // Each piece between glues is a block of its own too (the scanner's, where they render apart).
      if (this.glues) {
        let from = 0;
        for (const at of [...this.glues, text.length]) {
          const piece = text.slice(from, at);
          if (/\S/.test(piece)) this.out.push(piece);
          from = at;
        }
      }
    }
    this.parts = [];
    this.length = 0;
    this.glues = undefined;
  }
}

const JOIN = 0;
const GLUE = 1;
const BREAK = 2;

/**
 * What lies between two text nodes of one block, `from` before `to`, as the scanner reads it:
 * BREAK if a <br>, an element that is not inline or a skipped one (a form field) ends the block
 * there; GLUE if an inline element's edge, which may render apart, or a ruby reading is crossed;
 * else JOIN. Only text, empty or not read, and inline elements are expected between: the gate
 * asks only where letters meet, so each element is looked at by few such questions.
 */
function joinBetween(from: Node, to: Node): number {
  let crossed = false;
  let node: Node = from;
  for (;;) {
    // To the next node in document order that is not inside `node`.
    while (!node.nextSibling) {
      node = node.parentNode!;
      if (!isInline(node as Element)) return BREAK;
      crossed = true;
    }
    node = node.nextSibling;
    // Into it, as far as the first node that is not an inline element.
    for (;;) {
      if (node === to) return crossed ? GLUE : JOIN;
      if (node.nodeType !== Node.ELEMENT_NODE) break;
      const el = node as Element;
      crossed = true;
      if (READINGS.has(el.localName)) break;
      if (!isInline(el) || isSkipped(el)) return BREAK;
      if (!el.firstChild) break;
      node = el.firstChild;
    }
  }
}

/** The walker's next element after the current one's subtree, or null at the root's end. */
function skipSubtree(walker: TreeWalker): Element | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next) return next as Element;
    if (!walker.parentNode()) return null;
  }
}

/**
 * Whether `text` may start a word: an ASCII letter or digit, or any other script's character (a
 * combining accent, a soft hyphen, CJK), taken as one so as never to lose a join.
 */
function startsInWord(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code >= 0x80) return true;
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/**
 * The text under `roots`, in chunks of at most `first` UTF-16 code units, then four times more per
 * chunk up to `max`, each block ended by PAGE_TEXT_BLOCK_END (a longer block is cut into
 * overlapping pieces). Walked in slices of a few ms; `handOver` gets each chunk as it fills and
 * returns true to stop the walk (the first chunk that holds a term is enough). Resolves when the
 * walk ends.
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
