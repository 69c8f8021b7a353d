/**
 * Glossary packs the reader controls: the bundled pack plus imported ones. The list (order =
 * which pack wins when two define the same alias, and on/off) is one small item; each imported
 * pack is stored under its own key so that a 10,000-term pack is written once, not on every toggle.
 * Everything read back is validated again: storage is not trusted.
 */
import { storage } from '@wxt-dev/storage';
import { once } from './once';
import * as v from 'valibot';
import { bundledPackText, takeBundledMatcherData } from './bundled-pack';
import { validatePack, type Pack } from '@/glossary/schema';
import type { MatcherData } from '@/glossary/matcher-data';

import { BUNDLED_PACK_ID } from './bundled-pack-script';

let bundled: Promise<Pack> | undefined;
/** The bundled pack's build-time matcher (content script only), for the pack object it fits. */
const precompiled = new WeakMap<Pack, MatcherData>();

const entrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  enabled: v.boolean(),
  /**
   * Changes when a pack with the same id is imported again, so the list item changes and every
   * tab watching it reloads the pack (storage reports no change for an identical value).
   */
  revision: v.optional(v.number()),
});
const listSchema = v.pipe(v.array(entrySchema), v.maxLength(200));

export type PackEntry = v.InferOutput<typeof entrySchema>;

/** Defined on first use (see once.ts), like the settings item. */
export const packListItem = once(() =>
  storage.defineItem<PackEntry[]>('local:packList', { fallback: [], version: 1 }),
);

export function packItem(id: string) {
  return storage.defineItem<unknown>(`local:pack:${id}`);
}

/**
 * The bundled pack is part of the extension's code: the unit tests validate it and check that
 * validation leaves it unchanged, so pages use it as it is instead of validating it on every load.
 */
export function getBundledPack(): Promise<Pack> {
  // Parsed on first use from text: JSON.parse is far cheaper than an object literal of 80 kB.
  bundled ??= bundledPackText().then((text) => {
    const pack = JSON.parse(text) as Pack;
    const matcher = takeBundledMatcherData();
    if (matcher) precompiled.set(pack, matcher);
    return pack;
  });
  return bundled;
}

/**
 * The matcher compiled ahead of time for exactly `packs` (in this order), when there is one: the
 * bundled pack alone has one from the build. Undefined means "compile them".
 */
export function precompiledMatcher(packs: readonly Pack[]): MatcherData | undefined {
  return packs.length === 1 ? precompiled.get(packs[0]!) : undefined;
}

/** The pack list as stored, repaired: unknown shapes dropped, the bundled pack always present. */
export function normalizeList(stored: unknown): PackEntry[] {
  const parsed = v.safeParse(listSchema, stored);
  const list = parsed.success ? parsed.output : [];
  const seen = new Set<string>();
  const unique = list.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
  if (!seen.has(BUNDLED_PACK_ID)) unique.push({ id: BUNDLED_PACK_ID, enabled: true });
  return unique;
}

export async function loadPackList(): Promise<PackEntry[]> {
  try {
    return normalizeList(await packListItem().getValue());
  } catch {
    return normalizeList(null);
  }
}

/** A stored pack, validated; null when missing or no longer valid. */
export async function loadPack(id: string): Promise<Pack | null> {
  if (id === BUNDLED_PACK_ID) return getBundledPack();
  try {
    const result = validatePack(await packItem(id).getValue());
    return result.ok ? result.pack : null;
  } catch {
    return null;
  }
}

/** The enabled packs, highest priority first. */
export async function loadEnabledPacks(): Promise<Pack[]> {
  const list = await loadPackList();
  const packs = await Promise.all(list.filter((e) => e.enabled).map((e) => loadPack(e.id)));
  return packs.filter((pack): pack is Pack => pack !== null);
}

export function watchPacks(callback: () => void): () => void {
  return packListItem().watch(() => callback());
}
