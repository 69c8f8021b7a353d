/**
 * Shadow trees are not seen by a MutationObserver on the document, and a custom element may
 * attach its shadow root after the page scan. The walk reports both here: shadow roots are
 * observed like the document (text filled in later is scanned), and custom elements still without
 * one are checked on the engine's repair tick, at most MAX_WAITING of them.
 */
import type { WalkHooks } from '../text-blocks';

const MAX_WAITING = 500;

export class ShadowWatch {
  private readonly watched = new Set<ShadowRoot>();
  private readonly waiting = new Set<Element>();
  readonly hooks: WalkHooks;

  constructor(private readonly observe: (root: ShadowRoot) => void) {
    this.hooks = {
      shadowRoot: (root) => this.watch(root),
      shadowless: (el) => {
        if (this.waiting.size < MAX_WAITING) this.waiting.add(el);
      },
    };
  }

  /** Open shadow roots seen so far, for hit-testing inside them. */
  roots(): ShadowRoot[] {
    return [...this.watched].filter((root) => root.host.isConnected);
  }

  /** Whether custom elements without a shadow root are still being checked. */
  waits(): boolean {
    return this.waiting.size > 0;
  }

  /** Shadow roots attached since the last call to hosts that had none: to be scanned. */
  newlyAttached(): ShadowRoot[] {
    const attached: ShadowRoot[] = [];
    for (const el of this.waiting) {
      if (!el.isConnected) this.waiting.delete(el);
      else if (el.shadowRoot) {
        this.waiting.delete(el);
        this.watch(el.shadowRoot);
        attached.push(el.shadowRoot);
      }
    }
    return attached;
  }

  private watch(root: ShadowRoot): void {
    if (this.watched.has(root)) return;
    this.watched.add(root);
    this.observe(root);
  }
}
