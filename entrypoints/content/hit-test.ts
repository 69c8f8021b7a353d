/**
 * Which mention is under the pointer? Hit-testing instead of listeners on marks (there are no mark
 * elements): `CSS.highlights.highlightsFromPoint` finds a drawn mark where the browser has it; else,
 * and for the story's mentions that are not drawn (density 'first' draws one per term, yet every
 * mention answers), the caret position under the pointer is looked up in the mentions of that text
 * node, confirmed against the mention's rects (the caret APIs also answer over blank space).
 */
import type { Occurrence, RangeBounds } from './marks';

interface HitResult {
  highlight: Highlight;
  ranges: AbstractRange[];
}

type HighlightsFromPoint = (
  x: number,
  y: number,
  options?: { shadowRoots?: ShadowRoot[] },
) => HitResult[];

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function toRange(range: RangeBounds): Range {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** A mention's bounds as drawn: its pieces when readings sit inside it, else its range. */
function drawnBoundsOf(occurrence: Occurrence): RangeBounds[] {
  return occurrence.pieces ?? [occurrence.range];
}

/** Each drawn mention's StaticRanges, built when it is first drawn (marks.ts: most never are). */
const drawnRanges = new WeakMap<Occurrence, StaticRange[]>();
/** Whose drawn range each is, for the ranges highlightsFromPoint answers with. */
const mentionOf = new WeakMap<AbstractRange, Occurrence>();

/**
 * The StaticRanges a mention is drawn with (drawnBoundsOf): the same objects at every call, so that
 * a Highlight can delete what it was given.
 */
export function rangesOf(occurrence: Occurrence): StaticRange[] {
  let ranges = drawnRanges.get(occurrence);
  if (!ranges) {
    ranges = drawnBoundsOf(occurrence).map((bounds) => new StaticRange(bounds));
    drawnRanges.set(occurrence, ranges);
    for (const range of ranges) mentionOf.set(range, occurrence);
  }
  return ranges;
}

/** The client rect of any of the mention's ranges that contains the point, if any. */
export function occurrenceRectAt(occurrence: Occurrence, x: number, y: number): DOMRect | null {
  for (const range of drawnBoundsOf(occurrence)) {
    const rect = rectAt(range, x, y);
    if (rect) return rect;
  }
  return null;
}

/** The client rect of `range` that contains the point, if any. */
export function rectAt(range: RangeBounds, x: number, y: number): DOMRect | null {
  try {
    for (const rect of toRange(range).getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return rect;
    }
  } catch {
    // Stale bounds (the node shrank) cannot be measured: treat it as not under the point.
  }
  return null;
}

export class HitTester {
  /**
   * @param answeringIn the mentions (drawn or not) that start or end in a text node: the store's
   *   own index (MarkStore.answeringIn), so that a commit of thousands of mentions does not also
   *   build a second one here.
   */
  constructor(
    private readonly terms: Highlight,
    private readonly shadowRoots: () => ShadowRoot[],
    private readonly answeringIn: (node: Node) => Occurrence[],
  ) {}

  /** The shown mark under (x, y), or null. */
  at(x: number, y: number): Occurrence | null {
    const registry = CSS.highlights as HighlightRegistry & {
      highlightsFromPoint?: HighlightsFromPoint;
    };
    if (typeof registry.highlightsFromPoint === 'function') {
      const roots = this.shadowRoots();
      const hits = registry.highlightsFromPoint(
        x,
        y,
        roots.length > 0 ? { shadowRoots: roots } : {},
      );
      for (const hit of hits) {
        if (hit.highlight !== this.terms) continue;
        for (const range of hit.ranges) {
          // Ours (the highlight is): drawn, so shown.
          const occurrence = mentionOf.get(range);
          if (occurrence) return occurrence;
        }
      }
    }
    return this.caretFallback(x, y);
  }

  private caretFallback(x: number, y: number): Occurrence | null {
    const doc = document as CaretDocument;
    let node: Node | null = null;
    if (doc.caretPositionFromPoint) {
      const roots = this.shadowRoots();
      node =
        doc.caretPositionFromPoint(x, y, roots.length > 0 ? { shadowRoots: roots } : undefined)
          ?.offsetNode ?? null;
    } else if (doc.caretRangeFromPoint) {
      node = doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
    }
    if (!node) return null;
    for (const occurrence of this.answeringIn(node)) {
      if (occurrenceRectAt(occurrence, x, y)) return occurrence;
    }
    return null;
  }
}
