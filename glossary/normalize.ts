/**
 * Text folding for the matcher. Every UTF-16 code unit folds to exactly one code unit, so an
 * offset into the folded text is the same offset into the original and no offset map is needed
 * (ARCHITECTURE.md, design decision 3). Only length-preserving rules can live here: ß stays ß,
 * ligatures stay, and a lowercase that would grow a character (İ → i̇) is taken after NFD instead.
 */

/** Every space, tab, line break, dash and hyphen folds to this one separator. */
export const SEPARATOR = 0x20;
/**
 * Soft hyphens, zero-width and bidi format characters and stray combining accents: the scanner
 * steps over them. U+FFFF is a noncharacter, so it can never be confused with real text.
 */
export const IGNORABLE = 0xffff;

/** Character classes for word boundaries, indexed by the original code unit. */
export const OTHER = 0;
/** A letter, digit or mark of a script that separates words with spaces. */
export const WORD = 1;
export const SKIP = 2;
/** A combining accent: skipped like SKIP, but a match ending just before it takes it along. */
export const ACCENT = 3;

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

interface Tables {
  /** Case-insensitive fold. */
  fold: Uint16Array;
  /** Same fold, case kept: verifies case-sensitive aliases. */
  keep: Uint16Array;
  /** OTHER, WORD, SKIP or ACCENT per original code unit, judged on its fold. */
  cls: Uint8Array;
}

let tables: Tables | undefined;

// Big blocks that fold to themselves and never need word boundaries (Han, Hangul syllables,
// surrogates, private use): filling them directly keeps the one-time build cheap.
const PLAIN_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xd800, 0xf8ff],
];

function buildTables(): Tables {
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
    else if (f === IGNORABLE) cls[code] = accent[code] ? ACCENT : SKIP;
    else if (isSurrogate(f)) cls[code] = OTHER;
    else {
      const char = String.fromCharCode(f);
      cls[code] = WORDLIKE.test(char) && !NO_SPACES.test(char) ? WORD : OTHER;
    }
  }
  return { fold, keep, cls };
}

/** The lookup tables, built on first use (65,536 entries each). */
export function foldTables(): Readonly<Tables> {
  return (tables ??= buildTables());
}

export function foldChar(code: number): number {
  return foldTables().fold[code & 0xffff]!;
}

export function foldCharKeepCase(code: number): number {
  return foldTables().keep[code & 0xffff]!;
}

/** WORD, OTHER, SKIP or ACCENT (both ignorable) for one code unit. */
export function charClass(code: number): number {
  return foldTables().cls[code & 0xffff]!;
}

const CHUNK = 8192;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let utf16: TextDecoder | undefined;

function mapText(text: string, table: Uint16Array): string {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = table[text.charCodeAt(i)]!;
  // Folding keeps surrogates, so the result is well formed exactly when the input is. TextDecoder
  // is several times faster than fromCharCode but would replace lone surrogates with U+FFFD.
  if (LITTLE_ENDIAN && text.isWellFormed()) {
    utf16 ??= new TextDecoder('utf-16le', { ignoreBOM: true });
    return utf16.decode(out);
  }
  let result = '';
  for (let i = 0; i < out.length; i += CHUNK) {
    result += String.fromCharCode.apply(null, out.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return result;
}

/** Case-insensitive fold; `fold(text).length === text.length` always. */
export function fold(text: string): string {
  return mapText(text, foldTables().fold);
}

/** The fold with case kept, for case-sensitive aliases. */
export function foldKeepCase(text: string): string {
  return mapText(text, foldTables().keep);
}
