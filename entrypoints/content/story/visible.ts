/**
 * Can the reader see this mention? Asked only for the mention that would become a term's drawn
 * one (density 'first'), after its block was matched — never while walking the page (a layout read
 * per text node would make every scan slice force layout; architecture decision 4).
 *
 * Not seen: `display:none`, `visibility:hidden`, `content-visibility:hidden` (closed <details>,
 * `hidden="until-found"`), zero opacity (`Element.checkVisibility`, Chromium 121+, Firefox 125+),
 * and text laid out off the page — menus parked at `left:-9999px` or slid out to the side, and
 * visually-hidden text clipped to a 1 px box (the "sr-only" pattern).
 */
import { toRange } from '../hit-test';
import type { RangeBounds } from '../marks';

/**
 * Chromium's layout coordinates saturate at 2^25 px (LayoutUnit): a box reported there was not
 * really placed (the end of a 10 MB text node), so its position says nothing about visibility.
 */
const LAYOUT_LIMIT_PX = 2 ** 25;

type Checkable = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

export function canSee(range: RangeBounds): boolean {
  const el = (range.startContainer.parentElement ?? null) as Checkable | null;
  if (!el) return false;
  if (
    typeof el.checkVisibility === 'function' &&
    !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, visibilityProperty: true })
  ) {
    return false;
  }
  let rect: DOMRect | undefined;
  try {
    rect = toRange(range).getClientRects()[0];
  } catch {
    return false;
  }
  // No box, or one at the layout limit, while the element is visible: text the browser did not
  // lay out in boxes (the end of a 10 MB text node) is still on the page for the reader.
  if (!rect || rect.left >= LAYOUT_LIMIT_PX) return true;
  if (rect.width <= 1 && rect.height <= 1) return false;
  const view = el.ownerDocument.defaultView;
  if (!view) return true;
  // Above or left of the page's start, or right of its width (news pages do not scroll
  // sideways): in document coordinates, nowhere a reader can scroll to.
  const left = rect.left + view.scrollX;
  return rect.bottom + view.scrollY > 0 && rect.right + view.scrollX > 0 && left < view.innerWidth;
}
