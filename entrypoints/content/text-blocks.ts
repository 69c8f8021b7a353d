/**
 * Joins the text nodes under one block-level element into one string, so that
 * "strategic <b>autonomy</b>" is matched as one phrase, and remembers where each node starts
 * so that a match can be mapped back to (node, offset) pairs.
 *
 * The walk skips excluded subtrees itself instead of using a TreeWalker `acceptNode` filter:
 * calling back into JS for every node costs several times the walk. It never reads layout.
 */
import { RenderedApart } from './story/boxes';

export interface TextBlock {
  /** The nearest block-level element (or shadow root / document) that holds the text. */
  root: Node;
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
  /** Indexes i where text the reader does not read as part of the line (a ruby reading) sits
   * between nodes[i - 1] and nodes[i]; a match across one is drawn in pieces. */
  gaps?: Set<number>;
}

/** Hooks for what the walk finds besides text: shadow roots to watch, hosts that may get one. */
export interface WalkHooks {
  shadowRoot?(root: ShadowRoot): void;
  /** A custom element without a shadow root yet (it may attach one later). */
  shadowless?(el: Element): void;
}

// Inline elements continue the current block; every other element starts a new one. Sets hold
// local names (lower case for HTML, SVG and MathML roots in any document): reading `localName`
// allocates nothing, where `tagName.toUpperCase()` made a string per element of the walk.
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'ruby',
  'rb',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/**
 * Never marked: code, form fields, non-rendered text, ruby annotations (the reading of 尖閣 is not
 * part of the sentence), and media. Local names; isSkipped also skips editable regions.
 */
export const SKIPPED: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'rt',
  'rp',
  'head',
  'title',
]);

/** Gloss's own UI host; its subtree is never scanned. */
export const UI_HOST_TAG = 'GLOSS-POPOVER';

/** Ruby annotations: skipped, yet the base text on either side is one word (沖<rt>おき</rt>縄). */
export const READINGS = new Set(['rt', 'rp']);

const UI_HOST_NAME = UI_HOST_TAG.toLowerCase();

/** Whether an element with this local name is skipped whatever its attributes (see isSkipped). */
export function isSkippedTag(name: string): boolean {
  return SKIPPED.has(name) || name === UI_HOST_NAME;
}

// `hidden` text is read too: the page may reveal it later, and whether a mention can be seen is
// decided when it would be drawn (story/visible.ts), not while walking.
export function isSkipped(el: Element): boolean {
  if (isSkippedTag(el.localName)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

/** The element whose text block contains `node` (its nearest non-inline ancestor). */
export function blockRootOf(node: Node): Node {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current && current.nodeType === Node.ELEMENT_NODE && isInline(current as Element)) {
    current = current.parentNode;
  }
  return current ?? node;
}

/** True when `node` or an ancestor (within its tree) is excluded from scanning. */
export function isInSkippedRegion(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isSkipped(el)) return true;
  return false;
}

class BlockBuilder {
  readonly blocks: TextBlock[] = [];
  private parts: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private gaps: Set<number> | undefined;
  private gapPending = false;
  private length = 0;

  constructor(public root: Node) {}

  push(...blocks: TextBlock[]): void {
    this.blocks.push(...blocks);
  }

  /** Hands over the completed blocks. */
  take(): TextBlock[] {
    return this.blocks.splice(0, this.blocks.length);
  }

  /** Text skipped here without ending the word (a ruby reading). */
  markGap(): void {
    this.gapPending = this.nodes.length > 0;
  }

  /** Whether the text so far ends in a letter or digit: the next box would glue onto a word. */
  endsInWord(): boolean {
    const last = this.parts[this.parts.length - 1];
    return last !== undefined && endsInWord(last);
  }

  /** Adds a text node; `data` is its data, read once by the caller (each read makes a string). */
  add(node: Text, data: string): void {
    if (data.length === 0) return;
    if (this.gapPending) (this.gaps ??= new Set()).add(this.nodes.length);
    this.gapPending = false;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  /** Ends the current block (at a block boundary or <br>) and starts the next under `root`. */
  flush(nextRoot: Node): void {
    if (this.nodes.length > 0) {
      const text = this.parts.join('');
      if (/\S/.test(text)) {
        const block: TextBlock = { root: this.root, text, nodes: this.nodes, starts: this.starts };
        if (this.gaps) block.gaps = this.gaps;
        this.blocks.push(block);
      }
    }
    if (this.nodes.length > 0) {
      this.parts = [];
      this.nodes = [];
      this.starts = [];
      this.gaps = undefined;
      this.length = 0;
    }
    this.gapPending = false;
    this.root = nextRoot;
  }
}

/**
 * A resumable walk: `run(deadline)` collects blocks until the clock passes `deadline`, so a 5 MB
 * page is read in slices instead of one long task. Open shadow roots are entered; their text forms
 * blocks of its own.
 */
export class BlockWalker {
  private readonly builder: BlockBuilder;
  /** Each frame is a subtree being walked: its root, the current node and its open ancestors. */
  private readonly frames: { root: Node; node: Node | null; parents: Node[] }[] = [];

  private readonly apart = new RenderedApart();

  /**
   * @param shallow read only `root`'s own text: the elements nested in it that are blocks (and
   *   shadow trees) hold blocks of their own roots, which are left out. For a rescan of a root
   *   whose own inline text changed (a ticking `<time>` directly in an `<article>`): walking the
   *   whole article again for it read every paragraph again.
   */
  constructor(
    root: Node,
    private readonly hooks: WalkHooks = {},
    private readonly shallow = false,
  ) {
    this.builder = new BlockBuilder(blockRootOf(root));
    this.push(root);
  }

  get done(): boolean {
    return this.frames.length === 0;
  }

  /** Walks until `deadline` (a performance.now() time); returns the blocks completed so far. */
  run(deadline = Infinity): TextBlock[] {
    let count = 0;
    while (this.frames.length > 0) {
      if ((++count & 255) === 0 && performance.now() > deadline) break;
      this.step();
    }
    if (this.done) this.builder.flush(this.builder.root);
    return this.builder.take();
  }

  private push(root: Node): void {
    this.frames.push({ root, node: root.firstChild, parents: [root] });
    if (root.nodeType === Node.ELEMENT_NODE && !this.shallow) this.enterShadow(root as Element);
  }

  private step(): void {
    const frame = this.frames[this.frames.length - 1]!;
    const node = frame.node;
    if (!node) {
      this.frames.pop();
      return;
    }
    let descend = false;
    const type = node.nodeType;
    const data = type === Node.TEXT_NODE ? (node as Text).data : null;
    // Boxes that render apart are separate words, though their inline tags would join them.
    if (this.gluesApart(node, data)) this.builder.flush(this.builder.root);
    if (data !== null) {
      this.builder.add(node as Text, data);
    } else if (type === Node.ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName;
      if (READINGS.has(name)) {
        this.builder.markGap();
      } else if (name === 'br') {
        // Text after a <br> belongs to the paragraph, in a block of its own.
        this.builder.flush(blockRootOf(el.parentNode ?? el));
      } else if (isSkipped(el)) {
        // No match may span excluded content ("strategic <code>x</code> autonomy").
        this.builder.flush(this.builder.root);
      } else if (this.shallow && !INLINE.has(name)) {
        // A nested block is left out like an empty one: what follows it is the root's again.
        this.builder.flush(blockRootOf(el.parentNode ?? el));
      } else {
        const inline = INLINE.has(name);
        if (!inline) this.builder.flush(el);
        if (!this.shallow) this.enterShadow(el);
        descend = el.firstChild !== null;
        // An empty block (<img>, <hr>, an empty <div>) ends here: what follows is its parent's.
        if (!descend && !inline) this.builder.flush(blockRootOf(el.parentNode ?? el));
      }
    }
    if (descend) {
      frame.parents.push(node);
      frame.node = node.firstChild;
      return;
    }
    // Climb until a next sibling exists, closing blocks as block elements are left.
    let current: Node | null = node;
    while (current && !current.nextSibling) {
      const parent = frame.parents.pop();
      if (!parent || parent === frame.root) {
        current = null;
        break;
      }
      if (parent.nodeType === Node.ELEMENT_NODE && !isInline(parent as Element)) {
        this.builder.flush(blockRootOf(parent.parentNode ?? parent));
      }
      current = parent;
    }
    frame.node = current ? current.nextSibling : null;
  }

  /**
   * Only where a run of letters would join the next one; block elements end the block anyway.
   * Style is read only when the next text starts in a letter too: "<a>Diet</a>, said" or
   * "<b>Tokyo</b> and" are words apart whatever their boxes, and that is most inline elements
   * (the benchmark's pages, medians of 8–10 alternating runs: collect 65 → 60 ms at 1 MB, 10.8 →
   * 9.6 ms at 100 KB).
   */
  private gluesApart(node: Node, data: string | null): boolean {
    if (data !== null ? !startsInWord(data) : node.nodeType !== Node.ELEMENT_NODE) return false;
    if (!node.previousSibling || !this.builder.endsInWord()) return false;
    if (data === null) {
      const el = node as Element;
      if (!isInline(el) || isSkipped(el)) return false;
      const first = el.firstChild;
      // An element child or an empty text: not known cheaply, so style decides.
      if (first?.nodeType === Node.TEXT_NODE && !startsInWord((first as Text).data)) return false;
    }
    return this.apart.before(node);
  }

  private enterShadow(el: Element): void {
    const shadow = el.shadowRoot;
    if (!shadow) {
      if (el.localName.includes('-') && el.localName !== UI_HOST_NAME) this.hooks.shadowless?.(el);
      return;
    }
    if (el.localName === UI_HOST_NAME) return;
    this.hooks.shadowRoot?.(shadow);
    // The shadow tree is walked to completion before the light children; its text is its own block.
    this.builder.flush(shadow);
    const walker = new BlockWalker(shadow, this.hooks);
    this.builder.push(...walker.run());
    this.builder.flush(blockRootOf(el));
  }
}

const WORD_END = /[\p{L}\p{N}]$/u;

/** Whether `text` ends in a letter or digit: a box after it would glue onto a word. */
export function endsInWord(text: string): boolean {
  const code = text.charCodeAt(text.length - 1);
  // ASCII answered here; the rest (and surrogate pairs) by the Unicode classes.
  if (code < 0x80) return isAsciiWord(code);
  return WORD_END.test(text.slice(-2));
}

const WORD_START = /^[\p{L}\p{N}\p{M}]/u;

/**
 * Whether `text` starts in a letter, digit or combining mark (which joins the letter before it):
 * glued onto a word before it, it would continue that word. False for empty text.
 */
export function startsInWord(text: string): boolean {
  if (text.length === 0) return false;
  const code = text.charCodeAt(0);
  if (code < 0x80) return isAsciiWord(code);
  return WORD_START.test(text.slice(0, 2));
}

function isAsciiWord(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a)
  );
}
