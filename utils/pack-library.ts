/**
 * What the reader can do with glossary packs: import, replace, reorder, switch, export, remove.
 * The decisions are pure functions over the pack list; the async functions below them only read and
 * write storage, in an order that never leaves a half-imported pack behind. No DOM here, so all of
 * it runs in node tests with WXT's fake browser.
 */
import { parsePack, type Pack } from '@/glossary/schema';
import { loadPack, loadPackList, packItem, packListItem, type PackEntry } from './packs';
import { BUNDLED_PACK_ID } from './bundled-pack-script';

export interface PackSummary {
  id: string;
  title: string;
  version: string;
  asOf: string;
  /** The pack's language tag (its text is labelled with it); '' when the pack is broken. */
  language: string;
  termCount: number;
  enabled: boolean;
  bundled: boolean;
  /** The list names a pack whose stored data is gone or no longer valid. */
  broken: boolean;
}

export type ImportDecision =
  | { kind: 'rejected'; errors: string[] }
  | { kind: 'new'; pack: Pack }
  /** A pack with this id is already installed: the reader must confirm the replacement. */
  | { kind: 'replace'; pack: Pack };

export function bundledIdMessage(id: string): string {
  return `id: "${id}" is the id of the pack that comes with Gloss; give your pack another id`;
}

/** Decides what importing `json` would do, given the current list. Changes nothing. */
export function decideImport(json: string, list: readonly PackEntry[]): ImportDecision {
  const result = parsePack(json);
  if (!result.ok) return { kind: 'rejected', errors: result.errors };
  const { pack } = result;
  if (pack.id === BUNDLED_PACK_ID) return { kind: 'rejected', errors: [bundledIdMessage(pack.id)] };
  return list.some((entry) => entry.id === pack.id)
    ? { kind: 'replace', pack }
    : { kind: 'new', pack };
}

/**
 * The list after installing `id`: a new pack goes to the top (it wins over the others); a
 * replaced pack keeps its place and comes back on, since the reader just chose it again. Its
 * revision always moves forward, even within one millisecond, so the stored list changes.
 */
export function withInstalled(list: readonly PackEntry[], id: string, now: number): PackEntry[] {
  const existing = list.find((entry) => entry.id === id);
  const installed = { id, enabled: true, revision: Math.max(now, (existing?.revision ?? 0) + 1) };
  return existing
    ? list.map((entry) => (entry === existing ? installed : entry))
    : [installed, ...list];
}

/** Moves a pack one place up (-1) or down (+1); out-of-range moves leave the list as it is. */
export function moved(list: readonly PackEntry[], id: string, delta: -1 | 1): PackEntry[] {
  const from = list.findIndex((entry) => entry.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export function withEnabled(list: readonly PackEntry[], id: string, enabled: boolean): PackEntry[] {
  return list.map((entry) => (entry.id === id ? { ...entry, enabled } : entry));
}

export function canRemove(id: string): boolean {
  return id !== BUNDLED_PACK_ID;
}

export function withoutPack(list: readonly PackEntry[], id: string): PackEntry[] {
  return canRemove(id) ? list.filter((entry) => entry.id !== id) : [...list];
}

export function summarize(entry: PackEntry, pack: Pack | null): PackSummary {
  return {
    id: entry.id,
    title: pack?.title ?? entry.id,
    version: pack?.version ?? '',
    asOf: pack?.asOf ?? '',
    language: pack?.language ?? '',
    termCount: pack?.terms.length ?? 0,
    enabled: entry.enabled,
    bundled: entry.id === BUNDLED_PACK_ID,
    broken: pack === null,
  };
}

// ---- storage ----

export async function prepareImport(json: string): Promise<ImportDecision> {
  return decideImport(json, await loadPackList());
}

/**
 * Stores a validated pack: the pack's own item first, then the list entry that makes it live, so
 * no tab ever sees a list entry without its pack. If the list cannot be written, the pack item is
 * put back as it was.
 */
export async function installPack(pack: Pack): Promise<void> {
  if (pack.id === BUNDLED_PACK_ID) throw new Error(bundledIdMessage(pack.id));
  const item = packItem(pack.id);
  const previous = await item.getValue();
  await item.setValue(pack);
  try {
    await packListItem().setValue(withInstalled(await loadPackList(), pack.id, Date.now()));
  } catch (error) {
    await (previous == null ? item.removeValue() : item.setValue(previous));
    throw error;
  }
}

export async function movePack(id: string, delta: -1 | 1): Promise<void> {
  await packListItem().setValue(moved(await loadPackList(), id, delta));
}

export async function setPackEnabled(id: string, enabled: boolean): Promise<void> {
  await packListItem().setValue(withEnabled(await loadPackList(), id, enabled));
}

/** The list entry goes first (tabs stop using the pack), then its data. */
export async function removePack(id: string): Promise<void> {
  if (!canRemove(id))
    throw new Error('The pack that comes with Gloss can be switched off, not removed.');
  await packListItem().setValue(withoutPack(await loadPackList(), id));
  await packItem(id).removeValue();
}

export async function loadSummaries(): Promise<PackSummary[]> {
  const list = await loadPackList();
  return Promise.all(list.map(async (entry) => summarize(entry, await loadPack(entry.id))));
}

/** The pack as JSON, ready to save or share; null when it is not stored. */
export async function exportPack(id: string): Promise<string | null> {
  const pack = await loadPack(id);
  return pack ? `${JSON.stringify(pack, null, 2)}\n` : null;
}
