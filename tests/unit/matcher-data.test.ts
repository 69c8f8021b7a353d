/**
 * The matcher compiled ahead of time (glossary/matcher-data.ts) must find exactly what a matcher
 * compiled on the page finds, survive the trip through JSON, leave out hidden terms exactly as if
 * they had not been compiled, and refuse damaged data instead of walking it.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, compileTables, matcherFrom } from '../../glossary/matcher';
import { matcherData, tablesFromData, type MatcherData } from '../../glossary/matcher-data';
import type { Pack } from '../../glossary/schema';

const pack = JSON.parse(
  readFileSync(new URL('../../glossary/packs/japan-autonomy.json', import.meta.url), 'utf8'),
) as Pack;
const essay = readFileSync(
  new URL('../../glossary/sources/japan-strategic-autonomy-2026.txt', import.meta.url),
  'utf8',
);
const paragraphs = essay.split(/\n+/).filter((p) => p.trim());
/** Every alias written out in a sentence, in every script the pack uses. */
const aliasText = pack.terms
  .flatMap((t) => t.aliases.map((a) => (typeof a === 'string' ? a : a.text)))
  .map((alias) => `Reports on ${alias}'s role, and ${alias.toUpperCase()} again.`)
  .join('\n');
const texts = [...paragraphs, aliasText];

const roundTrip = (data: MatcherData): MatcherData => JSON.parse(JSON.stringify(data));

describe('a matcher from build-time data', () => {
  const data = roundTrip(matcherData(compileTables(pack.terms)));
  const stored = matcherFrom(tablesFromData(data));
  const compiled = compile(pack.terms);

  it('finds what a matcher compiled on the page finds, on the essay and every alias', () => {
    let found = 0;
    for (const text of texts) {
      const expected = compiled.find(text);
      expect(stored.find(text)).toEqual(expected);
      found += expected.length;
    }
    // The texts do hold mentions: an empty matcher would pass the loop above.
    expect(found).toBeGreaterThan(500);
    expect(stored.aliasCount).toBe(compiled.aliasCount);
  });

  it('leaves out hidden terms exactly as if they had never been compiled', () => {
    const ids = pack.terms.map((t) => t.id);
    fc.assert(
      fc.property(fc.subarray(ids), fc.constantFrom(...texts), (hidden, text) => {
        const left = new Set(hidden);
        const expected = compile(pack.terms.filter((t) => !left.has(t.id))).find(text);
        expect(stored.without(left).find(text)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the bundled pack’s trie in 16 bits, and reads 32-bit tables alike', () => {
    const bytes = (text: string) => Buffer.from(text, 'base64');
    const n = data.nodeCount;
    const entries = tablesFromData(data).first[n]!;
    const counts = {
      edgeStart: n + 1,
      edgeNext: n - 1,
      first: n + 1,
      alias: entries,
      term: entries,
    };
    for (const field of ['edgeStart', 'edgeNext', 'first'] as const) {
      expect(bytes(data[field]).length).toBe(counts[field] * 2);
    }
    // The same tables all in 32 bits, as a pack too big for 16 would have them.
    const wide = structuredClone(data);
    for (const [field, count] of Object.entries(counts) as [keyof typeof counts, number][]) {
      const stored = bytes(data[field]);
      if (stored.length === count * 4) continue;
      const values = new Uint16Array(Uint8Array.from(stored).buffer);
      wide[field] = Buffer.from(Int32Array.from(values).buffer).toString('base64');
    }
    const fromWide = matcherFrom(tablesFromData(wide));
    for (const text of texts) expect(fromWide.find(text)).toEqual(compiled.find(text));
  });

  it('takes back hidden terms when nothing is left out', () => {
    const all = pack.terms.map((t) => t.id);
    expect(stored.without(new Set(all)).without(new Set()).find(essay)).toEqual(
      compiled.find(essay),
    );
  });
});

describe('damaged data', () => {
  const good = () => roundTrip(matcherData(compileTables(pack.terms)));
  const cases: [string, (d: MatcherData) => void, RegExp][] = [
    ['another format', (d) => (d.format = 999), /another format/],
    ['a truncated array', (d) => (d.edgeNext = d.edgeNext.slice(0, -8)), /wrong length/],
    ['an array from another pack', (d) => (d.first = good().edgeStart.slice(4)), /wrong length/],
    [
      'an entry pointing past the term list',
      (d) => (d.termIds = d.termIds.slice(0, 1)),
      /out of range/,
    ],
    ['a node count that does not fit', (d) => (d.nodeCount = 0), /bad sizes/],
    ['a case-sensitive form past the entries', (d) => (d.exact = { 999999: 'X' }), /case/],
  ];
  it.each(cases)('refuses %s with a reason', (_, damage, reason) => {
    const data = good();
    damage(data);
    expect(() => tablesFromData(data)).toThrow(reason);
  });

  it('refuses what is not matcher data at all', () => {
    expect(() => tablesFromData(null as unknown as MatcherData)).toThrow(/another format/);
    expect(() => tablesFromData({} as MatcherData)).toThrow(/another format/);
  });
});
