/**
 * Frames that hold nothing to read get nothing from Gloss: an ad slot, a tracking pixel, a hidden
 * widget. Most frames on a news page are such (issue #14: Gloss ran in every frame, ad iframes
 * included). A frame is waited on until it is worth reading; the top frame always is.
 *
 * Worth reading = laid out at least MIN_WIDTH CSS px wide (a hidden or 1×1 frame is not) and some
 * text outside scripts and styles. Neither is read from layout: the width comes from a
 * ResizeObserver, which reports after the browser's own layout (reading `innerWidth` in a frame
 * forced a layout of the page around it, a 60 ms task on the corpus's CNN page), and the text
 * from the DOM.
 */
import { probe } from '@/utils/test-probe';

/** Narrower than this, a frame shows no word of text (CSS px). */
const MIN_WIDTH = 20;

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Whether `doc` has at least one non-space character of text outside scripts and styles. */
function hasText(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (NOT_TEXT.has(node.parentElement?.tagName ?? '')) continue;
    if (/\S/.test(node.nodeValue ?? '')) return true;
  }
  return false;
}

/**
 * Resolves once `win` is worth reading: at once for the top frame; for a frame, once it has been
 * laid out wide enough (a frame never rendered, such as a `display:none` one, never is until
 * shown) and has text, judged at each size change and at its `load`. Never resolves for a frame
 * that stays empty; `signal` removes the observer and listener.
 */
export function untilWorthReading(win: Window, signal: AbortSignal): Promise<void> {
  if (win === win.top) return Promise.resolve();
  const doc = win.document;
  return new Promise((resolve) => {
    const controller = new AbortController();
    const done = AbortSignal.any([signal, controller.signal]);
    let width = 0;
    const judge = () => {
      const worth = width >= MIN_WIDTH && hasText(doc);
      // `loaded`: no later `load` will ask again (tests wait for this verdict).
      probe('frame-judged', { worth, loaded: doc.readyState === 'complete' });
      if (!worth) return;
      controller.abort();
      resolve();
    };
    const observer = new ResizeObserver((entries) => {
      width = entries[entries.length - 1]!.contentRect.width;
      judge();
    });
    observer.observe(doc.documentElement);
    done.addEventListener('abort', () => observer.disconnect(), { once: true });
    win.addEventListener('load', judge, { signal: done, passive: true });
    judge();
  });
}
