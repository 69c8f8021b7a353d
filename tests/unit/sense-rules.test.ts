/**
 * The "right sense" alias rules (issue #13): neighbour words, datelines and addresses, and CJK
 * word boundaries, as a reader sees them — which words on a line get marked.
 */
import { describe, expect, it } from 'vitest';
import { compile, type MatchableTerm } from '../../glossary/matcher';
import { validatePack } from '../../glossary/schema';

const TERMS: MatchableTerm[] = [
  {
    id: 'diet',
    aliases: [{ text: '国会', notAfter: ['美国', '韓国', '立法院（'] }],
  },
  {
    id: 'washington',
    aliases: [
      {
        text: 'Washington',
        caseSensitive: true,
        notBefore: ['Post'],
        notAfter: ['State of'],
        skipIn: ['dateline', 'address'],
      },
      { text: '华盛顿', notBefore: ['邮报'], skipIn: ['dateline'] },
    ],
  },
  {
    id: 'seoul',
    aliases: [
      { text: 'Seoul', skipIn: ['dateline'] },
      'ソウル',
      { text: '서울', skipIn: ['dateline'] },
    ],
  },
  { id: 'beijing', aliases: [{ text: '北京', skipIn: ['dateline'] }] },
  { id: 'tokyo', aliases: [{ text: 'Tokyo', skipIn: ['dateline', 'address'] }, '東京'] },
  { id: 'abe', aliases: ['安倍'] },
];
const matcher = compile(TERMS);

function marked(text: string): string[] {
  return matcher.find(text).map((m) => text.slice(m.start, m.end));
}

describe('neighbour words', () => {
  it('leave another name alone and still mark the term on the same line', () => {
    expect(marked('The Washington Post said Washington would act.')).toEqual(['Washington']);
    expect(marked('the State of Washington, not Washington')).toEqual(['Washington']);
    expect(marked('据华盛顿邮报报道，华盛顿表示')).toEqual(['华盛顿']);
  });

  it('stop a CJK alias after the name of another country', () => {
    expect(marked('美国国会和日本的国会')).toEqual(['国会']);
    expect(marked('韓国国会')).toEqual([]);
    expect(marked('台湾の立法院（国会）')).toEqual([]);
  });
});

describe('datelines', () => {
  it.each([
    ['SEOUL, South Korea — Officials in Seoul said', 'Seoul'],
    ['WASHINGTON (Reuters) - Washington warned', 'Washington'],
    ['Washington, Nov. 17 (AP) — Washington warned', 'Washington'],
    ['TOKYO, Nov 30 – Tokyo said', 'Tokyo'],
    ['新华社北京11月17日电 北京表示', '北京'],
    ['【北京共同】北京は', '北京'],
    ['(서울=연합뉴스) 서울에서', '서울'],
  ])('skips the dateline of %j but marks the story', (text, word) => {
    expect(marked(text)).toEqual([word]);
    expect(matcher.find(text)[0]!.start).toBe(text.lastIndexOf(word));
  });

  it('does not mistake prose for a dateline', () => {
    expect(marked('Seoul, meanwhile, said it would wait.')).toEqual(['Seoul']);
    expect(marked('Officials in Tokyo, Seoul and Washington — all allies — met.')).toEqual([
      'Tokyo',
      'Seoul',
      'Washington',
    ]);
  });
});

describe('postal addresses', () => {
  it('skips the city of an address, with or without the district', () => {
    expect(marked('1800 K Street NW, Washington, DC 20006')).toEqual([]);
    expect(marked('1800 K Street NW, Washington DC 20006')).toEqual([]);
    expect(marked('Chiyoda-ku, Tokyo 100-8919')).toEqual([]);
  });

  it('marks the city when no postal code follows', () => {
    expect(marked('Talks in Washington, D.C. ended.')).toEqual(['Washington']);
  });
});

describe('CJK word boundaries', () => {
  it.each(['中国会社', '全国会議', '米国会計', '安倍川', '安倍川もち'])(
    'marks nothing inside %s',
    (word) => expect(marked(`昨日、${word}について`)).toEqual([]),
  );

  it('marks the alias where it is a word of its own', () => {
    expect(marked('日本の国会で安倍首相が')).toEqual(['国会', '安倍']);
    expect(marked('国会議員')).toEqual(['国会']);
    expect(marked('ソウルで')).toEqual(['ソウル']);
  });

  it('leaves Korean, which attaches particles, to spaces', () => {
    expect(marked('서울에서')).toEqual(['서울']);
  });
});

describe('the pack format', () => {
  const pack = (term: Record<string, unknown>, alias?: Record<string, unknown>) => ({
    id: 'p',
    title: 'P',
    version: '1.0.0',
    language: 'en',
    asOf: '2026-11-30',
    terms: [
      {
        id: 't',
        title: 'T',
        category: 'c',
        summary: 'S.',
        aliases: [alias ?? 'T'],
        ...term,
      },
    ],
  });

  it('names the field of each invalid rule', () => {
    const result = validatePack(
      pack(
        { role: 'main', checked: '30 Nov 2026' },
        { text: 'T', notBefore: 'Post', skipIn: ['byline'] },
      ),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'terms[0].aliases[0].notBefore: must be a list',
        'terms[0].aliases[0].skipIn[0]: must be one of "dateline", "address"',
        'terms[0].role: must be "key" or "context"',
        'terms[0].checked: must be a date such as 2026-11-30',
      ],
    });
  });

  it('accepts the rules and the new term fields', () => {
    const result = validatePack(
      pack({ checked: '2026-11-30' }, { text: 'T', notAfter: ['State of'], skipIn: ['address'] }),
    );
    expect(result.ok).toBe(true);
    expect(validatePack(pack({ role: 'context' })).ok).toBe(true);
  });
});
