/**
 * Settings read from storage are never trusted: every key is validated on its own, anything
 * invalid falls back to its default, and version 1 data is migrated. Gloss must boot whatever is
 * stored under the key.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  migrateV1,
  overridesFor,
  patchSettings,
  resolveSettings,
  settingsItem,
  updateSettings,
  watchSettings,
  withSiteOn,
  withTermShown,
  type Settings,
} from '@/utils/settings';
import { settingSchemas } from '@/utils/settings-schema';

const KEY = 'settings';
const META_KEY = 'settings$';

async function store(value: unknown, meta: unknown = { v: 2 }) {
  await fakeBrowser.storage.local.set({ [KEY]: value, [META_KEY]: meta });
}

function expectValid(settings: Settings) {
  expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  for (const [key, schema] of Object.entries(settingSchemas)) {
    expect(v.is(schema, settings[key as keyof Settings]), key).toBe(true);
  }
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('each setting: valid values kept, invalid ones fall back to the default', () => {
  const cases: { [K in keyof Settings]: { valid: Settings[K][]; invalid: unknown[] } } = {
    enabled: { valid: [false, true], invalid: ['false', 0, null, [], {}] },
    disabledSites: {
      valid: [['example.com'], ['a.example', 'b.example']],
      invalid: ['example.com', [''], [1], ['x'.repeat(254)], {}],
    },
    density: { valid: ['first', 'all'], invalid: ['every', 7, true, null] },
    disabledCategories: {
      valid: [['people'], ['places', 'economy & trade']],
      invalid: ['people', [1], ['x'.repeat(49)], Array.from({ length: 65 }, (_, i) => `c${i}`)],
    },
    hoverDelayMs: {
      valid: [0, 150, 3_000],
      invalid: ['x', -1, 3_001, 1.5, Number.NaN, null, '300'],
    },
    markStyle: {
      valid: ['underline', 'background', 'both'],
      invalid: ['dotted', 1, null],
    },
    theme: { valid: ['auto', 'light', 'dark'], invalid: [null, 'sepia', 0] },
    hiddenTerms: {
      valid: [['taiwan'], []],
      invalid: ['taiwan', [''], [42], ['x'.repeat(65)]],
    },
    hiddenTermsBySite: {
      valid: [{ 'example.com': ['taiwan'] }, {}],
      invalid: [[['taiwan']], ['taiwan'], { 'example.com': 'taiwan' }, { '': ['taiwan'] }, null],
    },
  };

  for (const [key, { valid, invalid }] of Object.entries(cases)) {
    it(`${key}: keeps valid values`, () => {
      for (const value of valid) {
        expect(resolveSettings({ [key]: value })[key as keyof Settings]).toEqual(value);
      }
    });
    it(`${key}: falls back for invalid values and keeps the other keys`, () => {
      const other: Partial<Settings> = key === 'density' ? { theme: 'dark' } : { density: 'all' };
      for (const value of invalid) {
        const settings = resolveSettings({ ...other, [key]: value });
        expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...other });
      }
    });
  }
});

describe('garbage in storage boots with defaults', () => {
  const garbage: [string, unknown][] = [
    ['wrong types', { density: 7, hoverDelayMs: 'x', theme: null, unknownKey: 1 }],
    ['a string', 'settings'],
    ['a truncated JSON string', '{"density":"all","hoverDel'],
    ['an array', [{ density: 'all' }]],
    ['null', null],
    ['a number', 42],
    ['a boolean', false],
    ['nested nonsense', { enabled: { enabled: false }, disabledSites: [[['a']]] }],
    ['__proto__ keys', JSON.parse('{"__proto__": {"enabled": false}, "constructor": 1}')],
  ];

  for (const [what, value] of garbage) {
    it(`${what}, stored as version 2`, async () => {
      await store(value);
      expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    });
  }

  it('keeps the valid keys next to broken ones', async () => {
    await store({ density: 'all', hoverDelayMs: 'x', theme: null, markStyle: 'both', junk: 1 });
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      density: 'all',
      markStyle: 'both',
    });
  });

  it('does not let __proto__ reach the settings or Object.prototype', async () => {
    await store(
      JSON.parse(
        '{"__proto__": {"polluted": true}, "hiddenTermsBySite": {"__proto__": ["x"], "a.example": ["taiwan"]}}',
      ),
    );
    const settings = await loadSettings();
    expect(settings.hiddenTermsBySite).toEqual({ 'a.example': ['taiwan'] });
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives a version from the future (the migration fails and is logged)', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.resetModules();
    await store({ density: 'all' }, { v: 99 });
    const fresh = await import('@/utils/settings');
    expect(await fresh.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, density: 'all' });
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('watchers get validated settings too', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await store({ theme: 'dark', density: 7 });
    await store('garbage');
    unwatch();
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, theme: 'dark' }, DEFAULT_SETTINGS]);
  });

  it('property: any JSON value under the key loads as valid settings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.boolean(), async (value, asVersion1) => {
        fakeBrowser.reset();
        if (asVersion1) {
          await fakeBrowser.storage.local.set({ [KEY]: value });
          await settingsItem().migrate();
        } else {
          await store(value);
        }
        expectValid(await loadSettings());
      }),
      { numRuns: 300 },
    );
  });

  it('property: any mix of valid and invalid keys keeps exactly the valid ones', () => {
    const anyValue = fc.oneof(fc.jsonValue(), fc.constantFrom('all', 'dark', 'both', 300, false));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...Object.keys(settingSchemas)), anyValue),
        (raw) => {
          const settings = resolveSettings(raw);
          expectValid(settings);
          for (const [key, value] of Object.entries(raw)) {
            const schema = settingSchemas[key as keyof Settings];
            if (v.is(schema, value)) expect(settings[key as keyof Settings]).toEqual(value);
          }
        },
      ),
    );
  });
});

describe('version 1 data', () => {
  const v1 = {
    enabled: true,
    disabledSites: ['news.example'],
    markEveryMention: true,
    disabledCategories: [],
    hoverDelay: 0.5,
    markStyle: 'underline',
    theme: 'auto',
    hiddenTerms: [],
    hiddenTermsBySite: {},
  };

  it('migrateV1 maps markEveryMention and seconds, and keeps only overrides', () => {
    expect(migrateV1(v1)).toEqual({
      disabledSites: ['news.example'],
      density: 'all',
      hoverDelayMs: 500,
    });
    expect(migrateV1({ ...v1, markEveryMention: false, hoverDelay: 0.3 })).toEqual({
      disabledSites: ['news.example'],
    });
    expect(migrateV1({ hoverDelay: 'soon', markEveryMention: 'yes', theme: 'neon' })).toEqual({});
    // Version 1's default mark style was the underline, stored like every other value: not a
    // choice, so today's default applies. Any other style was chosen and is kept.
    expect(migrateV1({ ...v1, markStyle: 'both' })).toEqual(
      expect.objectContaining({ markStyle: 'both' }),
    );
    expect(migrateV1({ ...v1, markStyle: 'underline' })).not.toHaveProperty('markStyle');
    expect(migrateV1('garbage')).toEqual({});
    expect(migrateV1({ hoverDelay: 60 })).toEqual({});
  });

  it('is migrated through the storage item when Gloss starts', async () => {
    vi.resetModules();
    await fakeBrowser.storage.local.set({ [KEY]: v1, [META_KEY]: { v: 1 } });
    const fresh = await import('@/utils/settings');
    expect(await fresh.loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['news.example'],
      density: 'all',
      hoverDelayMs: 500,
    });
    const stored = await fakeBrowser.storage.local.get([KEY, META_KEY]);
    expect(stored).toEqual({
      [KEY]: { disabledSites: ['news.example'], density: 'all', hoverDelayMs: 500 },
      [META_KEY]: { v: 2 },
    });
  });

  it('data without any version is taken as version 1', async () => {
    vi.resetModules();
    await fakeBrowser.storage.local.set({ [KEY]: { ...v1, hoverDelay: 1.2 } });
    const fresh = await import('@/utils/settings');
    expect((await fresh.loadSettings()).hoverDelayMs).toBe(1_200);
  });
});

describe('saving', () => {
  it('stores only what differs from the defaults', async () => {
    await updateSettings((settings) => {
      settings.density = 'all';
      settings.theme = 'auto';
    });
    expect((await fakeBrowser.storage.local.get(KEY))[KEY]).toEqual({ density: 'all' });
    expect(overridesFor(structuredClone(DEFAULT_SETTINGS) as Settings)).toEqual({});
  });

  it('patchSettings changes the given keys on top of the latest stored value', async () => {
    await store({ theme: 'dark' });
    await patchSettings({ markStyle: 'background' });
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      markStyle: 'background',
    });
  });

  it('a site switched back on and a hidden term shown again leave no trace', () => {
    const settings: Settings = {
      ...structuredClone(DEFAULT_SETTINGS),
      disabledSites: ['a.example', 'b.example'],
      hiddenTerms: ['taiwan', 'tokyo'],
      hiddenTermsBySite: { 'a.example': ['seoul'], 'b.example': ['seoul', 'beijing'] },
    };
    expect(withSiteOn(settings, 'a.example')).toEqual({ disabledSites: ['b.example'] });
    expect(withTermShown(settings, 'taiwan')).toEqual({ hiddenTerms: ['tokyo'] });
    expect(withTermShown(settings, 'seoul', 'a.example')).toEqual({
      hiddenTermsBySite: { 'b.example': ['seoul', 'beijing'] },
    });
    expect(withTermShown(settings, 'seoul', 'b.example')).toEqual({
      hiddenTermsBySite: { 'a.example': ['seoul'], 'b.example': ['beijing'] },
    });
  });
});
