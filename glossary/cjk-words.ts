/**
 * Word boundaries in Chinese and Japanese text, which has no spaces: 国会 must not match inside
 * 中国会社 (中国|会社) or 米国会計 (米国|会計). The matcher asks only when a match starts or
 * ends right next to another Han or Kana character, and then segments a small window around it
 * with `Intl.Segmenter` (ICU's dictionary-based word breaks, UAX #29 plus the CJ dictionary), so
 * the scan stays linear and a block without such a match pays nothing.
 *
 * Hangul is not checked: Korean separates words with spaces and attaches particles (센카쿠는),
 * so a Korean alias legitimately ends inside a space-delimited word.
 */

/** Han/Kana characters taken on each side of a match: enough for ICU's longest dictionary words. */
const WINDOW = 10;

let segmenter: Intl.Segmenter | undefined;
const wordSegmenter = () => (segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' }));
/** Blocks up to this many UTF-16 units are segmented whole; longer ones in a window per match. */
export const WHOLE_BLOCK = 4_000;
let lastText = '';
let lastSegments: Intl.Segments | undefined;

/**
 * Where words start in `text` (UTF-16 offsets, as a set), or undefined while not known yet.
 * See useWordStarts.
 */
export type WordStartsSource = (text: string) => ReadonlySet<number> | undefined;

let source: WordStartsSource | null = null;
let undecided = 0;

/**
 * Takes word starts from `from` instead of this context's own `Intl.Segmenter`, until the
 * returned function is called (it does nothing once another source has taken over). Pages do:
 * the first word segmenter a renderer builds costs it 15–19 ms (ICU loads its word-break rules;
 * measured in Chromium 156 on the 2-core test machine, scripts/profile-page.ts on the corpus's BBC
 * Chinese page), which every Chinese or Japanese page with a term paid, while the background's is
 * built once (entrypoints/content/word-starts.ts asks it). A check whose text `from` does not know
 * yet is not passed, and counted (undecidedChecks).
 */
export function useWordStarts(from: WordStartsSource): () => void {
  source = from;
  return () => {
    if (source === from) source = null;
  };
}

/** How many checks so far could not be decided (see useWordStarts): compare before and after. */
export function undecidedChecks(): number {
  return undecided;
}

/**
 * The offsets (UTF-16) where `text`'s words start, by this context's `Intl.Segmenter`: what a
 * WordStartsSource answers for `text`.
 */
export function wordStarts(text: string): number[] {
  return Array.from(wordSegmenter().segment(text), (segment) => segment.index);
}

/**
 * Whether the UTF-16 unit at `i` is Han (with 々〆〇), Hiragana, Katakana (with ー) or half-width
 * Katakana. Code ranges, not a \p{Script} regex: this runs on the scan's hot path. A surrogate
 * of CJK Extension B–H (planes 2 and 3) counts as Han.
 */
export function isCJ(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return (
    (c >= 0x3005 && c <= 0x3007) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x31f0 && c <= 0x31ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff66 && c <= 0xff9f) ||
    (c >= 0xd840 && c <= 0xd8bf) ||
    (c >= 0xdc00 && c <= 0xdfff && i > 0 && isCJ(text, i - 1))
  );
}

/** 1 Han, 2 Hiragana, 3 Katakana: a change of script between two characters is a word break. */
function scriptOf(code: number): number {
  if (code >= 0x3040 && code <= 0x309f) return 2;
  if ((code >= 0x30a0 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff)) return 3;
  if (code >= 0xff66 && code <= 0xff9f) return 3;
  return 1;
}

/** Whether `text` has a boundary at `i` that needs the segmenter: the same script on both sides. */
function needsSegmenter(text: string, i: number): boolean {
  if (!isCJ(text, i - 1) || !isCJ(text, i)) return false;
  return scriptOf(text.charCodeAt(i - 1)) === scriptOf(text.charCodeAt(i));
}

/**
 * Whether text[start, end) starts and ends on word boundaries where it touches other Han/Kana
 * text. `checkStart` / `checkEnd` say whether the alias's own first / last character is Han or
 * Kana (an alias ending in Latin letters, such as 日比RAA, is bounded by the word rule instead).
 *
 * Where the script changes (国会|で, テレビ|東京) the boundary is taken as given: kana particles
 * and katakana loanwords meet Han words there, and it spares most Japanese matches the
 * segmenter, whose every call costs tens of microseconds (see scripts/cjk-longer-words.ts).
 */
export function onCJWordBoundaries(
  text: string,
  start: number,
  end: number,
  checkStart: boolean,
  checkEnd: boolean,
): boolean {
  const atStart = checkStart && needsSegmenter(text, start);
  const atEnd = checkEnd && needsSegmenter(text, end);
  if (!atStart && !atEnd) return true;
  // A block of ordinary length is segmented once and every match in it reuses the result: the
  // cost of a segmenter call is mostly fixed (ICU clones its break iterator), not per character.
  let from = 0;
  let segmented = text;
  if (text.length > WHOLE_BLOCK) {
    from = start;
    while (from > 0 && start - from < WINDOW && isCJ(text, from - 1)) from--;
    let to = end;
    while (to < text.length && to - end < WINDOW && isCJ(text, to)) to++;
    segmented = text.slice(from, to);
  }
  if (source) {
    const starts = source(segmented);
    if (!starts) {
      undecided++;
      return false;
    }
    return (!atStart || starts.has(start - from)) && (!atEnd || starts.has(end - from));
  }
  let segments: Intl.Segments;
  if (segmented === lastText) segments = lastSegments!;
  else {
    segments = wordSegmenter().segment(segmented);
    lastSegments = segments;
    lastText = segmented;
  }
  if (atStart && segments.containing(start - from)!.index !== start - from) return false;
  if (atEnd && segments.containing(end - from)!.index !== end - from) return false;
  return true;
}
