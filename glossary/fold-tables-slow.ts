/**
 * The original, slow construction of the fold tables from Unicode properties, kept as the
 * reference: `scripts/fold-tables.ts` runs it to generate `fold-tables.data.ts`, and a unit test
 * checks that the committed data still equals it. Never imported by the extension itself: it
 * runs several `\p{…}` regexes, `normalize('NFD')` and `toLowerCase()` for each of the 65,536
 * code units, which costs 30–500 ms on every page load.
 */
import {
  ACCENT,
  IGNORABLE,
  OTHER,
  SEPARATOR,
  SKIP,
  SOFT,
  SOFT_EDGE,
  WORD,
  type Tables,
} from './normalize.ts';

const APOSTROPHE = 0x27;
const QUOTE = 0x22;

// Inclusive ranges. Combining accents are ignorable so text in NFD ("Ryu\u0304kyu\u0304") folds
// like precomposed text; bidi and zero-width characters are invisible, so they must not split words.
const ACCENT_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
const IGNORABLE_RANGES: readonly (readonly [number, number])[] = [
  ...ACCENT_RANGES,
  [SOFT_EDGE, SOFT_EDGE],
  [0x00ad, 0x00ad],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffff, 0xffff],
];

const APOSTROPHES = "'’‘‛ʼʹ`´′";
const QUOTES = '"“”„‟″';
const SPACE = /^[\s\p{Z}]$/u;
// Wave dashes (〜 〰) are Dash_Punctuation but mark ranges and length in CJK text, not hyphens.
const DASH = /^[\p{Pd}\u2212\u2043]$/u;
const NOT_DASH = new Set([0x301c, 0x3030]);
const WORDLIKE = /^[\p{L}\p{N}\p{M}]$/u;
// Scripts written without spaces between words: an alias may start or end anywhere in them.
const NO_SPACES =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]$/u;

function rangeSet(ranges: readonly (readonly [number, number])[]): Uint8Array {
  const set = new Uint8Array(0x10000);
  for (const [from, to] of ranges) set.fill(1, from, to + 1);
  return set;
}

let ignorableSet: Uint8Array | undefined;

function isIgnorable(code: number): boolean {
  return (ignorableSet ??= rangeSet(IGNORABLE_RANGES))[code] === 1;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Folding without lowercasing; `keep` is filled for codes below `code` by the caller's loop. */
function keepCaseOf(code: number): number {
  if (isSurrogate(code)) return code;
  if (isIgnorable(code)) return IGNORABLE;
  // Fullwidth ASCII (ＲＡＡ, １２) is the same text in CJK typesetting.
  if (code >= 0xff01 && code <= 0xff5e) return keepCaseOf(code - 0xfee0);
  const char = String.fromCharCode(code);
  if (SPACE.test(char)) return SEPARATOR;
  if (DASH.test(char) && !NOT_DASH.has(code)) return SEPARATOR;
  if (APOSTROPHES.includes(char)) return APOSTROPHE;
  if (QUOTES.includes(char)) return QUOTE;
  const nfd = char.normalize('NFD');
  if (nfd !== char && !isSurrogate(nfd.charCodeAt(0))) {
    // Keep the base letter only when everything after it is an accent we ignore anyway, so
    // が (か + dakuten) and Hangul syllables (jamo) stay whole.
    let accentsOnly = true;
    for (let i = 1; i < nfd.length; i++) accentsOnly &&= isIgnorable(nfd.charCodeAt(i));
    if (accentsOnly) return keepCaseOf(nfd.charCodeAt(0));
  }
  return code;
}

// Big blocks that fold to themselves and never need word boundaries (Han, Hangul syllables,
// surrogates, private use): filling them directly keeps the build cheaper.
const PLAIN_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xd800, 0xf8ff],
];

/** The tables from Unicode properties of the running JavaScript engine. */
export function buildTablesSlow(): Tables {
  const keep = new Uint16Array(0x10000);
  const fold = new Uint16Array(0x10000);
  const cls = new Uint8Array(0x10000);
  const plain = rangeSet(PLAIN_RANGES);
  const accent = rangeSet(ACCENT_RANGES);
  for (let code = 0; code < 0x10000; code++) {
    keep[code] = plain[code] ? code : keepCaseOf(code);
  }
  for (let code = 0; code < 0x10000; code++) {
    if (plain[code]) {
      fold[code] = code;
      continue;
    }
    const k = keep[code]!;
    let f = k;
    if (k !== IGNORABLE && k !== SEPARATOR && !isSurrogate(k)) {
      const lower = String.fromCharCode(k).toLowerCase();
      if (lower.length === 1) f = keep[lower.charCodeAt(0)]!;
      if (f === 0x03c2) f = 0x03c3; // final sigma ς is σ
    }
    fold[code] = f;
  }
  for (let code = 0; code < 0x10000; code++) {
    const f = fold[code]!;
    if (plain[code]) cls[code] = OTHER;
    else if (code === SOFT_EDGE) cls[code] = SOFT;
    else if (f === IGNORABLE) cls[code] = accent[code] ? ACCENT : SKIP;
    else if (isSurrogate(f)) cls[code] = OTHER;
    else {
      const char = String.fromCharCode(f);
      cls[code] = WORDLIKE.test(char) && !NO_SPACES.test(char) ? WORD : OTHER;
    }
  }
  return { fold, keep, cls };
}

/** Base64url digits: five data bits each, and 32 set on every digit but a number's last. */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function varint(value: number): string {
  let out = '';
  while (value >= 32) {
    out += DIGITS[32 | (value & 31)];
    value >>>= 5;
  }
  return out + DIGITS[value];
}

/**
 * Runs of equal `value(code)` over all 65,536 code units, as (length - 1, zigzag value) varints:
 * the format `decodeTables` in normalize.ts reads.
 */
function encodeRuns(value: (code: number) => number): string {
  let out = '';
  for (let start = 0; start < 0x10000;) {
    const v = value(start);
    let end = start + 1;
    while (end < 0x10000 && value(end) === v) end++;
    out += varint(end - start - 1) + varint(v < 0 ? -2 * v - 1 : 2 * v);
    start = end;
  }
  return out;
}

/** -32768 … 32767: the step from one code unit to another, modulo 2^16. */
function delta(from: number, to: number): number {
  return ((to - from + 0x8000) & 0xffff) - 0x8000;
}

export interface EncodedTables {
  /** `keep[c] - c` per code unit. */
  keep: string;
  /** `fold[c] - c` per code unit. */
  fold: string;
  /** `cls[c]` per code unit. */
  cls: string;
}

export function encodeTables({ fold, keep, cls }: Tables): EncodedTables {
  return {
    keep: encodeRuns((c) => delta(c, keep[c]!)),
    fold: encodeRuns((c) => delta(c, fold[c]!)),
    cls: encodeRuns((c) => cls[c]!),
  };
}
