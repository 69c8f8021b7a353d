/**
 * A pack's topic words (issue #13): found in the text like context words, never marked, and each
 * distinct word counted once whichever pack lists it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../glossary/catalog';
import { compile, compileTables, matcherFrom } from '../../glossary/matcher';
import { matcherData, tablesFromData } from '../../glossary/matcher-data';
import { validatePack, type Pack } from '../../glossary/schema';
import { isTopicWord, topicWordTerms, withTopicWords } from '../../glossary/topic-words';

const bundled = validatePack(
  JSON.parse(
    readFileSync(new URL('../../glossary/packs/japan-autonomy.json', import.meta.url), 'utf8'),
  ),
);
if (!bundled.ok) throw new Error(bundled.errors.join('\n'));
const pack: Pack = bundled.pack;

describe('topic words', () => {
  it('are cues, never marks, and one per distinct word', () => {
    const terms = topicWordTerms(['North Korea', 'north korea', 'Kim Jong-un', 'Kim Jong Un']);
    expect(terms).toHaveLength(2);
    const matcher = compile([{ id: 'seoul', aliases: ['Seoul'] }, ...terms]);
    const text = 'Seoul said North Korea fired a missile; Kim Jong Un watched.';
    const found = matcher.find(text);
    expect(found.filter((m) => m.kind !== 'cue').map((m) => m.termId)).toEqual(['seoul']);
    expect(found.filter((m) => m.kind === 'cue').every((m) => isTopicWord(m.termId))).toBe(true);
    expect(new Set(found.filter((m) => m.kind === 'cue').map((m) => m.termId)).size).toBe(2);
    expect(isTopicWord('seoul')).toBe(false);
  });

  it('come from every enabled pack, and the bundled pack has them in its four languages', () => {
    const other: Pack = { ...pack, id: 'other', topicWords: ['Korean Peninsula', 'DMZ'] };
    const catalog = new Catalog([pack, other]);
    expect(catalog.topicWords).toContain('DMZ');
    expect(catalog.topicWords).toContain('North Korea');
    for (const word of ['South China Sea', '首相', '台海局势', '북한']) {
      expect(pack.topicWords).toContain(word);
    }
  });

  it('travel with the matcher compiled at build time, and survive leaving terms out', () => {
    const terms = withTopicWords(pack.terms, pack.topicWords ?? []);
    const data = JSON.parse(JSON.stringify(matcherData(compileTables(terms))));
    const matcher = matcherFrom(tablesFromData(data)).without(new Set(['seoul']));
    const text = 'Seoul warned Pyongyang.';
    expect(matcher.find(text).map((m) => [m.kind, m.termId])).toEqual([['cue', 'topic:pyongyang']]);
  });

  // CJK topic words are found inside longer runs of text (they are context words, which have no
  // word-boundary check): the pack's must not straddle two everyday words.
  it.each([
    '其中共有3人受伤', // 其中 + 共有, not 中共
    '平台海外业务增长', // 平台 + 海外, not 台海
    '中美洲国家', // Central America, not China-US
    '完美日子', // 完美 + 日子, not 美日
    '昨日韓国で食べた', // 昨日 + 韓国, not 日韓
    '欧米中心の考え方', // 欧米 + 中心, not 米中
    '桂米朝の落語', // a rakugo performer, not the US and North Korea
  ])('the bundled pack finds no topic word in %j', (text) => {
    const matcher = compile(topicWordTerms(pack.topicWords ?? []));
    expect(matcher.find(text).map((m) => text.slice(m.start, m.end))).toEqual([]);
  });

  it('are refused when not a list of words', () => {
    const result = validatePack({ ...pack, topicWords: ['ok', ''] });
    expect(result).toEqual({ ok: false, errors: ['topicWords[1]: empty string'] });
  });
});
