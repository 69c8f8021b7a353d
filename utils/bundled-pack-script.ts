/**
 * The data-only content script that carries the bundled pack's text into pages (why: see
 * bundled-pack.ts). Pure, so that wxt.config.ts can generate the script at build time.
 */

/**
 * The pack that ships with Gloss: its id, and so its file, `glossary/packs/<id>.json` (a unit
 * test checks the file's own id). The one place that names it.
 */
export const BUNDLED_PACK_ID = 'japan-autonomy';
export const BUNDLED_PACK_FILE = `glossary/packs/${BUNDLED_PACK_ID}.json`;

/** The isolated world's global the data script sets; pages can neither see nor set it. */
export const BUNDLED_PACK_GLOBAL = '__glossBundledPack';

/** The same for the pack's matcher, compiled at build time (glossary/matcher-data.ts). */
export const BUNDLED_MATCHER_GLOBAL = '__glossBundledMatcher';

/**
 * The data script's whole source: the pack as pages need it, as one string literal
 * (JSON.stringify escapes the text), and its compiled matcher (`MatcherData`) as a JSON literal,
 * which needs no JSON.parse. Both cost about a millisecond to evaluate (measured in Chromium).
 * Every character beyond ASCII is written as a `\uXXXX` escape (they only occur inside string
 * literals): a source all in one-byte characters is held and scanned by V8 as such, where a single
 * CJK alias would make the whole 200 kB script two-byte.
 */
export function bundledPackScript(json: string, matcher: unknown): string {
  const source =
    `globalThis.${BUNDLED_PACK_GLOBAL} = ${JSON.stringify(json)};\n` +
    // JSON is a JavaScript expression; JSON.stringify escapes U+2028/2029 since ES2019.
    `globalThis.${BUNDLED_MATCHER_GLOBAL} = ${JSON.stringify(matcher)};\n`;
  return source.replace(
    /[^\0-\x7f]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
