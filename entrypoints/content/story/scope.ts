/**
 * Where Gloss reads on this page: the story when there is one, minus the chrome inside it; on a
 * page without a story (a front page, a web app), everything but navigation (issue #13).
 */
import { ChromeTest, isChromeElement } from './chrome';
import { blockRootOf, isInline } from '../text-blocks';
import { findStory, type StoryRoots } from './find';

export class Scope {
  /** Inside a story every kind of chrome is left out; a page without one loses only navigation. */
  private readonly chrome: ChromeTest;

  private constructor(readonly story: StoryRoots | null) {
    this.chrome = new ChromeTest(story === null);
  }

  /** Finds the story now (DOM reads only, no layout); see find.ts for the rules. */
  static of(doc: Document): Scope {
    return new Scope(findStory(doc));
  }

  /** Where a page scan starts: the story's roots, or the whole body. */
  scanRoots(doc: Document): Node[] {
    if (this.story) return this.story.roots;
    const root = doc.body ?? doc.documentElement;
    return root ? [root] : [];
  }

  /** Whether `other` found the same story: the same roots, or no story either. */
  sameStoryAs(other: Scope): boolean {
    const [a, b] = [this.story?.roots ?? [], other.story?.roots ?? []];
    return (
      (this.story === null) === (other.story === null) &&
      a.length === b.length &&
      a.every((r, i) => r === b[i])
    );
  }

  /**
   * Whether a walk down from a scan root may leave out `el`'s whole subtree (`el` under a root,
   * never a root): every block under it is outside the scope. A scan judges chrome at each block's
   * root, the nearest element that is not inline (`includes`), so only such an element's subtree
   * is left out whole: the text of an inline `<span class="byline">` in a paragraph is the
   * paragraph's. Judges `el` alone; a walk down has judged its ancestors.
   */
  leavesOut(el: Element): boolean {
    return !isInline(el) && isChromeElement(el, this.story === null);
  }

  /**
   * Of `changed` (nodes whose text changed), what a scan of this scope reads: those whose block is
   * inside it (an inline node's text belongs to its block), and for one that holds a story root,
   * that root. A node may still hold chrome to leave out (`leavesOut`).
   */
  clip(changed: readonly Node[]): Node[] {
    const read = new Set<Node>();
    for (const node of changed) {
      if (this.includes(blockRootOf(node))) read.add(node);
      else for (const root of this.story?.roots ?? []) if (node.contains(root)) read.add(root);
    }
    return [...read];
  }

  /** Whether a subtree may hold text that is read: it is in the story, or holds part of it. */
  mayHold(root: Node): boolean {
    if (!this.story) return true;
    return this.includes(root) || this.story.roots.some((r) => root.contains(r));
  }

  /**
   * Whether text under `node` is read. Nodes in shadow trees count where their host is; only the
   * path from `node` up to the story root is judged as chrome (each element once, cached).
   */
  includes(node: Node): boolean {
    let current: Node = node;
    for (;;) {
      const root = current.getRootNode();
      if (root instanceof ShadowRoot) {
        if (this.chrome.inChrome(current, root)) return false;
        current = root.host;
        continue;
      }
      if (!this.story) return !this.chrome.inChrome(current, null);
      const storyRoot = this.story.roots.find((r) => r === current || r.contains(current));
      return storyRoot !== undefined && !this.chrome.inChrome(current, storyRoot);
    }
  }
}
