/**
 * Glossary search over the bundled pack: what a reader types (typos, fragments, other names,
 * other scripts, accents or none) must put the right term first, and nonsense must find nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePack, type Term } from '../../glossary/schema';
import { createSearch } from '../../glossary/search';
import { searchKey } from '../../glossary/normalize';

const raw: unknown = JSON.parse(
  readFileSync(new URL('../../glossary/packs/japan-autonomy.json', import.meta.url), 'utf8'),
);
const result = validatePack(raw);
if (!result.ok) throw new Error(result.errors.join('\n'));
const terms: readonly Term[] = result.pack.terms;
const search = createSearch(terms);

const first = (query: string) => search.search(query)[0]?.term.id;

describe('createSearch on the bundled pack', () => {
  // [query, expected first hit]
  const cases: [string, string][] = [
    // typos
    ['reciprocl acces', 'reciprocal-access-agreement'],
    ['kishda', 'fumio-kishida'],
    ['takiachi', 'sanae-takaichi'],
    ['strategic autonmy', 'strategic-autonomy'],
    ['collective self defense', 'collective-self-defence'],
    // partial words
    ['senka', 'senkaku-islands'],
    ['incremental', 'incrementalism'],
    ['powerr', 'powerr-asia'],
    ['bluebook', 'diplomatic-bluebook'],
    ['trilemma', 'china-taiwan-trilemma'],
    // other names
    ['diaoyu', 'senkaku-islands'],
    ['Tiaoyutai', 'senkaku-islands'],
    ['nuclear umbrella', 'extended-deterrence'],
    ['normal country', 'normalization'],
    ['Nansei Islands', 'ryukyu-islands'],
    ['Camp David', 'camp-david-trilateral'],
    ['Article 9', 'constitution-of-japan'],
    // other scripts
    ['尖閣', 'senkaku-islands'],
    ['钓鱼岛', 'senkaku-islands'],
    ['安倍', 'shinzo-abe'],
    ['習近平', 'xi-jinping'],
    ['习近平', 'xi-jinping'],
    ['高市早苗', 'sanae-takaichi'],
    ['台湾', 'taiwan'],
    ['自衛隊', 'self-defense-forces'],
    ['日米同盟', 'us-japan-alliance'],
    ['센카쿠', 'senkaku-islands'],
    // accents or none
    ['ryukyu', 'ryukyu-islands'],
    ['Ryūkyū', 'ryukyu-islands'],
    ['shinzo', 'shinzo-abe'],
    ['Shinzō', 'shinzo-abe'],
    ['ABE SHINZO', 'shinzo-abe'],
    // acronyms and short names take the exact-alias path
    ['RAA', 'reciprocal-access-agreement'],
    ['SDF', 'self-defense-forces'],
    ['LDP', 'liberal-democratic-party'],
    ['Diet', 'national-diet'],
    ['Xi', 'xi-jinping'],
    ['Okinawa', 'okinawa'],
    ['tokyo', 'tokyo'],
    ['Japan–Philippines RAA', 'japan-philippines-raa'],
    ['japan philippines reciprocal access agreement', 'japan-philippines-raa'],
    // words in another order
    ['okinawa exercises', 'exercises-around-okinawa'],
    ['agreement philippines', 'japan-philippines-raa'],
    ['access reciprocal', 'reciprocal-access-agreement'],
    // about the topic rather than the name: found through the summary
    ['Fukushima', 'seafood-import-ban'],
    ['Bundeswehr', 'uranos-ki'],
  ];

  it.each(cases)('%s → %s', (query, id) => {
    expect(first(query)).toBe(id);
  });

  it('finds nothing for an empty or blank query', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
  });

  it('finds nothing for nonsense', () => {
    expect(search.search('zzzzqqq')).toEqual([]);
    expect(search.search('xqzvkw jjjj')).toEqual([]);
  });

  it('treats search-syntax characters as plain text', () => {
    expect(first('!senkaku')).toBe('senkaku-islands');
    expect(first("'diaoyu'")).toBe('senkaku-islands');
    expect(first('^okinawa$')).toBe('okinawa');
    expect(search.search('!|^')).toEqual([]);
  });

  it('respects the limit and returns each term once, best first', () => {
    const hits = search.search('japan', 5);
    expect(hits.length).toBeLessThanOrEqual(5);
    expect(search.search('japan', 0)).toEqual([]);
    const all = search.search('reciprocal access agreement', 50);
    const ids = all.map((h) => h.term.id);
    expect(new Set(ids).size).toBe(ids.length);
    const scores = all.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(ids.slice(0, 4)).toEqual(
      expect.arrayContaining([
        'reciprocal-access-agreement',
        'japan-philippines-raa',
        'japan-australia-raa',
        'japan-uk-raa',
      ]),
    );
  });

  it('returns the pack’s own term objects with scores between 0 and 1', () => {
    for (const hit of search.search('senkaku')) {
      expect(terms).toContain(hit.term);
      expect(hit.score).toBeGreaterThanOrEqual(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
  });

  it('works on an empty term list', () => {
    expect(createSearch([]).search('senkaku')).toEqual([]);
  });
});

describe('searchKey', () => {
  it('folds case, accents, dashes, apostrophes and spacing', () => {
    expect(searchKey('Ryūkyū')).toBe('ryukyu');
    expect(searchKey('  Japan–Philippines  RAA ')).toBe('japan philippines raa');
    expect(searchKey('Xi’an')).toBe("xi'an");
  });

  it('keeps Japanese voicing marks, which change the word', () => {
    expect(searchKey('バ')).not.toBe(searchKey('ハ'));
  });
});
