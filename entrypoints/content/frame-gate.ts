/**
 * Frames that hold nothing to read get nothing from Gloss: an ad slot, a tracking pixel, a hidden
 * widget. Most frames on a news page are such (issue #14: Gloss ran in every frame, ad iframes
 * included). A frame is waited on until it is worth reading; the top frame always is.
 *
 * Worth reading = a viewport of at least MIN_WIDTH × MIN_HEIGHT CSS px (a hidden or 1×1 frame has
 * none) and some text outside scripts and styles. Both are judged without layout of the frame's
 * own document (`innerWidth` is the frame's size; the text is read from the DOM).
 */
import { probe } from '@/utils/test-probe';

/** Below this a frame shows no line of text (CSS px). */
const MIN_WIDTH = 20;
const MIN_HEIGHT = 10;

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

/** Whether Gloss should read `win`'s document now. */
export function worthReading(win: Window): boolean {
  if (win === win.top) return true;
  const worth =
    win.innerWidth >= MIN_WIDTH && win.innerHeight >= MIN_HEIGHT && hasText(win.document);
  // `loaded`: no later `load` will ask again (tests wait for this verdict).
  probe('frame-judged', { worth, loaded: win.document.readyState === 'complete' });
  return worth;
}

/**
 * Resolves once `win` is worth reading: at once, or after its `load` or a `resize` (a hidden frame
 * shown) makes it so. Never resolves for a frame that stays empty; `signal` removes the listeners.
 */
export function untilWorthReading(win: Window, signal: AbortSignal): Promise<void> {
  if (worthReading(win)) return Promise.resolve();
  return new Promise((resolve) => {
    const controller = new AbortController();
    const check = () => {
      if (!worthReading(win)) return;
      controller.abort();
      resolve();
    };
    const options = { signal: AbortSignal.any([signal, controller.signal]), passive: true };
    win.addEventListener('load', check, options);
    win.addEventListener('resize', check, options);
  });
}
