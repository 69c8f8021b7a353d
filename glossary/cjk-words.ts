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

/** Whether a word ends before `i` and another starts at `i` in the Han/Kana run around `i`. */
function isWordBoundary(text: string, i: number): boolean {
  let from = i;
  while (from > 0 && i - from < WINDOW && isCJ(text, from - 1)) from--;
  let to = i;
  while (to < text.length && to - i < WINDOW && isCJ(text, to)) to++;
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  for (const { index } of segmenter.segment(text.slice(from, to))) {
    if (from + index === i) return true;
    if (from + index > i) return false;
  }
  return false;
}

/**
 * Whether text[start, end) starts and ends on word boundaries where it touches other Han/Kana
 * text. `checkStart` / `checkEnd` say whether the alias's own first / last character is Han or
 * Kana (an alias ending in Latin letters, such as 日比RAA, is bounded by the word rule instead).
 */
export function onCJWordBoundaries(
  text: string,
  start: number,
  end: number,
  checkStart: boolean,
  checkEnd: boolean,
): boolean {
  if (checkStart && isCJ(text, start - 1) && !isWordBoundary(text, start)) return false;
  if (checkEnd && isCJ(text, end) && !isWordBoundary(text, end)) return false;
  return true;
}
