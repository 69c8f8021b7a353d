/**
 * The pack library's rules: an import is checked completely before anything is stored, a new pack
 * goes first, an existing id is replaced only when confirmed, the bundled pack can be switched off
 * but never removed or replaced, and a failed write leaves nothing half-imported.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LIMITS } from '@/glossary/schema';
import {
  decideImport,
  exportPack,
  installPack,
  loadSummaries,
  movePack,
  moved,
  prepareImport,
  removePack,
  setPackEnabled,
  withEnabled,
  withInstalled,
  withoutPack,
} from '@/utils/pack-library';
import {
  loadEnabledPacks,
  loadPack,
  loadPackList,
  packListItem,
  type PackEntry,
} from '@/utils/packs';
import { BUNDLED_PACK_ID } from '@/utils/bundled-pack-script';

type Json = Record<string, unknown>;

const examplePackJson = readFileSync(
  new URL('../../glossary/packs/examples/example-pack.json', import.meta.url),
  'utf8',
);

function term(fields: Json = {}): Json {
  return {
    id: 'northern-limit-line',
    title: 'Northern Limit Line',
    category: 'places',
    aliases: ['Northern Limit Line'],
    summary: 'A maritime line in the Yellow Sea.',
    ...fields,
  };
}

function pack(fields: Json = {}, terms: unknown[] = [term()]): Json {
  return {
    id: 'my-pack',
    title: 'My pack',
    version: '1.0.0',
    language: 'en',
    asOf: '2026-11-01',
    terms,
    ...fields,
  };
}

const json = (value: unknown) => JSON.stringify(value);

/** What the options page does with a file's text: check, then store only what passed. */
async function importText(text: string, confirmReplace = false) {
  const decision = await prepareImport(text);
  if (decision.kind === 'new' || (decision.kind === 'replace' && confirmReplace)) {
    await installPack(decision.pack);
  }
  return decision;
}

async function everythingStored() {
  return fakeBrowser.storage.local.get(null);
}

const ids = (list: readonly PackEntry[]) => list.map((entry) => entry.id);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('importing', () => {
  it('stores a valid pack, enabled and first in the list', async () => {
    const decision = await importText(examplePackJson);
    expect(decision.kind).toBe('new');
    expect(ids(await loadPackList())).toEqual(['example-korea-terms', BUNDLED_PACK_ID]);
    expect((await loadPackList())[0]!.enabled).toBe(true);
    expect((await loadPack('example-korea-terms'))?.terms).toHaveLength(7);
    expect((await loadEnabledPacks()).map((p) => p.id)).toEqual([
      'example-korea-terms',
      BUNDLED_PACK_ID,
    ]);
  });

  it('asks before replacing a pack with the same id, and changes nothing until confirmed', async () => {
    await importText(json(pack()));
    const before = await everythingStored();
    const decision = await importText(json(pack({ title: 'My pack, revised', version: '1.1.0' })));
    expect(decision.kind).toBe('replace');
    expect(await everythingStored()).toEqual(before);
  });

  it('a confirmed replacement keeps the place in the list and switches the pack back on', async () => {
    await importText(json(pack()));
    await importText(json(pack({ id: 'other-pack' })));
    await setPackEnabled('my-pack', false);
    expect(ids(await loadPackList())).toEqual(['other-pack', 'my-pack', BUNDLED_PACK_ID]);

    await importText(json(pack({ title: 'Revised', version: '2.0.0' })), true);
    const list = await loadPackList();
    expect(ids(list)).toEqual(['other-pack', 'my-pack', BUNDLED_PACK_ID]);
    expect(list[1]!.enabled).toBe(true);
    expect((await loadPack('my-pack'))?.version).toBe('2.0.0');
  });

  it('a replacement changes the list item, so open tabs reload the pack', async () => {
    await importText(json(pack()));
    const watcher = vi.fn();
    const unwatch = packListItem().watch(watcher);
    await importText(json(pack({ version: '1.0.1' })), true);
    unwatch();
    expect(watcher).toHaveBeenCalledTimes(1);
  });

  it('never replaces the bundled pack', async () => {
    const bundledJson = json(pack({ id: BUNDLED_PACK_ID }));
    const decision = await importText(bundledJson, true);
    expect(decision).toEqual({
      kind: 'rejected',
      errors: [
        `id: "${BUNDLED_PACK_ID}" is the id of the pack that comes with Gloss; give your pack another id`,
      ],
    });
    expect(await everythingStored()).toEqual({});
    await expect(installPack(JSON.parse(bundledJson))).rejects.toThrow('comes with Gloss');
  });

  it('leaves nothing behind when the list cannot be written', async () => {
    vi.spyOn(packListItem(), 'setValue').mockRejectedValueOnce(new Error('QUOTA_BYTES exceeded'));
    await expect(importText(json(pack()))).rejects.toThrow('QUOTA_BYTES');
    expect(await everythingStored()).toEqual({});
  });

  it('puts the old pack back when a replacement cannot be listed', async () => {
    await importText(json(pack()));
    const before = await everythingStored();
    vi.spyOn(packListItem(), 'setValue').mockRejectedValueOnce(new Error('disk full'));
    await expect(importText(json(pack({ version: '9.9.9' })), true)).rejects.toThrow('disk full');
    expect(await everythingStored()).toEqual(before);
  });

  it('imports a 10,000-term pack in a few seconds', async () => {
    const terms = Array.from({ length: 10_000 }, (_, i) =>
      term({
        id: `term-${i}`,
        title: `Term ${i}`,
        aliases: [`term number ${i}`, { text: `T${i}X`, caseSensitive: true, needsContext: true }],
        summary: `The summary of term ${i}, which is short and plain.`,
        related: i > 0 ? [`term-${i - 1}`] : undefined,
      }),
    );
    const text = json(pack({ id: 'big-pack' }, terms));
    const started = performance.now();
    expect((await importText(text)).kind).toBe('new');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await loadSummaries())[0]).toMatchObject({ id: 'big-pack', termCount: 10_000 });
  });
});

describe('bad packs are refused with their reasons, and nothing is stored', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
  // [what is wrong, file text, messages the reader sees]
  const badPacks: [string, string, string[]][] = [
    ['an empty file', '', ['not valid JSON: Unexpected end of JSON input']],
    [
      'truncated JSON',
      json(pack()).slice(0, 40),
      [expect.stringMatching(/^not valid JSON: /) as unknown as string],
    ],
    [
      'a list instead of a pack',
      json([pack()]),
      ['a pack must be a JSON object, not a list (only one pack per file)'],
    ],
    ['a bare string', json('my-pack'), ['must be an object']],
    ['a missing id', json({ ...pack(), id: undefined }), ['id: missing required field']],
    [
      'an id that is not a slug',
      json(pack({ id: 'My Pack!' })),
      ['id: must be a lowercase slug such as "senkaku-islands"'],
    ],
    ['a bad version', json(pack({ version: 'v2' })), ['version: must look like 1.0.0']],
    ['a bad date', json(pack({ asOf: '01/11/2026' })), ['asOf: must be a date such as 2026-11-01']],
    ['no terms', json(pack({}, [])), ['terms: needs at least one term']],
    [
      'a term without a summary',
      json(pack({}, [{ ...term(), summary: undefined }])),
      ['terms[0].summary: missing required field'],
    ],
    [
      'a duplicate term id',
      json(pack({}, [term(), term()])),
      ['terms[1].id: duplicate id "northern-limit-line"'],
    ],
    [
      'an empty alias',
      json(pack({}, [term({ aliases: ['NLL', ' '] })])),
      ['terms[0].aliases[1]: empty string'],
    ],
    [
      'a misspelt alias rule',
      json(pack({}, [term({ aliases: [{ text: 'NLL', caseSensitve: true }] })])),
      ['terms[0].aliases[0].caseSensitve: unknown field'],
    ],
    [
      'needsContext that is neither true nor a list',
      json(pack({}, [term({ aliases: [{ text: 'NLL', needsContext: 'Korea' }] })])),
      ['terms[0].aliases[0].needsContext: must be true or a list of context words'],
    ],
    [
      'a related term that does not exist',
      json(pack({}, [term({ related: ['korean-dmz'] })])),
      ['terms[0].related[0]: unknown term "korean-dmz"'],
    ],
    [
      'a summary over the word limit',
      json(pack({}, [term({ summary: words(61) })])),
      ['terms[0].summary: more than 60 words (61)'],
    ],
    [
      'a bidi override in a title',
      json(pack({}, [term({ title: 'Northern \u202eLimit Line' })])),
      ['terms[0].title: contains control or bidi-override characters'],
    ],
    [
      'a broken character',
      '{"id":"my-pack","title":"My \\ud800 pack","version":"1.0.0","language":"en","asOf":"2026-11-01","terms":[]}',
      ['title: contains a broken character (lone surrogate)', 'terms: needs at least one term'],
    ],
    ['an unknown top-level field', json(pack({ author: 'me' })), ['author: unknown field']],
    [
      'too many aliases',
      json(pack({}, [term({ aliases: Array.from({ length: 65 }, (_, i) => `alias ${i}`) })])),
      ['terms[0].aliases: more than 64 aliases'],
    ],
    [
      'an unknown field carrying markup',
      json(pack({ script: '<img src=x onerror=alert(1)>' })),
      ['script: unknown field'],
    ],
    [
      'a file over the size limit',
      ' '.repeat(LIMITS.packBytes + 1),
      [`file is larger than ${LIMITS.packBytes / 1024 / 1024} MB`],
    ],
  ];

  it('has a catalogue of at least 15 kinds of problem', () => {
    expect(badPacks.length).toBeGreaterThanOrEqual(15);
  });

  for (const [what, text, messages] of badPacks) {
    it(what, async () => {
      await importText(examplePackJson);
      const before = await everythingStored();
      const decision = await importText(text, true);
      expect(decision).toEqual({ kind: 'rejected', errors: messages });
      expect(await everythingStored()).toEqual(before);
    });
  }
});

describe('the list', () => {
  const list: PackEntry[] = [
    { id: 'a', enabled: true },
    { id: 'b', enabled: false },
    { id: BUNDLED_PACK_ID, enabled: true },
  ];

  it('moves a pack up or down one place, and not past either end', () => {
    expect(ids(moved(list, 'b', -1))).toEqual(['b', 'a', BUNDLED_PACK_ID]);
    expect(ids(moved(list, 'b', 1))).toEqual(['a', BUNDLED_PACK_ID, 'b']);
    expect(ids(moved(list, 'a', -1))).toEqual(ids(list));
    expect(ids(moved(list, BUNDLED_PACK_ID, 1))).toEqual(ids(list));
    expect(ids(moved(list, 'missing', 1))).toEqual(ids(list));
  });

  it('installs new packs first and keeps the place of a replaced one', () => {
    expect(withInstalled(list, 'c', 1)[0]).toEqual({ id: 'c', enabled: true, revision: 1 });
    expect(withInstalled(list, 'b', 2)).toEqual([
      list[0],
      { id: 'b', enabled: true, revision: 2 },
      list[2],
    ]);
    const once = withInstalled(list, 'b', 5);
    expect(withInstalled(once, 'b', 5)[1]).toEqual({ id: 'b', enabled: true, revision: 6 });
  });

  it('switches packs, the bundled one included, but never removes the bundled one', () => {
    expect(withEnabled(list, BUNDLED_PACK_ID, false)[2]).toEqual({
      id: BUNDLED_PACK_ID,
      enabled: false,
    });
    expect(ids(withoutPack(list, 'a'))).toEqual(['b', BUNDLED_PACK_ID]);
    expect(withoutPack(list, BUNDLED_PACK_ID)).toEqual(list);
  });

  it('the first pack in the list wins a term both define', async () => {
    await importText(json(pack({ id: 'first' }, [term({ title: 'From first' })])));
    await importText(json(pack({ id: 'second' }, [term({ title: 'From second' })])));
    const winner = async () => {
      const { Catalog } = await import('@/glossary/catalog');
      return new Catalog(await loadEnabledPacks()).get('northern-limit-line')?.term.title;
    };
    expect(await winner()).toBe('From second');
    await movePack('second', 1);
    expect(await winner()).toBe('From first');
  });

  it('removes an imported pack and its data; the bundled pack stays', async () => {
    await importText(examplePackJson);
    await removePack('example-korea-terms');
    expect(ids(await loadPackList())).toEqual([BUNDLED_PACK_ID]);
    expect(await everythingStored()).toEqual({
      packList: [{ id: BUNDLED_PACK_ID, enabled: true }],
    });

    const before = await everythingStored();
    await expect(removePack(BUNDLED_PACK_ID)).rejects.toThrow('switched off, not removed');
    expect(await everythingStored()).toEqual(before);
  });

  it('switches the bundled pack off and on', async () => {
    await setPackEnabled(BUNDLED_PACK_ID, false);
    expect(await loadEnabledPacks()).toEqual([]);
    await setPackEnabled(BUNDLED_PACK_ID, true);
    expect((await loadEnabledPacks()).map((p) => p.id)).toEqual([BUNDLED_PACK_ID]);
  });

  it('summarises every pack and flags one whose stored data was damaged', async () => {
    await importText(examplePackJson);
    await fakeBrowser.storage.local.set({ 'pack:example-korea-terms': { id: 'nonsense' } });
    const summaries = await loadSummaries();
    expect(summaries[0]).toMatchObject({ id: 'example-korea-terms', broken: true, termCount: 0 });
    expect(summaries[1]).toMatchObject({ id: BUNDLED_PACK_ID, bundled: true, broken: false });
    expect(await loadEnabledPacks()).toHaveLength(1);
  });

  it('exports a pack as JSON that imports again as the same pack', async () => {
    await importText(examplePackJson);
    const exported = await exportPack('example-korea-terms');
    expect(JSON.parse(exported!)).toEqual(JSON.parse(examplePackJson));
    expect(decideImport(exported!, await loadPackList()).kind).toBe('replace');
    expect(await exportPack('not-installed')).toBeNull();
  });
});
