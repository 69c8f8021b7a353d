/**
 * Where Gloss reads on this page: the story when there is one, minus the chrome inside it; on a
 * page without a story (a front page, a web app), everything but navigation (issue #13).
 */
import { ChromeTest } from './chrome';
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
