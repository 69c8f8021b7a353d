// @vitest-environment happy-dom
/**
 * Random pages, read the way the content script reads them: whatever the nesting of blocks,
 * inline elements and excluded regions, scanning never changes the page, reads the same blocks
 * every time, never reads text from code, form fields or editable regions, and the marks made from
 * a block are exactly what the matcher finds in that block's text.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import bundled from '@/glossary/packs/japan-autonomy.json';
import { compile, type Matcher } from '@/glossary/matcher';
import { aliasText, validatePack } from '@/glossary/schema';
import { BlockWalker, blockRootOf, type TextBlock } from '@/entrypoints/content/text-blocks';

/** Every block under `root`, walked as the scanner walks it. */
const collectBlocks = (root: Node): TextBlock[] => new BlockWalker(root).run();
import { occurrencesIn } from '@/entrypoints/content/scanner';
import { MarkStore, type Occurrence } from '@/entrypoints/content/marks';

const RUNS = 1_000;

let matcher: Matcher;
let aliases: string[];

beforeAll(() => {
  const result = validatePack(bundled);
  if (!result.ok) throw new Error(result.errors.join('; '));
  matcher = compile(result.pack.terms);
  aliases = result.pack.terms.flatMap((t) => t.aliases.map(aliasText)).slice(0, 200);
});

// The tree model: what to build, and for each text, whether it sits in an excluded region.
type Tree =
  | { kind: 'text'; text: string }
  | { kind: 'br' }
  | { kind: 'element'; tag: string; editable?: boolean; children: Tree[] };

const BLOCK = ['div', 'p', 'section', 'li', 'h2', 'blockquote', 'td'];
const INLINE = ['span', 'b', 'em', 'a', 'i', 'strong', 'small'];
// Excluded regions that may hold markup; textarea/script/style hold text only.
const EXCLUDED_CONTAINERS = ['code', 'pre', 'noscript', 'button', 'template'];
const EXCLUDED_TEXT_ONLY = ['script', 'style', 'textarea', 'title'];

const word = fc.constantFrom(
  'the',
  'Japan',
  'said',
  'on',
  'strategic',
  'autonomy',
  'Senkaku',
  'Islands',
  'Tokyo',
  'x',
  'Okinawan',
  '尖閣',
  '—',
  ',',
  '.',
);
const textArb = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' ')),
  fc.constant(null).chain(() => fc.constantFrom(...(aliases.length ? aliases : ['Tokyo']))),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(' ', '\n  ', 'Senkaku Is', 'lands', 'strategic ', 'autonomy '),
);

const treeArb = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  tree: fc.record({
    kind: fc.constant('element' as const),
    tag: fc.constant('main'),
    children: fc.array(tie('node'), { maxLength: 6 }),
  }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), text: textArb }),
    fc.constant({ kind: 'br' as const }),
    fc.record({
      kind: fc.constant('element' as const),
      tag: fc.constantFrom(...BLOCK, ...INLINE, ...INLINE),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
    fc.record({
      kind: fc.constant('element' as const),
      tag: fc.constantFrom(...EXCLUDED_CONTAINERS, 'div'),
      editable: fc.constant(true).map(() => true),
      children: fc.array(tie('node'), { maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant('element' as const),
      tag: fc.constantFrom(...EXCLUDED_TEXT_ONLY),
      children: textArb.map((text) => [{ kind: 'text' as const, text }]),
    }),
  ),
}));

interface Built {
  root: HTMLElement;
  /** Text nodes inside an excluded region (code, form field, contenteditable …). */
  excluded: Set<Text>;
  included: Set<Text>;
}

function build(tree: Tree): Built {
  const excluded = new Set<Text>();
  const included = new Set<Text>();
  const make = (node: Tree, inExcluded: boolean): Node => {
    if (node.kind === 'text') {
      const text = document.createTextNode(node.text);
      (inExcluded ? excluded : included).add(text);
      return text;
    }
    if (node.kind === 'br') return document.createElement('br');
    const el = document.createElement(node.tag);
    const isDivEditable = node.editable === true && node.tag === 'div';
    if (isDivEditable) el.setAttribute('contenteditable', 'true');
    const excludes =
      inExcluded ||
      isDivEditable ||
      EXCLUDED_CONTAINERS.includes(node.tag) ||
      EXCLUDED_TEXT_ONLY.includes(node.tag);
    // <template> children live in its content fragment in a real parser; appended ones do not,
    // and the scanner must still skip them.
    for (const child of node.children) el.append(make(child, excludes));
    return el;
  };
  const root = make(tree, false) as HTMLElement;
  document.body.replaceChildren(root);
  return { root, excluded, included };
}

/** Everything a reader or the page's scripts could observe about the tree. */
function snapshot(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(`"${(node as Text).data}"`);
    else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      parts.push(
        `<${el.tagName}${[...el.attributes].map((a) => ` ${a.name}=${a.value}`).join('')}>`,
      );
      node.childNodes.forEach(walk);
      parts.push(`</${el.tagName}>`);
    }
  };
  walk(root);
  return parts.join('');
}

function blockTexts(blocks: TextBlock[]): string[] {
  return blocks.map((b) => b.text);
}

describe('text blocks over random DOM trees', () => {
  it('scanning leaves the page unchanged, is repeatable and skips excluded regions', () => {
    fc.assert(
      fc.property(treeArb.tree, (tree) => {
        const { root, excluded, included } = build(tree);
        const before = snapshot(root);
        const first = collectBlocks(root);
        for (const block of first) occurrencesIn(block, matcher);
        expect(snapshot(root)).toBe(before);

        // A second read (the observer rescans changed blocks) gives the same blocks.
        const second = collectBlocks(root);
        expect(blockTexts(second)).toEqual(blockTexts(first));
        expect(second.map((b) => b.nodes)).toEqual(first.map((b) => b.nodes));

        const seen = new Map<Text, number>();
        for (const block of first) {
          // The block's text is exactly its nodes' text, and each start points at its node.
          expect(block.text).toBe(block.nodes.map((n) => n.data).join(''));
          block.nodes.forEach((node, i) => {
            expect(block.text.slice(block.starts[i]!, block.starts[i]! + node.length)).toBe(
              node.data,
            );
            // Never text from code, form fields, scripts or editable regions.
            expect(excluded.has(node)).toBe(false);
            // A block never spans two block-level elements. (Text after a <br> or an empty block
            // element is keyed by that leaf element: see the `it.fails` test below.)
            const root =
              block.root.nodeType === Node.ELEMENT_NODE && !block.root.hasChildNodes()
                ? blockRootOf(block.root.parentNode!)
                : block.root;
            expect(blockRootOf(node)).toBe(root);
            seen.set(node, (seen.get(node) ?? 0) + 1);
          });
        }
        // Every readable text node with visible characters is read, once.
        for (const node of included) {
          if (/\S/.test(node.data)) expect(seen.get(node)).toBe(1);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('marks are exactly the matcher’s matches in each block’s text', () => {
    fc.assert(
      fc.property(treeArb.tree, (tree) => {
        const { root } = build(tree);
        for (const block of collectBlocks(root)) {
          const expected = matcher.find(block.text).map((m) => ({
            termId: m.termId,
            kind: m.kind,
            text: block.text.slice(m.start, m.end),
            start: m.start,
            end: m.end,
          }));
          const actual = occurrencesIn(block, matcher).map((o) => {
            const first = block.nodes.indexOf(o.range.startContainer as Text);
            const last = block.nodes.indexOf(o.range.endContainer as Text);
            expect(first).toBeGreaterThanOrEqual(0);
            expect(last).toBeGreaterThanOrEqual(first);
            const start = block.starts[first]! + o.range.startOffset;
            const end = block.starts[last]! + o.range.endOffset;
            // Offsets stay inside their nodes, so the browser can paint the range.
            expect(o.range.startOffset).toBeLessThanOrEqual(block.nodes[first]!.length);
            expect(o.range.endOffset).toBeLessThanOrEqual(block.nodes[last]!.length);
            expect(o.root).toBe(block.root);
            return {
              termId: o.termId,
              kind: o.kind,
              text: block.text.slice(start, end),
              start,
              end,
            };
          });
          expect(actual).toEqual(expected);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('finds a phrase split across inline elements, and nothing in excluded regions', () => {
    document.body.replaceChildren();
    const p = document.createElement('p');
    const b = document.createElement('b');
    b.append('autonomy');
    const code = document.createElement('code');
    code.append('Senkaku Islands');
    p.append('Tokyo seeks strategic ', b, ' — see ', code, '.');
    document.body.append(p);
    const texts = collectBlocks(document.body).flatMap((block) =>
      occurrencesIn(block, matcher).map((o) =>
        block.text.slice(
          block.starts[block.nodes.indexOf(o.range.startContainer as Text)]! + o.range.startOffset,
          block.starts[block.nodes.indexOf(o.range.endContainer as Text)]! + o.range.endOffset,
        ),
      ),
    );
    expect(texts).toContain('strategic autonomy');
    expect(texts).not.toContain('Senkaku Islands');
  });
});

describe('text after a <br> or an empty block element', () => {
  /**
   * Text after a <br> or an empty element belongs to its paragraph's block, so the observer's
   * immediate drop of stale marks (looked up by the text node's block root) finds it.
   */
  it.each(['br', 'img'])('a rewrite of text after <%s> drops its mark before the rescan', (tag) => {
    document.body.replaceChildren();
    const p = document.createElement('p');
    const after = document.createTextNode('Then Taiwan.');
    p.append('Tokyo first.', document.createElement(tag), after);
    document.body.append(p);
    const store = new MarkStore('all', () => undefined);
    const byRoot = new Map<Node, Occurrence[]>();
    for (const block of collectBlocks(document.body)) {
      byRoot.set(block.root, [...(byRoot.get(block.root) ?? []), ...occurrencesIn(block, matcher)]);
    }
    for (const [root, found] of byRoot) store.replace(root, found);
    expect(store.shownCount).toBe(2);
    after.data = 'Then nothing.';
    store.dropInNodes(new Set([after]), blockRootOf);
    expect(store.shownCount).toBe(1);
  });
});
