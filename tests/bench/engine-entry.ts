/**
 * The page side of the browser benchmark, bundled into an IIFE by run.ts and injected into each
 * benchmark page: `window.glossBench` runs one contender on the page as loaded and returns its
 * timings (performance.now() in the page). The Gloss contender uses the real engine modules.
 */
import { compile, type Matcher } from '@/glossary/matcher';
import type { Term } from '@/glossary/schema';
import { BlockWalker, isSkipped } from '@/entrypoints/content/text-blocks';
import { occurrencesIn, Scanner } from '@/entrypoints/content/scanner';
import { MarkStore, type Density, type Occurrence } from '@/entrypoints/content/marks';
import { HighlightLayer } from '@/entrypoints/content/highlights';
import { DEFAULT_SETTINGS } from '@/utils/settings-schema';

/** What mark.js and advanced-mark.js share (both expose a global `Mark` constructor). */
interface MarkOptions {
  acrossElements?: boolean;
  separateWordSearch?: boolean;
  exclude?: string[];
  done?: (total: number, matches?: number) => void;
}
interface MarkInstance {
  mark(keywords: string[], options: MarkOptions): void;
  markRegExp(regexp: RegExp, options: MarkOptions): void;
}
type MarkConstructor = new (context: Element) => MarkInstance;

/** The elements BlockWalker skips, as selectors for the mark.js family. */
const EXCLUDED = [
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
  'gloss-popover',
  '[hidden]',
  '[contenteditable]:not([contenteditable="false"])',
];
// mark.js tests the text node's parent only, so descendants are listed too.
const EXCLUDE = EXCLUDED.flatMap((s) => [s, `${s} *`]);

let matcher: Matcher | null = null;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation of every alias, longest first, with Latin word boundaries (as Gloss has). */
function combinedRegExp(aliases: readonly string[]): RegExp {
  const sorted = [...aliases].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const letter = 'A-Za-z0-9\\u00C0-\\u024F';
  return new RegExp(`(?<![${letter}])(?:${sorted.join('|')})(?![${letter}])`, 'gi');
}

function markClass(): MarkConstructor {
  const ctor = (window as unknown as { Mark?: MarkConstructor }).Mark;
  if (!ctor) throw new Error('no Mark global: inject mark.js or advanced-mark.js first');
  return ctor;
}

function runMark(call: (instance: MarkInstance, done: MarkOptions['done']) => void) {
  return new Promise<{ ms: number; matches: number }>((resolve) => {
    const started = performance.now();
    call(new (markClass())(document.body), (total, matches) =>
      resolve({ ms: performance.now() - started, matches: matches ?? total }),
    );
  });
}

/**
 * The page's body, else its root element.
 * @throws Error when the page's own scripts removed its root element (a corpus page does, offline).
 */
function body(): HTMLElement {
  const root = document.body ?? document.documentElement;
  if (!root) throw new Error('nothing to read: the page removed its own root element after load');
  return root;
}

export interface GlossTiming {
  collectMs: number;
  matchMs: number;
  rangesMs: number;
  storeMs: number;
  totalMs: number;
  /** From the end of the synchronous work to the next frame (style + paint of the highlights). */
  frameMs: number;
  blocks: number;
  occurrences: number;
  shown: number;
}

const api = {
  /** Compiles the pack once per page (not part of the scan figures). */
  setTerms(json: string): { compileMs: number; aliasCount: number } {
    const terms = JSON.parse(json) as Term[];
    const started = performance.now();
    matcher = compile(terms);
    return { compileMs: performance.now() - started, aliasCount: matcher.aliasCount };
  },

  /** The least any rule-respecting scanner must do: visit every node, read every text's data. */
  floor(): { ms: number; textNodes: number; chars: number } {
    const root = body();
    let chars = 0;
    let textNodes = 0;
    const started = performance.now();
    let node: Node | null = root.firstChild;
    while (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        chars += (node as Text).data.length;
        textNodes++;
      } else if (
        node.nodeType === Node.ELEMENT_NODE &&
        node.firstChild &&
        !isSkipped(node as Element)
      ) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== root && !node.nextSibling) node = node.parentNode;
      node = node && node !== root ? node.nextSibling : null;
    }
    return { ms: performance.now() - started, textNodes, chars };
  },

  /** Gloss's synchronous work, phase by phase: collect, match, range bounds, marks + highlight. */
  async gloss(density: Density): Promise<GlossTiming> {
    const inner = matcher!;
    let matchMs = 0;
    // Times find() inside occurrencesIn; what remains of occurrencesIn is building range bounds
    // (the StaticRanges of drawn marks are built in the store + highlight phase).
    const timed: Matcher = {
      aliasCount: inner.aliasCount,
      find(text) {
        const s = performance.now();
        const found = inner.find(text);
        matchMs += performance.now() - s;
        return found;
      },
      findEvery: (text) => inner.findEvery(text),
      without: (ids) => inner.without(ids),
    };
    const t0 = performance.now();
    const blocks = new BlockWalker(body()).run();
    const t1 = performance.now();
    const byRoot = new Map<Node, Occurrence[]>();
    let occurrences = 0;
    for (const block of blocks) {
      const found = occurrencesIn(block, timed);
      occurrences += found.length;
      const list = byRoot.get(block.root);
      if (list) list.push(...found);
      else byRoot.set(block.root, found);
    }
    const t2 = performance.now();
    const layer = new HighlightLayer(DEFAULT_SETTINGS.markStyle);
    const store = new MarkStore(density, (change) => layer.apply(change));
    for (const [root, list] of byRoot) store.replace(root, list);
    const t3 = performance.now();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const frameMs = performance.now() - t3;
    return {
      collectMs: t1 - t0,
      matchMs,
      rangesMs: t2 - t1 - matchMs,
      storeMs: t3 - t2,
      totalMs: t3 - t0,
      frameMs,
      blocks: blocks.length,
      occurrences,
      shown: store.shownCount,
    };
  },

  /** The real sliced Scanner (4 ms slices, yieldToPage): wall time and long tasks during it. */
  async scanner(density: Density) {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const layer = new HighlightLayer(DEFAULT_SETTINGS.markStyle);
    const store = new MarkStore(density, (change) => layer.apply(change));
    const scanner = new Scanner(matcher!, store);
    const started = performance.now();
    const stats = await scanner.scan([body()], true);
    const wallMs = performance.now() - started;
    // Long-task entries are delivered after the task ends.
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    return {
      wallMs,
      occurrences: stats.occurrences,
      shown: store.shownCount,
      longTasks: longTasks.length,
      maxTaskMs: Math.max(0, ...longTasks),
    };
  },

  markArray(aliases: string[]) {
    return runMark((mark, done) =>
      mark.mark(aliases, {
        acrossElements: true,
        separateWordSearch: false,
        exclude: EXCLUDE,
        done,
      }),
    );
  },

  markRegExp(aliases: string[]) {
    const regexp = combinedRegExp(aliases);
    return runMark((mark, done) =>
      mark.markRegExp(regexp, { acrossElements: true, exclude: EXCLUDE, done }),
    );
  },
};

(window as unknown as { glossBench: typeof api }).glossBench = api;

export type GlossBench = typeof api;
