/**
 * The narrowed search must find what plain fuse.js finds: the right term first for typos, partial
 * names, other names and other scripts, on the bundled pack and on a 10,000-term pack that hides
 * the bundled terms among look-alikes. Speed is measured in tests/bench, not here.
 */
import { describe, expect, it } from 'vitest';
import bundled from '@/glossary/packs/japan-autonomy.json';
import { validatePack, type Term } from '@/glossary/schema';
import { createFastSearch, createSearchFor, SMALL_PACK } from '@/glossary/search-narrow';
import { searchKey } from '@/glossary/normalize';

const result = validatePack(bundled);
if (!result.ok) throw new Error(result.errors.join('\n'));
const terms = result.pack.terms;

/** A deterministic pseudo-random generator (mulberry32), so the big pack is the same every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Near misses for the queries below, so the index must rank rather than merely filter.
const LOOKALIKES = [
  'reciprocity',
  'accession',
  'access road',
  'reciprocal tariff',
  'Diao',
  'Senkai',
  'Takahashi',
  'autonomous region',
  'strategic reserve',
  'island chain',
  'Okinawan music',
  'defence white paper',
];
const SYLLABLES = ['ka', 'no', 'ru', 'me', 'si', 'ta', 'ho', 'ri', 'an', 'to', 'vel', 'mar', 'dun'];
const HAN = '尖閣諸島安倍高市台湾北京東京国会協定戦略自律海洋防衛経済同盟';

function syntheticPack(size: number): Term[] {
  const next = random(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const word = () =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join('');
  const synthetic: Term[] = [];
  for (let i = 0; synthetic.length + terms.length < size; i++) {
    const title = `${pick(LOOKALIKES)} ${word()} ${i}`;
    const han = Array.from({ length: 3 }, () => pick([...HAN])).join('') + i;
    synthetic.push({
      id: `synthetic-${i}`,
      title,
      category: pick(['people', 'places', 'doctrine', 'economy & trade']),
      aliases: [title, `${word()} ${word()}`, han],
      summary: `A made-up term about ${pick(LOOKALIKES)} and ${word()} for the search tests.`,
    });
  }
  // The real terms sit in the middle, not conveniently first.
  const half = Math.floor(synthetic.length / 2);
  return [...synthetic.slice(0, half), ...terms, ...synthetic.slice(half)];
}

const big = syntheticPack(10_000);

const CASES: [query: string, id: string][] = [
  ['reciprocl acces', 'reciprocal-access-agreement'],
  ['reciprocal access agreement', 'reciprocal-access-agreement'],
  ['diaoyu', 'senkaku-islands'],
  ['senkak', 'senkaku-islands'],
  ['尖閣', 'senkaku-islands'],
  ['釣魚島', 'senkaku-islands'],
  ['takaichi', 'sanae-takaichi'],
  ['高市', 'sanae-takaichi'],
  ['ryukyu', 'ryukyu-islands'],
  ['Ryūkyū Islands', 'ryukyu-islands'],
  ['strategic autonmy', 'strategic-autonomy'],
  ['self defense forces', 'self-defense-forces'],
  ['japan philippines raa', 'japan-philippines-raa'],
  ['RAA', 'reciprocal-access-agreement'],
  ['집단적 자위권', 'collective-self-defence'],
  ['article 9', 'constitution-of-japan'],
  ['okinawa', 'okinawa'],
];

describe('searchKey', () => {
  it('folds case, accents, dashes and spacing', () => {
    expect(searchKey('  Ryūkyū  (Nansei)—Islands ')).toBe('ryukyu (nansei) islands');
    expect(searchKey('Japan–UK  RAA')).toBe('japan uk raa');
    expect(searchKey('soft\u00adhyphen')).toBe('softhyphen');
  });
});

describe.each([
  ['the bundled pack', terms],
  ['a 10,000-term pack', big],
])('createFastSearch on %s', (_name, pack) => {
  const search = createFastSearch(pack);

  it.each(CASES)('puts the right term first for %j', (query, id) => {
    expect(search.search(query, 5)[0]?.term.id).toBe(id);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('island', 3)).toHaveLength(3);
  });

  it('returns each term at most once', () => {
    const ids = search.search('japan', 50).map((hit) => hit.term.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('createSearchFor', () => {
  it('narrows only big packs', () => {
    expect(big.length).toBeGreaterThanOrEqual(SMALL_PACK);
    expect(createSearchFor(terms).search('diaoyu')[0]?.term.id).toBe('senkaku-islands');
    expect(createSearchFor(big).search('diaoyu')[0]?.term.id).toBe('senkaku-islands');
  });
});
