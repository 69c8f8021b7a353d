/**
 * The one script a subframe gets from the manifest (wxt.config.ts lists it for every frame): it
 * waits until the frame is worth reading (entrypoints/content/frame-gate.ts) and then asks the
 * background for the main content script, which brings the rest. An ad slot, a tracking pixel or a
 * hidden widget so costs one script of a few kilobytes instead of Gloss's 55 kB main script and
 * what it starts (issue #14: in traces of the corpus, the main script's start-up in subframes was
 * 5–13 ms of a page's cost). Top frames get the main script from the manifest; this one stops.
 *
 * It keeps to the browser's own extension API: the polyfill and the checked message protocol
 * (utils/messages.ts) would make it as large as what it saves. The message it sends has the
 * protocol's shape, and the background checks it like any other.
 */
import { untilWorthReading } from './content/frame-gate';

interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

export default defineUnlistedScript(() => {
  if (window === window.top) return;
  // Browsers without the CSS Custom Highlight API get nothing, as in the main script.
  if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return;
  const api = ((globalThis as { browser?: RuntimeLike }).browser ??
    (globalThis as { chrome?: RuntimeLike }).chrome)!;
  void untilWorthReading(window, new AbortController().signal).then(() =>
    // Rejects when the extension was updated or removed since the frame loaded: nothing to do.
    api.runtime.sendMessage({ type: 'gloss:load-scripts', part: 'main' }).catch(() => undefined),
  );
});
