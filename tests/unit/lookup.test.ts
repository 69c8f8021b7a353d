import { describe, expect, test } from 'vitest';
import bundled from '../../glossary/packs/japan-autonomy.json';
import { compile } from '../../glossary/matcher';
import { MAX_LOOKUP_CHARS, resolveSelection, type LookupSources } from '../../glossary/lookup';
import { validatePack } from '../../glossary/schema';
import { createSearch } from '../../glossary/search';

const result = validatePack(bundled);
if (!result.ok) throw new Error(result.errors.join('\n'));
const terms = result.pack.terms;
const index = createSearch(terms);
const sources: LookupSources = {
  matcher: compile(terms),
  search: (query, limit) => index.search(query, limit),
};

const resolve = (text: string) => resolveSelection(text, sources);

describe('selection → term', () => {
  test('an alias in the selection wins, in any script and spelling', () => {
    expect(resolve('reciprocal access agreement')).toEqual({
      kind: 'term',
      termId: 'reciprocal-access-agreement',
      how: 'alias',
    });
    expect(resolve('尖閣諸島')).toMatchObject({ termId: 'senkaku-islands', how: 'alias' });
    expect(resolve('collective self-defense')).toMatchObject({ termId: 'collective-self-defence' });
    expect(resolve('  the Diaoyu\nIslands ')).toMatchObject({ termId: 'senkaku-islands' });
  });

  test('an acronym the reader selected counts without its context words', () => {
    expect(resolve('RAA')).toMatchObject({ termId: 'reciprocal-access-agreement' });
  });

  test('the alias covering most of a longer selection wins', () => {
    expect(
      resolve('The Japan-Philippines reciprocal access agreement, signed in 2024'),
    ).toMatchObject({
      termId: 'japan-philippines-raa',
      how: 'alias',
    });
  });

  test('a typo falls back to the best fuzzy hit', () => {
    expect(resolve('reciprocl acces agrement')).toMatchObject({
      termId: 'reciprocal-access-agreement',
      how: 'fuzzy',
    });
    expect(resolve('senkaku islnds')).toMatchObject({ termId: 'senkaku-islands' });
  });

  test('nothing that fits gives an honest no-match with the selected text', () => {
    expect(resolve('banana bread recipe')).toEqual({ kind: 'none', text: 'banana bread recipe' });
    expect(resolve('   ')).toEqual({ kind: 'none', text: '' });
    // A word that is only part of a longer name is not a lookup of it.
    expect(resolve('Japan')).toEqual({ kind: 'none', text: 'Japan' });
  });

  test('a very long selection is clipped, and a term inside it is still found', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(2_000);
    const long = `${'Some words. '.repeat(10)}the Senkaku Islands ${filler}`;
    expect(long.length).toBeGreaterThan(MAX_LOOKUP_CHARS * 10);
    expect(resolve(long)).toMatchObject({ termId: 'senkaku-islands', how: 'alias' });
    const none = resolve(filler);
    expect(none.kind).toBe('none');
    if (none.kind === 'none') expect(none.text.length).toBeLessThanOrEqual(MAX_LOOKUP_CHARS);
  });
});
