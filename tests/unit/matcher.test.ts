import { describe, expect, it } from 'vitest';
import { compileSliced, compile, counts, cues, type MatchableTerm } from '../../glossary/matcher';
import { aliasForms } from '../../glossary/variants';
import { SOFT_EDGE } from '../../glossary/normalize';
import { PAGE_TEXT_SOFT_EDGE } from '../../utils/page-scripts';

const TERMS: MatchableTerm[] = [
  {
    id: 'jp-ph-raa',
    aliases: [
      'Japan-Philippines reciprocal access agreement',
      { text: 'RAA', caseSensitive: true, needsContext: ['visiting forces'] },
    ],
  },
  { id: 'raa', aliases: ['reciprocal access agreement'] },
  { id: 'okinawa', aliases: ['Okinawa', 'Ryūkyū'] },
  { id: 'abe', aliases: [{ text: 'Abe', notIn: ['Prime Minister Abe'] }] },
  { id: 'japan', aliases: ['Japan'] },
  { id: 'philippines', aliases: ['Philippines'] },
  { id: 'diet', aliases: [{ text: 'Diet', caseSensitive: true, notIn: ['Diet Coke'] }] },
  { id: 'xi', aliases: [{ text: 'Xi', caseSensitive: true, notIn: ["Xi'an"] }] },
  { id: 'senkaku', aliases: ['Senkaku Islands', '尖閣諸島', '钓鱼岛', '독도'] },
  { id: 'self-defence', aliases: ['collective self-defence', 'lock-on'] },
  { id: 'normalisation', aliases: ['normalisation', 'militarise'] },
  { id: 'sdf', aliases: [{ text: 'SDF', needsContext: true }, 'Self-Defense Forces'] },
];

const matcher = compile(TERMS);

/** Each match as "termId:matched text" (kind added when not a mark). */
function found(text: string, m = matcher): string[] {
  return m
    .find(text)
    .map(
      (x) =>
        `${x.termId}:${text.slice(x.start, x.end)}` + (x.kind === 'mark' ? '' : ` (${x.kind})`),
    );
}

describe('variants', () => {
  it('matches regardless of case and diacritics', () => {
    expect(found('OKINAWA okinawa Ryukyu RYŪKYŪ ryūkyū')).toEqual([
      'okinawa:OKINAWA',
      'okinawa:okinawa',
      'okinawa:Ryukyu',
      'okinawa:RYŪKYŪ',
      'okinawa:ryūkyū',
    ]);
  });

  it('matches decomposed (NFD) text', () => {
    expect(found('Ryu\u0304kyu\u0304')).toEqual(['okinawa:Ryu\u0304kyu\u0304']);
  });

  it('treats hyphens, dashes, spaces, line breaks and runs of them alike', () => {
    expect(
      found('collective self defence; collective  self -  defence; collective\nself–defence'),
    ).toEqual([
      'self-defence:collective self defence',
      'self-defence:collective  self -  defence',
      'self-defence:collective\nself–defence',
    ]);
  });

  it('also matches a hyphenated alias written as one word', () => {
    expect(found('a lockon, two lock-ons, a lock on')).toEqual([
      'self-defence:lockon',
      'self-defence:lock-ons',
      'self-defence:lock on',
    ]);
  });

  it('matches plurals of the last word', () => {
    expect(found('reciprocal access agreements and RAAs')).toEqual([
      'raa:reciprocal access agreements',
      'jp-ph-raa:RAAs (conditional)',
    ]);
    expect(aliasForms('policy')).toContain('policies');
    expect(aliasForms('crisis')).toContain('crises');
    expect(aliasForms('Senkaku Islands')).toEqual(['Senkaku Islands']);
    expect(aliasForms('尖閣諸島')).toEqual(['尖閣諸島']);
    expect(aliasForms('US')).toEqual(['US']);
  });

  it('matches possessives with straight and curly apostrophes', () => {
    expect(found("Japan's, Japan’s, the Philippines’ and Philippines' coast")).toEqual([
      'japan:Japan',
      'japan:Japan',
      'philippines:Philippines',
      'philippines:Philippines',
    ]);
  });

  it('matches British and American spellings both ways', () => {
    expect(found('collective self-defense; normalization; militarize, militarizes')).toEqual([
      'self-defence:collective self-defense',
      'normalisation:normalization',
      'normalisation:militarize',
      'normalisation:militarizes',
    ]);
    expect(found('self-defence forces, SELF-DEFENCE FORCES')).toEqual([
      'sdf:self-defence forces',
      'sdf:SELF-DEFENCE FORCES',
    ]);
    expect(aliasForms('neighbourhood')).toContain('neighborhood');
    expect(aliasForms('analyse')).toContain('analyze');
    expect(aliasForms('centre')).toContain('center');
    expect(aliasForms('programme')).toContain('program');
    expect(aliasForms('rise')).toEqual(['rise', 'rises']);
  });

  it('steps over a soft hyphen or zero-width space inside a word', () => {
    expect(found('Oki\u00adnawa and Oki\u200bnawa')).toEqual([
      'okinawa:Oki\u00adnawa',
      'okinawa:Oki\u200bnawa',
    ]);
  });
});

describe('word boundaries', () => {
  it('does not match inside longer words', () => {
    expect(found('Okinawan Abenomics Japanese RAAF Diets')).toEqual(['diet:Diets']);
  });

  it('matches next to punctuation', () => {
    expect(found('(Okinawa), "Abe"; Japan.')).toEqual([
      'okinawa:Okinawa',
      'abe:Abe',
      'japan:Japan',
    ]);
  });

  it('needs no boundaries inside CJK text', () => {
    expect(found('尖閣諸島周辺で')).toEqual(['senkaku:尖閣諸島']);
    expect(found('中国称钓鱼岛是中国领土')).toEqual(['senkaku:钓鱼岛']);
    expect(found('독도는 한국 땅')).toEqual(['senkaku:독도']);
  });

  it('matches a Latin alias right next to CJK text', () => {
    expect(found('日比RAA締結')).toEqual(['jp-ph-raa:RAA (conditional)']);
    expect(found('ＲＡＡ締結')).toEqual(['jp-ph-raa:ＲＡＡ (conditional)']);
  });
});

describe('leftmost-longest', () => {
  it('takes the longest alias at a position', () => {
    expect(found('the Japan–Philippines Reciprocal Access Agreement')).toEqual([
      'jp-ph-raa:Japan–Philippines Reciprocal Access Agreement',
    ]);
  });

  it('lets an earlier match win over a later overlapping one', () => {
    const m = compile([
      { id: 'a', aliases: ['East China'] },
      { id: 'b', aliases: ['China Sea'] },
    ]);
    expect(found('East China Sea', m)).toEqual(['a:East China']);
  });

  it('gives an alias text shared by two terms to the first term', () => {
    const m = compile([
      { id: 'first', aliases: ['Quad'] },
      { id: 'second', aliases: ['quad', 'Quad'] },
    ]);
    expect(found('the Quad', m)).toEqual(['first:Quad']);
  });

  it('prefers an alias written out in the pack over a generated variant', () => {
    const m = compile([
      { id: 'uk', aliases: ['defence'] },
      { id: 'us', aliases: ['defense'] },
    ]);
    expect(found('defense defence', m)).toEqual(['us:defense', 'uk:defence']);
  });
});

describe('case-sensitive aliases', () => {
  it('match only with the exact case', () => {
    expect(found('the Diet voted; a diet soda; the DIET')).toEqual(['diet:Diet']);
    expect(found('RAA, raa, Raa')).toEqual(['jp-ph-raa:RAA (conditional)']);
  });

  it('fall back to a shorter alias when the longer one has the wrong case', () => {
    const m = compile([
      { id: 'long', aliases: [{ text: 'Diet Members', caseSensitive: true }] },
      { id: 'short', aliases: ['diet'] },
    ]);
    expect(found('diet members', m)).toEqual(['short:diet']);
    expect(found('Diet Members', m)).toEqual(['long:Diet Members']);
  });
});

describe('context', () => {
  it('reports conditional aliases and cues, cues even inside a mark', () => {
    const m = compile([
      { id: 'raa', aliases: [{ text: 'RAA', needsContext: ['access agreement'] }] },
      { id: 'jp-raa', aliases: ['reciprocal access agreement'] },
    ]);
    const text = 'The RAA is a reciprocal access agreement.';
    expect(found(text, m)).toEqual([
      'raa:RAA (conditional)',
      'jp-raa:reciprocal access agreement',
      'raa:access agreement (cue)',
    ]);
  });

  it('keeps conditional matches only for cued terms', () => {
    const page = ['SDF and RAA troops', 'under a visiting forces deal'];
    const matches = page.map((text) => matcher.find(text));
    const cued = new Set(
      matches
        .flat()
        .filter(cues)
        .map((m) => m.termId),
    );
    expect([...cued]).toEqual(['jp-ph-raa']);
    const kept = matches[0]!.filter((m) => counts(m, cued));
    expect(kept.map((m) => page[0]!.slice(m.start, m.end))).toEqual(['RAA']);
    expect(matches[1]!.filter((m) => counts(m, cued))).toEqual([]);
  });

  it('counts an unconditional alias of the same term as context', () => {
    const matches = matcher.find('The SDF, or Self-Defense Forces');
    const cued = new Set(matches.filter(cues).map((m) => m.termId));
    expect(matches.filter((m) => counts(m, cued)).map((m) => m.termId)).toEqual(['sdf', 'sdf']);
  });
});

describe('notIn', () => {
  it("blocks an alias inside its never-match neighbour (Xi'an, Diet Coke)", () => {
    expect(found("Xi’an and Xi'an, but Xi's visit")).toEqual(['xi:Xi']);
    expect(found('a Diet Coke in the Diet')).toEqual(['diet:Diet']);
  });

  it('also blocks when the neighbour starts before the alias', () => {
    expect(found('Prime Minister Abe met Abe')).toEqual(['abe:Abe']);
    expect(matcher.find('Prime Minister Abe met Abe')[0]!.start).toBe(23);
  });

  it('blocks only its own alias', () => {
    const m = compile([
      { id: 'pm', aliases: ['Prime Minister'] },
      { id: 'abe', aliases: [{ text: 'Abe', notIn: ['Minister Abe'] }] },
    ]);
    expect(found('Prime Minister Abe', m)).toEqual(['pm:Prime Minister']);
  });
});

describe('offsets', () => {
  it('point at the original characters, around wide and ignorable characters', () => {
    const text = '😀 Oki\u00adnawa’s ＲＡＡ 尖閣諸島';
    const matches = matcher.find(text);
    expect(matches.map(({ start, end }) => [start, end])).toEqual([
      [3, 11],
      [14, 17],
      [18, 22],
    ]);
  });

  it('are cheap and empty for empty and tiny texts', () => {
    expect(matcher.find('')).toEqual([]);
    expect(matcher.find('a')).toEqual([]);
    expect(compile([]).find('anything')).toEqual([]);
  });

  it('counts aliases', () => {
    expect(compile([{ id: 'a', aliases: ['one', 'two', '\u00ad'] }]).aliasCount).toBe(2);
  });
});

describe('compileSliced', () => {
  it('finds exactly what compile finds, pausing between slices of terms', async () => {
    const terms = Array.from({ length: 400 }, (_, i) => ({
      id: `t${i}`,
      aliases: [`alpha term ${i}`, { text: `B${i}X`, caseSensitive: true }, `défence ${i}`],
    }));
    let pauses = 0;
    const sliced = await compileSliced(terms, async () => void pauses++, 0);
    const text = 'Alpha-term 12 and b7x, B7X and defense 399; alpha term 4000.';
    expect(sliced.find(text)).toEqual(compile(terms).find(text));
    expect(sliced.find(text).map((m) => m.termId)).toEqual(['t12', 't7', 't399']);
    expect(pauses).toBeGreaterThan(0);
  });
});

describe('findEvery, over text with soft edges (the gate’s, utils/page-scripts.ts)', () => {
  const E = PAGE_TEXT_SOFT_EDGE;
  /** Each match of findEvery as "termId:matched text", soft edges shown as |. */
  const every = (text: string) =>
    matcher
      .findEvery(text)
      .map((x) => `${x.termId}:${text.slice(x.start, x.end).replaceAll(E, '|')}`);

  it('is the character the matcher folds as a soft edge', () => {
    expect(PAGE_TEXT_SOFT_EDGE).toBe(String.fromCharCode(SOFT_EDGE));
  });

  it('finds a word across a soft edge, and a word that ends or starts at one', () => {
    // "Sen<b>kaku Islands</b>", and "<p>Japan</p><p>Okinawa</p>" with no space between.
    expect(every(`the Sen${E}kaku Islands`)).toEqual(['senkaku:Sen|kaku Islands']);
    expect(every(`Japan${E}Okinawa`)).toEqual(['japan:Japan', 'okinawa:Okinawa']);
    // find() reads a soft edge the same way; without one these are no words at all.
    expect(found(`Japan${E}Okinawa`)).toEqual(['japan:Japan', 'okinawa:Okinawa']);
    expect(found('JapanOkinawa')).toEqual([]);
  });

  it('finds the shorter aliases under a longer one, since the longer may not be one block', () => {
    // The scanner reads "<p>Japan-</p><p>Philippines reciprocal access agreement</p>" as two blocks.
    const text = `Japan-${E}Philippines reciprocal access agreement`;
    expect(found(text)).toEqual([
      'jp-ph-raa:Japan-|Philippines reciprocal access agreement'.replace('|', E),
    ]);
    expect(every(text)).toEqual([
      'japan:Japan',
      'jp-ph-raa:Japan-|Philippines reciprocal access agreement',
      'philippines:Philippines',
      'raa:reciprocal access agreement',
    ]);
  });

  it('blocks with a notIn phrase in one text node, not with one that touches a soft edge', () => {
    expect(every('Diet Coke')).toEqual([]);
    // "<li>Diet</li><li>Coke</li>": the scanner would mark the Diet.
    expect(every(`Diet${E} Coke`)).toEqual(['diet:Diet']);
    expect(every(`Diet ${E}Coke`)).toEqual(['diet:Diet']);
  });

  it('finds what find finds in text without soft edges, and more', () => {
    const text =
      'Prime Minister Abe visited Okinawa; the Japan-Philippines RAA and collective self-defence.';
    const all = every(text);
    for (const match of found(text).filter((m) => !m.endsWith('(cue)'))) {
      expect(all).toContain(match.replace(/ \(\w+\)$/, ''));
    }
  });
});
