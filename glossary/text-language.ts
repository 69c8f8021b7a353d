/**
 * The language of the text around a match, told apart by script, for the `inLanguage` alias rule:
 * the same Han word can mean different things in Japanese and Chinese (国会 is Japan's Diet in a
 * Japanese story, usually another country's parliament in a Chinese one). Japanese prose is never
 * long without kana (its particles and verb endings), Korean is written in Hangul, and Chinese has
 * Han characters and neither. Only a window around the match is read, so a long block costs no
 * more than a short one, and only when an alias with the rule has matched. Where the text is too
 * short to tell (a bare word, a heading of a few Han characters), the rule holds nothing back.
 */
import { SOFT_EDGE } from './normalize.ts';
import type { TextLanguage } from './schema.ts';

/** Characters read on each side of the match: a sentence or two of CJK text. */
const REACH = 60;
/**
 * Han characters besides the match needed to call kana-less text Chinese: a bare word (国会議員)
 * or a short heading says too little, since Japanese headings can be all Han too.
 */
const MIN_HAN = 8;

/**
 * Hiragana and Katakana (not the middle dot ・ or the long-vowel mark ー, which Chinese text also
 * uses), Katakana phonetic extensions and half-width Katakana.
 */
const KANA = /[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fd\u30fe\u31f0-\u31ff\uff66-\uff9d]/u;
const HANGUL = /[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]/u;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;

/**
 * The language of text[start, end) and its surroundings, or null when the text does not say
 * (too few characters of any of these scripts around the match).
 */
export function languageAround(text: string, start: number, end: number): TextLanguage | null {
  let before = text.slice(Math.max(0, start - REACH), start);
  let after = text.slice(end, end + REACH);
  // Text past a soft edge may be another block's (the gate's text, normalize.ts SOFT_EDGE), whose
  // script says nothing of this one's: a Korean paragraph before a Japanese heading.
  const edge = String.fromCharCode(SOFT_EDGE);
  if (before.includes(edge)) before = before.slice(before.lastIndexOf(edge) + 1);
  if (after.includes(edge)) after = after.slice(0, after.indexOf(edge));
  if (KANA.test(before) || KANA.test(after)) return 'ja';
  if (HANGUL.test(before) || HANGUL.test(after)) return 'ko';
  return (before.match(HAN)?.length ?? 0) + (after.match(HAN)?.length ?? 0) >= MIN_HAN
    ? 'zh'
    : null;
}
