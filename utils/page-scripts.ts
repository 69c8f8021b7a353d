/**
 * Gloss's page scripts that not every page and frame gets from the manifest, and the files each
 * part is made of. The browser compiles every listed content script in every page and frame it
 * matches, ad frames included, and compiling was most of what Gloss cost a page (issue #14: in
 * traces of the corpus, 4–27 ms per script per frame on the 2-core test machine). So:
 * - a subframe gets only a small gate script (entrypoints/frame-gate.ts), which asks for the main
 *   script once the frame has something to read; the main script then asks for the engine and its
 *   data, which the manifest lists for top frames only;
 * - the popover's code is listed nowhere; a frame gets it when a reader first points at, focuses
 *   or taps a mark, during the hover delay.
 * The background runs them in the asking frame (`scripting.executeScript`, uBlock Origin's way of
 * keeping its per-frame script small), in the content scripts' own isolated world.
 */

/** The parts a content script may ask for. */
export const PAGE_SCRIPT_PARTS = ['main', 'engine', 'popover'] as const;
export type PageScriptPart = (typeof PAGE_SCRIPT_PARTS)[number];

/** The bundled pack's data script: written by wxt.config.ts at build time. */
export const BUNDLED_PACK_SCRIPT = 'content-scripts/bundled-pack.js';

/** The main content script (entrypoints/content/index.ts). */
export const MAIN_SCRIPT = 'content-scripts/content.js';

/** The subframes' gate script (entrypoints/frame-gate.ts). */
export const FRAME_GATE_SCRIPT = 'frame-gate.js';

/** Each part's files, in the order they run (output paths of the build). */
export const PAGE_SCRIPT_FILES: Record<PageScriptPart, readonly string[]> = {
  main: [MAIN_SCRIPT],
  engine: [BUNDLED_PACK_SCRIPT, 'page-engine.js'],
  popover: ['popover-ui.js'],
};

/** True in a subframe, which the manifest gives only the gate script (window.top differs). */
export function inSubframe(): boolean {
  return typeof window !== 'undefined' && window !== window.top;
}
