/**
 * Character tests for the rules that run on pages, without a `\p{…}` regex each: V8 compiles a
 * regex on its first two runs (bytecode, then native code), and a Unicode-property one with
 * alternatives cost 5–10 ms per page on the 2-core test machine (issue #14, measured on the
 * corpus's nytimes-2019-trade-war page). One shared `\p{L}` test, remembered per code unit, is
 * compiled once.
 */

/** `\p{L}` per BMP code unit, found out on first sight: 0 not yet known, 1 a letter, 2 not. */
let letters: Uint8Array | undefined;
const LETTER = /\p{L}/u;

/** Whether a UTF-16 code unit is a letter (`\p{L}`); surrogates are not. */
export function isLetter(code: number): boolean {
  letters ??= new Uint8Array(0x10000);
  let known = letters[code]!;
  if (known === 0) letters[code] = known = LETTER.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/** Whether `text` holds a letter: for astral ones, whose surrogate pair no code unit test sees. */
export function hasLetter(text: string): boolean {
  return LETTER.test(text);
}

/** A regex word character without the `i` flag (`\w`: ASCII letters, digits and `_`). */
export function isAsciiWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

/** JavaScript's `\s` (ECMA-262 WhiteSpace and LineTerminator). */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
