import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IGNORABLE,
  OTHER,
  SEPARATOR,
  SKIP,
  WORD,
  fold,
  foldKeepCase,
  foldTables,
  stepped,
} from '../../glossary/normalize';

const SEP = String.fromCharCode(SEPARATOR);
const IGN = String.fromCharCode(IGNORABLE);
const code = (char: string) => char.charCodeAt(0);
/** One code unit through the tables the matcher walks. */
const foldChar = (c: number) => stepped(foldTables().foldStep, c);
const foldCharKeepCase = (c: number) => stepped(foldTables().keepStep, c);
const charClass = (c: number) => foldTables().cls[c]!;

describe('fold', () => {
  it('lowercases', () => {
    expect(fold('Senkaku RAA ΣΤΡΑΤΗΓΙΚΗ')).toBe('senkaku raa στρατηγικη');
  });

  it('strips diacritics and keeps the base letter', () => {
    expect(fold('Ryūkyū Tōkyō café Malacañang')).toBe('ryukyu tokyo cafe malacanang');
    expect(fold('İstanbul')).toBe('istanbul');
  });

  it('folds curly apostrophes and quotes to straight ones', () => {
    expect(fold('Japan’s ‘x’ ʼ ` ´ ′')).toBe("japan's 'x' ' ' ' '");
    expect(fold('“Diet”')).toBe('"diet"');
  });

  it('folds every dash and space to the separator', () => {
    for (const char of '-‐‑‒–—―−﹘﹣－ \u00a0\u2009\u3000\t\n\r') {
      expect(foldChar(code(char)), `U+${code(char).toString(16)}`).toBe(SEPARATOR);
    }
    expect(fold('self‑defence')).toBe(`self${SEP}defence`);
  });

  it('leaves wave dashes alone: they are not hyphens in CJK text', () => {
    expect(fold('〜')).toBe('〜');
  });

  it('folds fullwidth ASCII', () => {
    expect(fold('ＲＡＡ１２！')).toBe('raa12!');
    expect(foldKeepCase('ＲＡＡ')).toBe('RAA');
  });

  it('marks soft hyphens, zero-width, BOM and stray combining accents as ignorable', () => {
    for (const char of '\u00ad\u200b\u200c\u200d\u2060\ufeff\u0301') {
      expect(foldChar(code(char))).toBe(IGNORABLE);
    }
    expect(fold('Oki\u00adnawa')).toBe(`oki${IGN}nawa`);
  });

  it('keeps CJK, kana with voicing marks and Hangul as they are', () => {
    expect(fold('尖閣諸島が독도는カタカナ')).toBe('尖閣諸島が독도는カタカナ');
  });

  it('passes surrogate pairs through unchanged', () => {
    expect(fold('𠀋😀')).toBe('𠀋😀');
    expect(fold('\ud800x')).toBe('\ud800x');
  });

  it('keeps case in the keep-case fold only', () => {
    expect(foldKeepCase('Ryūkyū’s Self–Defence')).toBe(`Ryukyu's Self${SEP}Defence`);
    expect(foldCharKeepCase(code('É'))).toBe(code('E'));
    expect(foldChar(code('É'))).toBe(code('e'));
  });

  it('preserves length on any string, and is idempotent', () => {
    // Any UTF-16 code units, lone surrogates included.
    const anyText = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(anyText, (text) => {
        const folded = fold(text);
        return (
          folded.length === text.length &&
          foldKeepCase(text).length === text.length &&
          fold(folded) === folded &&
          fold(foldKeepCase(text)) === folded
        );
      }),
      { numRuns: 500 },
    );
  });

  it('folds every code unit to a fixed point', () => {
    const unstable: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const f = foldChar(c);
      if (f !== IGNORABLE && foldChar(f) !== f) unstable.push(c.toString(16));
    }
    expect(unstable).toEqual([]);
  });
});

describe('charClass', () => {
  it('calls letters and digits of spaced scripts words', () => {
    for (const char of 'aZé9ДΩ') expect(charClass(code(char))).toBe(WORD);
  });

  it('does not ask for word boundaries in Han, kana or Hangul', () => {
    for (const char of '尖かカー독') expect(charClass(code(char))).toBe(OTHER);
  });

  it('treats punctuation, separators and possessive apostrophes as non-word', () => {
    for (const char of " '’ʼ(-.,") expect(charClass(code(char))).toBe(OTHER);
  });

  it('skips ignorables', () => {
    expect(charClass(0xad)).toBe(SKIP);
  });
});
