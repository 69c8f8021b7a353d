/**
 * The CSS Custom Highlight registry is shared with the page: every name is prefixed, only our own
 * names are touched, and if the page clears the registry we register again.
 */
import { rangesOf } from './hit-test';
import type { Occurrence, ShownChange } from './marks';

export type MarkStyle = 'underline' | 'background' | 'both';

export const HIGHLIGHT = {
  underline: 'gloss-term-underline',
  background: 'gloss-term-background',
  active: 'gloss-term-active',
} as const;

export class HighlightLayer {
  readonly terms = new Highlight();
  readonly active = new Highlight();
  /** Which Highlight each of our names should hold. */
  private registered = new Map<string, Highlight>();

  constructor(style: MarkStyle) {
    this.setStyle(style);
  }

  apply({ added, removed }: ShownChange): void {
    for (const occurrence of removed) for (const r of rangesOf(occurrence)) this.terms.delete(r);
    for (const occurrence of added) for (const r of rangesOf(occurrence)) this.terms.add(r);
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
    for (const name of this.registered.keys()) {
      if (CSS.highlights.get(name) === this.registered.get(name)) CSS.highlights.delete(name);
    }
    this.registered.clear();
  }
}
