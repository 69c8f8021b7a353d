/**
 * The corpus's story measures (issue #13), run inside each page: which of Gloss's marks are outside
 * the labelled story or in a wrong sense, and where each labelled story mention is, so that the
 * runner can rest the pointer on it and see whether the popover answers.
 *
 * Labels (tests/corpus-labels/<page>.json, one per corpus page, made by a person reading the page):
 *   story     CSS selector list: the headline and body of the article (chrome left out)
 *   onTopic   whether the story is about the glossary's subject (the topic gate's truth)
 *   mentions  every mention of a glossary alias in the story: its text, its context (the 30
 *             characters either side in its block, whitespace folded; see `contextOf`), its term
 *             and whether it is in the sense the entry explains ("right") or not ("wrong").
 * Functions passed to page.evaluate are self-contained: they are serialised into the page.
 */

export interface LabelMention {
  text: string;
  context: string;
  term: string;
  sense: 'right' | 'wrong';
  /** Why a sense is wrong (dateline, state, company…), for the reader of the labels. */
  why?: string;
}

export interface PageLabel {
  story: string;
  onTopic: boolean;
  mentions: LabelMention[];
}

export interface MarkInStory {
  text: string;
  context: string;
  inStory: boolean;
}

/** Gloss's registered marks, each with its context and whether it lies in the labelled story. */
export function storyMentionsInPage(storySelector: string): {
  storyChars: number;
  storyText: string;
  marks: MarkInStory[];
} {
  const contextOf = (range: AbstractRange): string => {
    let block: Node | null = range.startContainer.parentElement;
    while (block instanceof Element && getComputedStyle(block).display.startsWith('inline')) {
      block = block.parentElement;
    }
    const root = block ?? range.startContainer.getRootNode();
    const before = new Range();
    before.setStart(root, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const after = new Range();
    after.setStart(range.endContainer, range.endOffset);
    after.setEnd(root, root.childNodes.length);
    const text = new Range();
    text.setStart(range.startContainer, range.startOffset);
    text.setEnd(range.endContainer, range.endOffset);
    const fold = (s: string) => s.replace(/\s+/g, ' ');
    return (
      fold(before.toString()).slice(-30) + text.toString() + fold(after.toString()).slice(0, 30)
    );
  };
  let roots: Element[] = [];
  try {
    roots = [...document.querySelectorAll(storySelector)];
  } catch {
    roots = [];
  }
  const inStory = (node: Node): boolean => {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
      if (n instanceof Element && roots.includes(n)) return true;
    }
    return false;
  };
  const seen = new Set<AbstractRange>();
  const marks: MarkInStory[] = [];
  for (const name of ['gloss-term-underline', 'gloss-term-background']) {
    for (const item of CSS.highlights.get(name)?.keys() ?? []) {
      const r = item as AbstractRange;
      if (seen.has(r)) continue;
      seen.add(r);
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      marks.push({
        text: range.toString(),
        context: contextOf(r),
        inStory: inStory(r.startContainer),
      });
    }
  }
  const storyText = roots.map((el) => el.textContent ?? '').join('\n');
  return { storyChars: storyText.length, storyText, marks };
}

/**
 * The centre of a labelled mention's first rect, scrolled into view: found by its text and
 * context among the story's text nodes. Null when it is not in the page, has no box, or the page
 * covers it.
 */
export function mentionPoint(args: {
  story: string;
  text: string;
  context: string;
}): { x: number; y: number } | null {
  const fold = (s: string) => s.replace(/\s+/g, ' ');
  const contextAt = (node: Text, start: number, end: number): string => {
    let block: Node | null = node.parentElement;
    while (block instanceof Element && getComputedStyle(block).display.startsWith('inline')) {
      block = block.parentElement;
    }
    const root = block ?? node.getRootNode();
    const before = new Range();
    before.setStart(root, 0);
    before.setEnd(node, start);
    const after = new Range();
    after.setStart(node, end);
    after.setEnd(root, root.childNodes.length);
    return (
      fold(before.toString()).slice(-30) +
      node.data.slice(start, end) +
      fold(after.toString()).slice(0, 30)
    );
  };
  for (const root of document.querySelectorAll(args.story)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (
      let node = walker.nextNode() as Text | null;
      node;
      node = walker.nextNode() as Text | null
    ) {
      for (
        let i = node.data.indexOf(args.text);
        i !== -1;
        i = node.data.indexOf(args.text, i + 1)
      ) {
        if (contextAt(node, i, i + args.text.length) !== args.context) continue;
        node.parentElement?.scrollIntoView({ block: 'center' });
        const range = new Range();
        range.setStart(node, i);
        range.setEnd(node, i + args.text.length);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width < 1) return null;
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        // Something of the page's own over the text (a footer laid over the article when its
        // styles are blocked, a sticky bar): no reader can point at it either.
        const top = document.elementFromPoint(x, y);
        const parent = node.parentElement;
        if (!top || !parent || !(top === parent || top.contains(parent) || parent.contains(top))) {
          return null;
        }
        return { x, y };
      }
    }
  }
  return null;
}
