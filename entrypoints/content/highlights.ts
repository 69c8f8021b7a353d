/**
 * The CSS Custom Highlight registry is shared with the page: every name is prefixed, only our own
 * names are touched, and if the page clears the registry we register again.
 */
import { rangesOf } from './hit-test';
import type { Occurrence, ShownChange } from './marks';
import { NearViewport, RUN_LENGTH } from './near-viewport';

export type MarkStyle = 'underline' | 'background' | 'both';

export const HIGHLIGHT = {
  underline: 'gloss-term-underline',
  background: 'gloss-term-background',
  active: 'gloss-term-active',
} as const;

/**
 * Above this many shown mentions, only those near the viewport are registered (near-viewport.ts).
 * Each registered range costs ~17 µs in every frame after a DOM or style change (375 ms for
 * 23,000 on the benchmark's 5 MB page, Chromium 156): 300 cost at most ~5 ms, about what a window
 * of a few viewports of densely marked text holds anyway. The default density (first mention)
 * stays far below it.
 */
export const NEAR_VIEWPORT_FROM = 300;

export class HighlightLayer {
  readonly terms = new Highlight();
  readonly active = new Highlight();
  /** Which Highlight each of our names should hold. */
  private registered = new Map<string, Highlight>();
  /** Set while only mentions near the viewport are registered. */
  private window: NearViewport | null = null;

  constructor(style: MarkStyle) {
    this.setStyle(style);
  }

  apply({ added, removed, shown }: ShownChange): void {
    if (this.window) {
      removed.forEach((occurrence) => this.window!.remove(occurrence));
      // A scan's later commits carry thousands too: drawn only where runs are near, in any case.
      this.window.addLater(added);
      this.window.observeEnds();
      if (shown.size <= NEAR_VIEWPORT_FROM / 2) {
        // Half the threshold: a page hovering around it does not switch back and forth.
        this.window.disconnect();
        this.window = null;
        for (const occurrence of shown) for (const r of rangesOf(occurrence)) this.terms.add(r);
      }
      return;
    }
    for (const occurrence of removed) for (const r of rangesOf(occurrence)) this.terms.delete(r);
    if (shown.size > NEAR_VIEWPORT_FROM) return this.startWindow(added, shown);
    for (const occurrence of added) for (const r of rangesOf(occurrence)) this.terms.add(r);
  }

  /**
   * Switches to drawing only what is near the view, before `added` (this change's mentions) is
   * drawn: drawn first, a scan's commit of thousands each got a range built and registered, most
   * to be erased at the window's first report (one 215 ms task on the bench's 5 MB page, traced).
   * What was drawn stays drawn, and so do the change's first RUN_LENGTH blocks (a page scan's
   * first commit starts at the view); the rest are added in later tasks and wait for the window's
   * report. Nothing here looks at each of the thousands: their share of that commit was 12–20 ms.
   */
  private startWindow(added: Occurrence[], shown: ReadonlySet<Occurrence>): void {
    const atOnce: Occurrence[] = [];
    // The mentions shown before this change: `shown` holds them first (ShownChange).
    let before = shown.size - added.length;
    for (const occurrence of shown) {
      if (before-- <= 0) break;
      atOnce.push(occurrence);
    }
    const first = new Set<Node>();
    let split = 0;
    for (; split < added.length; split++) {
      const root = added[split]!.root;
      if (first.has(root)) continue;
      if (first.size === RUN_LENGTH) break;
      first.add(root);
    }
    this.window = new NearViewport(this.terms, [...atOnce, ...added.slice(0, split)]);
    this.window.addLater(added.slice(split));
  }

  setActive(occurrence: Occurrence | null): void {
    this.active.clear();
    if (occurrence) for (const r of rangesOf(occurrence)) this.active.add(r);
  }

  setStyle(style: MarkStyle): void {
    for (const name of this.registered.keys()) CSS.highlights.delete(name);
    this.registered = new Map<string, Highlight>([[HIGHLIGHT.active, this.active]]);
    if (style !== 'background') this.registered.set(HIGHLIGHT.underline, this.terms);
    if (style !== 'underline') this.registered.set(HIGHLIGHT.background, this.terms);
    this.ensureRegistered();
  }

  /** Puts our highlights back if the page removed or replaced them; cheap enough for a timer. */
  ensureRegistered(): boolean {
    let repaired = false;
    for (const [name, highlight] of this.registered) {
      if (CSS.highlights.get(name) !== highlight) {
        CSS.highlights.set(name, highlight);
        repaired = true;
      }
    }
    return repaired;
  }

  dispose(): void {
    this.window?.disconnect();
    this.window = null;
    for (const name of this.registered.keys()) {
      if (CSS.highlights.get(name) === this.registered.get(name)) CSS.highlights.delete(name);
    }
    this.registered.clear();
  }
}
