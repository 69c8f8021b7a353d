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
    // The paragraph's text as the page's HTML indents it.
    [`\n${' '.repeat(52)}SEOUL, South Korea — A plan in Seoul's parliament`, 'Seoul'],
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

describe('a capital that only says where something happened (skipIn "location")', () => {
  const places = compile([
    {
      id: 'seoul',
      aliases: [
        {
          text: 'Seoul',
          notBefore: ['based', 'resident'],
          notAfter: ['reported from', 'based in'],
          skipIn: ['location'],
        },
        { text: 'ソウル', skipIn: ['location'] },
        { text: '서울', skipIn: ['location'] },
      ],
    },
    {
      id: 'washington',
      aliases: [{ text: 'Washington', notBefore: ['based'], skipIn: ['location', 'address'] }],
    },
    {
      id: 'beijing',
      aliases: [
        { text: 'Beijing', skipIn: ['location'] },
        { text: '北京', skipIn: ['location'] },
      ],
    },
  ]);
  const placed = (text: string) => places.find(text).map((m) => text.slice(m.start, m.end));

  it.each([
    'Thousands joined a candlelight rally in Seoul on Thursday.',
    'a producer based in Seoul.',
    'Meetings planned in Washington this week were postponed.',
    'said Jane Doe of the Peterson Institute in Washington.',
    'justices at the Supreme Court in Washington, DC on April 23',
    'the Washington-based analysts said',
    'a Seoul resident said after the vote',
    'Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong.',
    'ソウルで開かれた集会',
    '서울에서 열린 집회',
    '会议在北京举行',
  ])('leaves the city alone in %j', (text) => expect(placed(text)).toEqual([]));

  it.each([
    ['Seoul has said that it is part of its preparations.', 'Seoul'],
    ['NBC reported that the mood in Beijing was pessimistic.', 'Beijing'],
    ["Japan's security questions were answered in Washington.", 'Washington'],
    ['control of its troops from Washington, but Pyongyang objected', 'Washington'],
    ["officials in Washington's view", 'Washington'],
    ['Officials in Washington, Seoul and Tokyo met.', 'Washington'],
    ['ソウルでは慎重な見方が出ている', 'ソウル'],
    ['서울에서는 신중론이 나온다', '서울'],
    ['北京表示反对', '北京'],
  ])('marks the government in %j', (text, word) => expect(placed(text)).toContain(word));
});

describe('the language of the text (inLanguage)', () => {
  const diet = compile([
    { id: 'diet', aliases: [{ text: '国会', inLanguage: ['ja'], notAfter: ['美国'] }] },
  ]);
  const found = (text: string) => diet.find(text).map((m) => text.slice(m.start, m.end));

  it('marks 国会 in Japanese text, where it is the Diet', () => {
    expect(found('参院本会議で答弁する岸田首相（１３日午前、国会で）')).toEqual(['国会']);
    expect(found('当選無効となった国会議員に歳費返納を義務づける')).toEqual(['国会']);
  });

  it('leaves 国会 alone in Chinese text, where it is usually another parliament', () => {
    expect(found('韩国总统尹锡悦宣布戒严后，国会随即召开全体会议并通过决议案。')).toEqual([]);
    expect(found('该法案已提交国会审议，预计下月表决。')).toEqual([]);
  });

  it('leaves 국회 text to Korean and holds nothing back where the text is too short to tell', () => {
    expect(found('국회에서 国会 관련 논의가 이어졌다')).toEqual([]);
    expect(found('国会議員')).toEqual(['国会']);
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
        { text: 'T', notBefore: 'Post', skipIn: ['byline'], inLanguage: ['jp'] },
      ),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'terms[0].aliases[0].notBefore: must be a list',
        'terms[0].aliases[0].skipIn[0]: must be one of "dateline", "address", "location"',
        'terms[0].aliases[0].inLanguage[0]: must be one of "ja", "zh", "ko"',
        'terms[0].role: must be "key" or "context"',
        'terms[0].checked: must be a date such as 2026-11-30',
      ],
    });
  });

  it('accepts the rules and the new term fields', () => {
    const result = validatePack(
      pack(
        { checked: '2026-11-30' },
        { text: 'T', notAfter: ['State of'], skipIn: ['address', 'location'], inLanguage: ['ja'] },
      ),
    );
    expect(result.ok).toBe(true);
    expect(validatePack(pack({ role: 'context' })).ok).toBe(true);
  });
});
