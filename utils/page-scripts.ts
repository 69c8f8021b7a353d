/**
 * Gloss's page scripts and which page gets which. The browser compiles every listed content script
 * in every page and frame it matches, ad frames included, and compiling and starting them was most
 * of what Gloss cost a page (issue #14: in traces of the corpus, 4–27 ms per script per frame on
 * the 2-core test machine). So the manifest lists only a small gate script (entrypoints/frame-gate.ts)
 * for every frame. Once its frame is worth reading, the gate hands the frame's text to the
 * background, which runs the main script there only if the text holds something Gloss would draw
 * (entrypoints/background/page-gate.ts): most news pages, and most frames, never get more. Where
 * the whole text would, the story reader comes first, and the story's text alone decides. The
 * main script then asks for the engine and its data; the popover's code comes when a reader first
 * points at, focuses or taps a mark, during the hover delay.
 * The background runs them in the asking frame (`scripting.executeScript`, uBlock Origin's way of
 * keeping its per-frame script small), in the content scripts' own isolated world.
 */

/** The parts a content script may ask for (the main script comes through the gate's text). */
export const PAGE_SCRIPT_PARTS = ['engine', 'popover'] as const;
export type PageScriptPart = (typeof PAGE_SCRIPT_PARTS)[number] | 'main' | 'story';

/** The bundled pack's data script: written by wxt.config.ts at build time. */
export const BUNDLED_PACK_SCRIPT = 'content-scripts/bundled-pack.js';

/** The main content script (entrypoints/content/index.ts). */
export const MAIN_SCRIPT = 'content-scripts/content.js';

/**
 * The marks' stylesheet (`::highlight()` rules only, entrypoints/marks.content.css). The manifest
 * gives it to every frame: inserted later, with the main script, it made the browser restyle the
 * whole document (a 470–670 ms frame on a page of 100,000 elements, hostile.e2e.ts), where a sheet
 * present from the start costs nothing.
 */
export const MARKS_STYLESHEET = 'content-scripts/marks.css';

/** The gate script every frame gets from the manifest (entrypoints/frame-gate.ts). */
export const FRAME_GATE_SCRIPT = 'frame-gate.js';

/**
 * Most characters of page text in one `gloss:page-text` message (UTF-16 code units). A chunk ends
 * at a block's end, so no mention is cut in two; a page's text goes in several when it must, and
 * the first that holds a term ends the walk.
 */
export const PAGE_TEXT_CHUNK = 256 * 1024;

/** Most texts in one `gloss:word-starts` question (entrypoints/content/word-starts.ts). */
export const MAX_WORD_START_TEXTS = 64;

/**
 * Ends each block of text in a `gloss:page-text` chunk (NUL: a page's text has none; the gate
 * turns any it finds into a space). A block is one root's text (the document, a shadow root, what
 * the page added), or a piece of it; the background matches each alone.
 */
export const PAGE_TEXT_BLOCK_END = '\0';

/**
 * Between two text nodes in a `gloss:page-text` block whose joining the gate leaves open: one word
 * or two blocks, as the scanner may read them. The matcher finds what either holds
 * (glossary/normalize.ts SOFT_EDGE, the same character; a unit test checks they agree, since
 * importing it would bring the fold tables into the gate).
 */
export const PAGE_TEXT_SOFT_EDGE = '\u0001';

/**
 * The name under which the gate keeps its GateHandle in the content scripts' isolated world: the
 * background and the popup reach it with `scripting.executeScript`, which runs a function there.
 * Pages cannot see that world. The gate keeps no message listener: setting one up cost every page
 * and frame about 3 ms (traced in Chromium, issue #14), for questions asked a few times a day.
 */
export const GATE_GLOBAL = '__glossGate';

/** What the gate answers to, until the main script runs in its frame (see GATE_GLOBAL). */
export interface GateHandle {
  /** Hands the frame's text over again (the packs changed, or Gloss was switched on or off). */
  judgeAgain(): void;
  /**
   * The top frame's answer to the popup's `gloss:page-terms` (utils/messages.ts): whether Gloss
   * is on for the site, the site, and no terms; null in other frames, which do not answer for the
   * tab.
   */
  pageTerms(): { on: boolean; host: string; terms: never[] } | null;
}

/**
 * The name under which the story reader (entrypoints/story-reader.ts) keeps its StoryReader in the
 * content scripts' isolated world, for the gate. The background runs it in a frame whose whole
 * text holds something Gloss would draw; from then on the gate hands over the story's text alone.
 */
export const STORY_READER_GLOBAL = '__glossStoryReader';

/** Where the main script would read a frame now (entrypoints/content/story/scope.ts `Scope`). */
export interface StoryScope {
  /** The roots a scan starts from: the story's, or the body on a page without one. */
  scanRoots(doc: Document): Node[];
  /** Whether a walk down from a scan root leaves `el`'s subtree out (chrome). */
  leavesOut(el: Element): boolean;
  /** Of nodes whose text changed, what a scan reads. */
  clip(changed: readonly Node[]): Node[];
  /** Whether `other` found the same story (or none either). */
  sameStoryAs(other: StoryScope): boolean;
}

/** What the story reader gives the gate (see STORY_READER_GLOBAL). */
export interface StoryReader {
  /** Finds the story in `doc` now, as the main script would (DOM reads only, no layout). */
  scopeOf(doc: Document): StoryScope;
}

/** The blocks of a `gloss:page-text` chunk (see PAGE_TEXT_BLOCK_END), empty ones left out. */
export function pageTextBlocks(chunk: string): string[] {
  return chunk.split(PAGE_TEXT_BLOCK_END).filter((block) => block.length > 0);
}

/** Each part's files, in the order they run (output paths of the build). */
export const PAGE_SCRIPT_FILES: Record<PageScriptPart, readonly string[]> = {
  main: [MAIN_SCRIPT],
  engine: [BUNDLED_PACK_SCRIPT, 'page-engine.js'],
  popover: ['popover-ui.js'],
  story: ['story-reader.js'],
};
