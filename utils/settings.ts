/**
 * The reader's settings: one typed, versioned storage item that holds only what the user changed.
 * Whatever is read from storage is validated key by key; an invalid or unknown value falls back to
 * its default and the rest keeps working.
 */
import { storage } from '@wxt-dev/storage';
import { once } from './once';
import {
  DEFAULT_SETTINGS,
  resolveSettings,
  type Settings,
  type SettingsOverrides,
} from './settings-schema';

export * from './settings-schema';
export * from './site-rules';

/** Only the values that differ from the defaults are stored. */
export function overridesFor(settings: Settings): SettingsOverrides {
  const overrides: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(DEFAULT_SETTINGS[key])) {
      overrides[key] = settings[key];
    }
  }
  return overrides as SettingsOverrides;
}

/**
 * Version 1 stored a full settings object with `markEveryMention: boolean` and `hoverDelay`
 * in seconds; version 2 stores overrides only, with `density` and `hoverDelayMs`. Being stored
 * whole, a version 1 value equal to that version's default was no choice of the reader's: its
 * `markStyle: 'underline'` is dropped, so that the reader gets today's default (the background).
 */
export function migrateV1(old: unknown): SettingsOverrides {
  if (typeof old !== 'object' || old === null) return {};
  const { markEveryMention, hoverDelay, ...rest } = old as Record<string, unknown>;
  const next: Record<string, unknown> = { ...rest };
  if (next.markStyle === 'underline') delete next.markStyle;
  if (typeof markEveryMention === 'boolean') next.density = markEveryMention ? 'all' : 'first';
  if (typeof hoverDelay === 'number') next.hoverDelayMs = Math.round(hoverDelay * 1000);
  return overridesFor(resolveSettings(next));
}

/** Defined on first use (see once.ts): defining it starts its migration check. */
export const settingsItem = once(() =>
  storage.defineItem<SettingsOverrides>('local:settings', {
    fallback: {},
    version: 2,
    migrations: { 2: migrateV1 },
  }),
);

export async function loadSettings(): Promise<Settings> {
  try {
    return resolveSettings(await settingsItem().getValue());
  } catch {
    // Storage that cannot even be read (corrupt, or a failed migration) must not stop Gloss.
    return structuredClone(DEFAULT_SETTINGS) as Settings;
  }
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem().watch((stored) => callback(resolveSettings(stored)));
}

export async function updateSettings(
  change: (settings: Settings) => Settings | void,
): Promise<Settings> {
  const draft = structuredClone(await loadSettings());
  const next = change(draft) ?? draft;
  await settingsItem().setValue(overridesFor(next));
  return next;
}

/** The settings with `host` switched back on. */
export function withSiteOn(settings: Settings, host: string): Partial<Settings> {
  return { disabledSites: settings.disabledSites.filter((site) => site !== host) };
}

/** Un-hides a term everywhere (`site` undefined) or on one site; an emptied site entry goes. */
export function withTermShown(
  settings: Settings,
  termId: string,
  site?: string,
): Partial<Settings> {
  if (site === undefined) {
    return { hiddenTerms: settings.hiddenTerms.filter((id) => id !== termId) };
  }
  const bySite = { ...settings.hiddenTermsBySite };
  const rest = (bySite[site] ?? []).filter((id) => id !== termId);
  if (rest.length > 0) bySite[site] = rest;
  else delete bySite[site];
  return { hiddenTermsBySite: bySite };
}

/** Saves a few changed keys on top of the latest stored settings. */
export function patchSettings(patch: Partial<Settings>): Promise<Settings> {
  return updateSettings((settings) => ({ ...settings, ...patch }));
}
