/**
 * Rules that run on every page are written as code, not as the regexes they replace: V8 compiles
 * a regex on its first two runs, and these took 1–10 ms each per page (issue #14). Here the
 * regexes are the reference: on text built from the pieces that matter (for the location rule:
 * locatives, site words, names, capitals, accents, apostrophes, commas, spaces of several kinds,
 * CJK), both must always agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasChromePhrase } from '@/entrypoints/content/story/chrome';
import { afterLocative, afterSite } from '@/glossary/place-lines';

const LOCATIVE_REGEX = /(?:^|[^\p{L}])(?:in|at|near|outside)\s+$/iu;
const SITE_REGEX =
  /(?:\b\p{Lu}[\p{L}.&'’-]*|\b(?:embassy|embassies|office|offices|headquarters|bureau|tank|tanks|hotel|hospital|airport|campus|rally|protest|protests|conference|museum|studio|school|university|court)),?\s+(?:in|at|near|outside)\s+$/u;

const PIECES = [
  'in',
  'IN',
  'In',
  'at',
  'At',
  'near',
  'NEAR',
  'outside',
  'Outside',
  'the',
  'Institute',
  'Peterson',
  'embassy',
  'tank',
  'tanks',
  'think',
  'court',
  'Court',
  'rally',
  'office',
  'Xoffice',
  'bureau',
  'headquarters',
  'mostly',
  'within',
  'Bat',
  'main',
  'É',
  'é',
  'Ünited',
  'Ο',
  'ω',
  '北京',
  'ソウル',
  '3',
  '42',
  '_',
  'x',
  'A',
  'U.S.',
  'AT&T',
  ' ',
  '  ',
  '\u00a0',
  '\t',
  '\n',
  '\u3000',
  ',',
  '.',
  '&',
  "'",
  '’',
  '-',
  '—',
  '"',
  '(',
  ')',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

describe('the location rule without regexes', () => {
  it('afterLocative agrees with its regex', () => {
    fc.assert(
      fc.property(text, (before) => {
        expect(afterLocative(before)).toBe(LOCATIVE_REGEX.test(before));
      }),
      { numRuns: 20_000 },
    );
  });

  it('afterSite agrees with its regex', () => {
    fc.assert(
      fc.property(text, (before) => {
        expect(afterSite(before)).toBe(SITE_REGEX.test(before));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['said Jane Doe of the Peterson Institute in ', true, true],
    ['a think tank in ', true, true],
    ['questions were answered in ', true, false],
    ['officials, in ', true, false],
    ['within ', false, false],
    ['the U.S. Embassy, at ', true, true],
    ['Thousands joined a rally In ', true, false],
  ])('%j: after a locative %s, after a site %s', (before, locative, site) => {
    expect(afterLocative(before)).toBe(locative);
    expect(afterSite(before)).toBe(site);
  });
});

describe('chrome phrases in class names without a regex', () => {
  const PHRASE_REGEX =
    /most[-_ ]?(read|viewed|popular)|read[-_ ]?more|also[-_ ]?read|you[-_ ]?may[-_ ]?like|more[-_ ]?stories|latest[-_ ]?news/i;
  const NAME_PIECES = [
    'most',
    'Most',
    'MOST',
    'read',
    'Read',
    'viewed',
    'popular',
    'more',
    'More',
    'also',
    'you',
    'may',
    'like',
    'stories',
    'latest',
    'news',
    'NEWS',
    'almost',
    're',
    'ad',
    'mo',
    'st',
    '-',
    '_',
    ' ',
    '--',
    '__',
    'x',
    '1',
    'é',
    ':',
  ];
  const name = fc
    .array(fc.constantFrom(...NAME_PIECES), { maxLength: 10 })
    .map((parts) => parts.join(''));

  it('hasChromePhrase agrees with its regex', () => {
    fc.assert(
      fc.property(name, (value) => {
        expect(hasChromePhrase(value)).toBe(PHRASE_REGEX.test(value));
      }),
      { numRuns: 20_000 },
    );
  });
});
