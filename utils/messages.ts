/**
 * The whole message protocol between the popup, the background and the content script, typed in
 * one place. Every message is checked on receipt — its shape, and that it comes from this
 * extension — and anything else is rejected and changes nothing.
 */
import * as v from 'valibot';
import { MAX_LOOKUP_CHARS } from '@/glossary/lookup';

const termId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
/** Selections and queries are cut to what a lookup reads before they are sent. */
const MAX_SELECTION = MAX_LOOKUP_CHARS;

/** Messages the content script of a tab accepts (from the popup or the background). */
export const tabMessage = v.variant('type', [
  v.strictObject({ type: v.literal('gloss:page-terms') }),
  v.strictObject({ type: v.literal('gloss:reveal-term'), termId }),
  v.strictObject({
    type: v.literal('gloss:explain-selection'),
    /** The selected text as the browser reported it (context menu); absent for the shortcut. */
    text: v.optional(v.pipe(v.string(), v.maxLength(MAX_SELECTION))),
  }),
  v.strictObject({ type: v.literal('gloss:step'), direction: v.picklist([1, -1]) }),
]);

/** Messages the background accepts (from content scripts and extension pages). */
export const backgroundMessage = v.variant('type', [
  v.strictObject({
    type: v.literal('gloss:open-glossary'),
    termId: v.optional(termId),
    query: v.optional(v.pipe(v.string(), v.maxLength(MAX_SELECTION))),
  }),
  v.strictObject({ type: v.literal('gloss:open-options') }),
  /** The bundled pack's text, for a content script that did not get it from its data script. */
  v.strictObject({ type: v.literal('gloss:bundled-pack') }),
  /** Selection → term, answered by the background (fuse.js stays out of every page's script). */
  v.strictObject({
    type: v.literal('gloss:resolve-selection'),
    text: v.pipe(v.string(), v.maxLength(MAX_SELECTION)),
  }),
]);

/** The background's answer to `gloss:resolve-selection`: checked too, like every message. */
const resolvedSelection = v.strictObject({ termId: v.nullable(termId) });

export function parseResolvedSelection(raw: unknown): { termId: string | null } | null {
  const result = v.safeParse(resolvedSelection, raw);
  return result.success ? result.output : null;
}

export type TabMessage = v.InferOutput<typeof tabMessage>;
export type BackgroundMessage = v.InferOutput<typeof backgroundMessage>;

export interface PageTerm {
  termId: string;
  title: string;
  category: string;
  count: number;
}

/** What a tab answers to each message. */
export interface TabReplies {
  /**
   * `host` is the page's hostname: the popup's site switch needs it, and without the "tabs"
   * permission the browser does not tell the popup the tab's address.
   */
  'gloss:page-terms': { on: boolean; terms: PageTerm[]; host?: string };
  'gloss:reveal-term': { ok: boolean };
  'gloss:explain-selection': { ok: boolean; termId: string | null };
  'gloss:step': { ok: boolean };
}

export interface Sender {
  id?: string;
  tab?: unknown;
  url?: string;
}

/**
 * A message the content script may act on: from this extension's own pages or background, never
 * from another extension or a web page (those cannot reach runtime.onMessage without an id match,
 * but the check keeps that true if the manifest ever grows `externally_connectable`).
 */
export function parseTabMessage(
  raw: unknown,
  sender: Sender,
  extensionId: string,
): TabMessage | null {
  if (sender.id !== extensionId || sender.tab !== undefined) return reject(raw, 'sender');
  const result = v.safeParse(tabMessage, raw);
  return result.success ? result.output : reject(raw, 'shape');
}

export function parseBackgroundMessage(
  raw: unknown,
  sender: Sender,
  extensionId: string,
): BackgroundMessage | null {
  if (sender.id !== extensionId) return reject(raw, 'sender');
  const result = v.safeParse(backgroundMessage, raw);
  return result.success ? result.output : reject(raw, 'shape');
}

function reject(raw: unknown, why: 'sender' | 'shape'): null {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : raw;
  console.debug(`Gloss: rejected a message (${why})`, typeof type === 'string' ? type : typeof raw);
  return null;
}
