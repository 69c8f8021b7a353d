/**
 * The pack validator's contract: a catalogue of broken packs, each with the exact message a pack
 * author sees. Packs can come from users, so every message names the path of the problem.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, countWords, parsePack, validatePack } from '../../glossary/schema';

type Json = Record<string, unknown>;

function term(fields: Json = {}): Json {
  return {
    id: 'senkaku-islands',
    title: 'Senkaku Islands',
    category: 'places',
    aliases: ['Senkaku Islands'],
    summary: 'Small islands in the East China Sea.',
    ...fields,
  };
}

function pack(fields: Json = {}, terms: unknown[] = [term()]): Json {
  return {
    id: 'test-pack',
    title: 'Test pack',
    version: '1.0.0',
    language: 'en',
    asOf: '2026-11-01',
    terms,
    ...fields,
  };
}

function without(object: Json, key: string): Json {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('validatePack', () => {
  it('accepts a minimal pack', () => {
    const result = validatePack(pack());
    expect(result).toEqual({ ok: true, pack: pack() });
  });

  it('accepts a pack using every optional field', () => {
    const full = pack({ $schema: './pack.schema.json', description: 'd', source: 's' }, [
      term({
        aliases: [
          'Senkaku Islands',
          { text: 'Senkaku', caseSensitive: true },
          { text: 'Diaoyutai', needsContext: true, notIn: ['Diaoyutai State Guesthouse'] },
          { text: 'RAA', needsContext: ['Japan', 'Philippines'] },
        ],
        essay: [
          { quote: 'radar lock-ons near the Senkakus', section: 'The Capital Flows Paradox' },
        ],
        background: 'Administered by Japan.',
        contested: [{ holder: 'Japan', position: 'No dispute exists.' }],
        related: ['okinawa'],
      }),
      term({ id: 'okinawa', title: 'Okinawa', aliases: ['Okinawa'] }),
    ]);
    expect(validatePack(full)).toMatchObject({ ok: true });
  });

  it('accepts exactly the limits', () => {
    const atLimits = pack({}, [
      term({
        summary: words(LIMITS.summaryWords),
        aliases: Array.from({ length: LIMITS.aliasesPerTerm }, (_, i) => `alias ${i}`),
        essay: [{ quote: words(LIMITS.quoteWords), section: 'Introduction' }],
        title: 'x'.repeat(LIMITS.titleChars),
      }),
    ]);
    expect(validatePack(atLimits)).toMatchObject({ ok: true });
  });

  // [what is wrong, the pack, the exact messages]
  const invalid: [string, unknown, string[]][] = [
    ['not an object', null, ['must be an object']],
    ['a string instead of a pack', 'test-pack', ['must be an object']],
    ['unknown top-level field', pack({ extra: 1 }), ['extra: unknown field']],
    [
      'misspelt alias rule',
      pack({}, [term({ aliases: [{ text: 'Diet', caseSensitve: true }] })]),
      ['terms[0].aliases[0].caseSensitve: unknown field'],
    ],
    ['missing pack id', without(pack(), 'id'), ['id: missing required field']],
    [
      'missing summary',
      pack({}, [without(term(), 'summary')]),
      ['terms[0].summary: missing required field'],
    ],
    [
      'id not a slug',
      pack({ id: 'Test Pack' }),
      ['id: must be a lowercase slug such as "senkaku-islands"'],
    ],
    ['version not semver', pack({ version: '1.0' }), ['version: must look like 1.0.0']],
    ['bad language tag', pack({ language: 'english!' }), ['language: not a language tag']],
    ['bad date', pack({ asOf: '2026-13-01' }), ['asOf: must be a date such as 2026-11-01']],
    ['terms not a list', pack({ terms: {} }), ['terms: must be a list']],
    ['no terms', pack({}, []), ['terms: needs at least one term']],
    [
      'no aliases',
      pack({}, [term({ aliases: [] })]),
      ['terms[0].aliases: needs at least one alias'],
    ],
    [
      'empty alias',
      pack({}, [term({ aliases: ['Senkaku', ''] })]),
      ['terms[0].aliases[1]: empty string'],
    ],
    ['blank summary', pack({}, [term({ summary: '   ' })]), ['terms[0].summary: empty string']],
    [
      'caseSensitive not a boolean',
      pack({}, [term({ aliases: ['a', 'b', { text: 'c', caseSensitive: 'yes' }] })]),
      ['terms[0].aliases[2].caseSensitive: must be true or false'],
    ],
    [
      'alias neither string nor object',
      pack({}, [term({ aliases: [42] })]),
      ['terms[0].aliases[0]: must be a string or an alias object'],
    ],
    [
      'alias object without text',
      pack({}, [term({ aliases: [{ caseSensitive: true }] })]),
      ['terms[0].aliases[0].text: missing required field'],
    ],
    [
      'needsContext neither true nor a list',
      pack({}, [term({ aliases: [{ text: 'RAA', needsContext: 'Japan' }] })]),
      ['terms[0].aliases[0].needsContext: must be true or a list of context words'],
    ],
    [
      'empty context word',
      pack({}, [term({ aliases: [{ text: 'RAA', needsContext: [''] }] })]),
      ['terms[0].aliases[0].needsContext[0]: empty string'],
    ],
    [
      'too many notIn entries',
      pack({}, [term({ aliases: [{ text: 'Xi', notIn: words(17).split(' ') }] })]),
      ['terms[0].aliases[0].notIn: more than 16 entries'],
    ],
    [
      'too many aliases',
      pack({}, [term({ aliases: Array.from({ length: 65 }, (_, i) => `alias ${i}`) })]),
      ['terms[0].aliases: more than 64 aliases'],
    ],
    [
      'title too long',
      pack({}, [term({ title: 'x'.repeat(121) })]),
      ['terms[0].title: longer than 120 characters (121)'],
    ],
    [
      'summary over 60 words',
      pack({}, [term({ summary: words(61) })]),
      ['terms[0].summary: more than 60 words (61)'],
    ],
    [
      'summary over 600 characters',
      pack({}, [term({ summary: 'x'.repeat(601) })]),
      ['terms[0].summary: longer than 600 characters (601)'],
    ],
    [
      'quote over 45 words',
      pack({}, [term({ essay: [{ quote: words(46), section: 'Introduction' }] })]),
      ['terms[0].essay[0].quote: more than 45 words (46)'],
    ],
    [
      'too many passages',
      pack({}, [term({ essay: Array.from({ length: 9 }, () => ({ quote: 'q', section: 's' })) })]),
      ['terms[0].essay: more than 8 passages'],
    ],
    [
      'essay not a list',
      pack({}, [term({ essay: 'radar lock-ons' })]),
      ['terms[0].essay: must be a list'],
    ],
    [
      'unknown passage field',
      pack({}, [term({ essay: [{ quote: 'q', section: 's', page: 3 }] })]),
      ['terms[0].essay[0].page: unknown field'],
    ],
    [
      'background over 1500 characters',
      pack({}, [term({ background: 'x'.repeat(1501) })]),
      ['terms[0].background: longer than 1500 characters (1501)'],
    ],
    [
      'contested position without its position',
      pack({}, [term({ contested: [{ holder: 'Japan' }] })]),
      ['terms[0].contested[0].position: missing required field'],
    ],
    [
      'bidi override character',
      pack({}, [term({ title: 'Senkaku \u202eIslands' })]),
      ['terms[0].title: contains control or bidi-override characters'],
    ],
    [
      'bidi isolate character',
      pack({}, [term({ summary: 'Small \u2066islands\u2069.' })]),
      ['terms[0].summary: contains control or bidi-override characters'],
    ],
    [
      'control character',
      pack({}, [term({ aliases: ['Senkaku\u0000'] })]),
      ['terms[0].aliases[0]: contains control or bidi-override characters'],
    ],
    [
      'lone surrogate',
      pack({}, [term({ summary: 'Broken \ud83d text.' })]),
      ['terms[0].summary: contains a broken character (lone surrogate)'],
    ],
    [
      'duplicate id',
      pack({}, [term(), term({ title: 'Again' })]),
      ['terms[1].id: duplicate id "senkaku-islands"'],
    ],
    [
      'unknown related id',
      pack({}, [term({ related: ['okinawa'] })]),
      ['terms[0].related[0]: unknown term "okinawa"'],
    ],
    [
      'a term related to itself',
      pack({}, [term({ related: ['senkaku-islands'] })]),
      ['terms[0].related[0]: a term cannot relate to itself'],
    ],
    [
      'too many related ids',
      pack({}, [term({ related: words(17).split(' ') })]),
      ['terms[0].related: more than 16 related terms'],
    ],
  ];

  it.each(invalid)('refuses %s', (_what, input, errors) => {
    expect(validatePack(input)).toEqual({ ok: false, errors });
  });

  it('reports every problem, each with its path', () => {
    const result = validatePack(
      pack({ version: 'x' }, [term({ aliases: [''] }), term({ id: 'b', summary: words(61) })]),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'version: must look like 1.0.0',
        'terms[0].aliases[0]: empty string',
        'terms[1].summary: more than 60 words (61)',
      ],
    });
  });

  it('caps the number of reported problems', () => {
    const terms = Array.from({ length: 60 }, (_, i) => term({ id: `t${i}`, aliases: [''] }));
    const result = validatePack(pack({}, terms));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(51);
    expect(result.errors.at(-1)).toBe('…and 10 more problems');
  });
});

describe('parsePack', () => {
  it('parses and validates JSON text', () => {
    expect(parsePack(JSON.stringify(pack()))).toEqual({ ok: true, pack: pack() });
  });

  it('refuses invalid JSON', () => {
    const result = parsePack('{"id": "test-pack",');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^not valid JSON: /);
  });

  it('refuses an oversize file before parsing it', () => {
    const huge = ' '.repeat(LIMITS.packBytes + 1);
    expect(parsePack(huge)).toEqual({ ok: false, errors: ['file is larger than 20 MB'] });
  });

  it('reports validation problems of well-formed JSON', () => {
    expect(parsePack(JSON.stringify(pack({ extra: true })))).toEqual({
      ok: false,
      errors: ['extra: unknown field'],
    });
  });
});

describe('countWords', () => {
  it('counts whitespace-separated words', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords('one')).toBe(1);
    expect(countWords(' two\twords\n')).toBe(2);
  });
});
