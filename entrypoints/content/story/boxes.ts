/**
 * Boxes that render apart: inline tags say "one line of text", yet a flex or grid container lays
 * each child out as a box of its own ("News" and "Okinawa" in two flex items are two words, not
 * "NewsOkinawa"), and a span styled `display:block` is a block (architecture decision 4).
 */

/** Display values that lay a box out in the line of its neighbours. */
function flowsInline(display: string): boolean {
  return (
    display === '' ||
    display.startsWith('inline') ||
    display.startsWith('ruby') ||
    display === 'contents'
  );
}

/**
 * Whether a node renders apart from what precedes it although the tags say inline: a flex or grid
 * container lays each child out as its own box ("News" and "Okinawa" in two flex items are not
 * "NewsOkinawa"), and a span styled `display:block` is a block. Reads computed style (not layout),
 * and only where two runs of letters meet with nothing between them; once per element.
 */
export class RenderedApart {
  private readonly display = new WeakMap<Element, string>();

  before(node: Node): boolean {
    const parent = node.parentElement;
    if (parent && /flex|grid/.test(this.displayOf(parent))) return true;
    if (node.nodeType === Node.ELEMENT_NODE && !flowsInline(this.displayOf(node as Element))) {
      return true;
    }
    const previous = node.previousSibling;
    return (
      previous?.nodeType === Node.ELEMENT_NODE && !flowsInline(this.displayOf(previous as Element))
    );
  }

  private displayOf(el: Element): string {
    let display = this.display.get(el);
    if (display === undefined) {
      const view = el.ownerDocument.defaultView;
      display = view ? view.getComputedStyle(el).display : '';
      this.display.set(el, display);
    }
    return display;
  }
}
