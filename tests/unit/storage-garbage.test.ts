/**
 * Storage is not trusted: another version of Gloss, a sync conflict, a hand-edited profile or a bug
 * may leave anything under Gloss's keys. Whatever is there, Gloss still boots with valid settings
 * and still marks terms with the bundled pack.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compile } from '@/glossary/matcher';
import { loadEnabledPacks, loadPackList } from '@/utils/packs';
import { BUNDLED_PACK_ID } from '@/utils/bundled-pack-script';
import { DEFAULT_SETTINGS, loadSettings, type Settings } from '@/utils/settings';
import { settingSchemas } from '@/utils/settings-schema';

const RUNS = 200;

beforeEach(() => {
  fakeBrowser.reset();
});

const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    '',
    'undefined',
    '{"enabled":false',
    [],
    { v: 'two' },
    { v: -1 },
    { v: 99 },
    { v: 1 },
    { v: 2 },
    [{ id: BUNDLED_PACK_ID, enabled: 'yes' }],
    [{ id: '../../etc', enabled: true }],
    [{ id: '__proto__', enabled: true }],
    [{ id: BUNDLED_PACK_ID, enabled: false }],
  ),
  fc.dictionary(
    fc.constantFrom(...Object.keys(DEFAULT_SETTINGS), '__proto__', 'constructor', 'x'),
    fc.oneof(fc.jsonValue(), fc.string({ maxLength: 5_000 })),
  ),
  fc.array(
    fc.record(
      { id: fc.oneof(fc.constant(BUNDLED_PACK_ID), fc.string()), enabled: fc.anything() },
      { requiredKeys: [] },
    ),
  ),
);

/** Garbage for every key Gloss reads: settings and its version meta, the pack list, packs. */
const storageArb = fc.record({
  settings: garbage,
  settings$: garbage,
  packList: garbage,
  packList$: garbage,
  [`pack:${BUNDLED_PACK_ID}`]: garbage,
  'pack:imported': garbage,
});

/** fakeBrowser.storage stores by structured clone, like the browser: drop what cannot be stored. */
function storable(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return String(value);
  }
}

function expectValid(settings: Settings): void {
  expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  for (const [key, schema] of Object.entries(settingSchemas)) {
    expect(v.is(schema, settings[key as keyof Settings]), key).toBe(true);
  }
}

describe('garbage in storage', () => {
  it(`settings stay valid and the bundled pack still marks terms (${RUNS} random stores)`, async () => {
    const matcherFinds = async (): Promise<string[]> => {
      const packs = await loadEnabledPacks();
      const text = 'Patrol ships near the Senkaku Islands again.';
      return compile(packs.flatMap((p) => p.terms))
        .find(text)
        .filter((m) => m.kind !== 'cue')
        .map((m) => text.slice(m.start, m.end));
    };
    await fc.assert(
      fc.asyncProperty(storageArb, async (stored) => {
        fakeBrowser.reset();
        const entries = Object.fromEntries(
          Object.entries(stored).map(([key, value]) => [key, storable(value)]),
        );
        await fakeBrowser.storage.local.set(entries);

        expectValid(await loadSettings());

        const list = await loadPackList();
        expect(list.some((entry) => entry.id === BUNDLED_PACK_ID)).toBe(true);
        const packs = await loadEnabledPacks();
        const bundledEnabled = list.find((e) => e.id === BUNDLED_PACK_ID)!.enabled;
        // The bundled pack comes from the extension, never from storage: garbage cannot replace it.
        expect(packs.some((p) => p.id === BUNDLED_PACK_ID)).toBe(bundledEnabled);
        // No invalid imported pack is loaded.
        expect(packs.every((p) => p.id === BUNDLED_PACK_ID)).toBe(true);
        if (bundledEnabled) expect(await matcherFinds()).toEqual(['Senkaku Islands']);
      }),
      { numRuns: RUNS },
    );
    // 200 stores, each read back through the storage layer: seconds on a loaded CI machine.
  }, 60_000);

  it('with nothing but garbage, Gloss boots with the defaults and the bundled pack', async () => {
    await fakeBrowser.storage.local.set({
      settings: 'not an object',
      settings$: { v: 'garbage' },
      packList: { not: 'a list' },
      [`pack:${BUNDLED_PACK_ID}`]: '<script>',
    });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const packs = await loadEnabledPacks();
    expect(packs.map((p) => p.id)).toEqual([BUNDLED_PACK_ID]);
    const text = 'Patrol ships near the Senkaku Islands again.';
    const found = compile(packs[0]!.terms)
      .find(text)
      .filter((m) => m.kind === 'mark');
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Senkaku Islands']);
  });

  it('a valid setting survives next to garbage in other keys', async () => {
    await fakeBrowser.storage.local.set({
      settings: { density: 'all', enabled: 'nope', hoverDelayMs: -5, __proto__x: 1 },
      settings$: { v: 2 },
    });
    const settings = await loadSettings();
    expect(settings.density).toBe('all');
    expect(settings.enabled).toBe(true);
    expect(settings.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });
});
