/**
 * The whole message protocol between the popup, the background and the content script, in one
 * map: each message type names who receives it, the shape of its request and the shape of its
 * reply. Both directions are checked: `on()` accepts only a request of the right shape from this
 * extension, and `send()` / `sendToTab()` accept only a reply of the right shape (anything else
 * rejects with a `ProtocolError`). Unknown and malformed messages are rejected and logged.
 *
 * On the wire a message is `{ type, ...request }` (10ten's background-request.ts, Yomitan's
 * ApiSurface keep one such table).
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { WHOLE_BLOCK } from '@/glossary/cjk-words';
import { MAX_LOOKUP_CHARS } from '@/glossary/lookup';
import { MAX_WORD_START_TEXTS, PAGE_SCRIPT_PARTS, PAGE_TEXT_CHUNK } from './page-scripts';

const termId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
/** Selections and queries are cut to what a lookup reads before they are sent. */
const selectionText = v.pipe(v.string(), v.maxLength(MAX_LOOKUP_CHARS));
const ok = v.strictObject({ ok: v.boolean() });

const pageTerm = v.strictObject({
  termId,
  title: v.string(),
  category: v.string(),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/**
 * Every message. `to: 'tab'` is answered by the top frame's content script (sent by the popup or
 * the background); `to: 'background'` by the background (sent by content scripts and pages).
 */
export const protocol = {
  /**
   * The page's terms for the popup. `host` is the page's hostname: the popup's site switch needs
   * it, and without the "tabs" permission the browser does not tell the popup the tab's address.
   */
  'gloss:page-terms': {
    to: 'tab',
    request: v.strictObject({}),
    reply: v.strictObject({ on: v.boolean(), host: v.string(), terms: v.array(pageTerm) }),
  },
  /** Scroll to the term's first mention in the story and open its popover. */
  'gloss:reveal-term': { to: 'tab', request: v.strictObject({ termId }), reply: ok },
  /**
   * Explain the selection. `text` is what the browser reported (context menu); absent for the
   * keyboard shortcut. `termId` says what it resolved to, when the page could not show it.
   */
  'gloss:explain-selection': {
    to: 'tab',
    request: v.strictObject({ text: v.optional(selectionText) }),
    reply: v.strictObject({ ok: v.boolean(), termId: v.nullable(termId) }),
  },
  /** Next (1) or previous (-1) term of the page, opened with keyboard focus in the popover. */
  'gloss:step': {
    to: 'tab',
    request: v.strictObject({ direction: v.picklist([1, -1]) }),
    reply: ok,
  },
  'gloss:open-glossary': {
    to: 'background',
    request: v.strictObject({ termId: v.optional(termId), query: v.optional(selectionText) }),
    reply: v.null(),
  },
  /** The bundled pack's text, for a content script that did not get it from its data script. */
  'gloss:bundled-pack': { to: 'background', request: v.strictObject({}), reply: v.string() },
  /** Chinese and Japanese word starts of each text (entrypoints/content/word-starts.ts). */
  'gloss:word-starts': {
    to: 'background',
    request: v.strictObject({
      texts: v.pipe(
        v.array(v.pipe(v.string(), v.maxLength(WHOLE_BLOCK))),
        v.maxLength(MAX_WORD_START_TEXTS),
      ),
    }),
    reply: v.array(v.array(v.pipe(v.number(), v.integer(), v.minValue(0)))),
  },
  /**
   * Run one of Gloss's page scripts in the sender's frame (see utils/page-scripts.ts): the ones
   * not every page and frame needs, which the manifest does not list everywhere.
   */
  'gloss:load-scripts': {
    to: 'background',
    request: v.strictObject({ part: v.picklist(PAGE_SCRIPT_PARTS) }),
    reply: v.null(),
  },
  /**
   * A frame's gate script hands over the text it can read (in chunks): the background runs the
   * main script there only when the text holds something Gloss would draw (utils/page-scripts.ts).
   * `story`: the text is the story's, as the main script would read it; else the whole frame's.
   * `on`: Gloss is on for the frame's site; `loaded`: the main script now runs there; `readStory`:
   * the whole text would open the gate, and the story reader now runs there, so the story's text
   * decides (the gate hands it over next).
   */
  'gloss:page-text': {
    to: 'background',
    request: v.strictObject({
      text: v.pipe(v.string(), v.maxLength(PAGE_TEXT_CHUNK)),
      story: v.optional(v.boolean()),
    }),
    reply: v.strictObject({ on: v.boolean(), loaded: v.boolean(), readStory: v.boolean() }),
  },
  /** Selection → term, answered by the background (fuse.js stays out of every page's script). */
  'gloss:resolve-selection': {
    to: 'background',
    request: v.strictObject({ text: selectionText }),
    reply: v.strictObject({ termId: v.nullable(termId) }),
  },
} as const;

type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type Receiver = 'tab' | 'background';
export type TypesFor<R extends Receiver> = {
  [K in MessageType]: Protocol[K]['to'] extends R ? K : never;
}[MessageType];
export type RequestOf<K extends MessageType> = v.InferOutput<Protocol[K]['request']>;
export type ReplyOf<K extends MessageType> = v.InferOutput<Protocol[K]['reply']>;
export type PageTerm = v.InferOutput<typeof pageTerm>;
/** A request as it travels: its type beside its fields. */
export type Message<K extends MessageType = MessageType> = { type: K } & RequestOf<K>;

export interface Sender {
  id?: string;
  tab?: unknown;
  /** The sending frame, for a content script's message (0: the top frame). */
  frameId?: number;
  /** The sending document (Chromium only). */
  documentId?: string;
  url?: string;
}

/** A reply that does not have the protocol's shape, or no receiver at all. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

function requestSchema(type: MessageType) {
  return protocol[type].request as v.GenericSchema<unknown, Record<string, unknown>>;
}

/**
 * A message `receiver` may act on, or null (logged): it must come from this extension, and a tab
 * takes messages only from the popup or background, never from another content script (none can
 * reach runtime.onMessage without an id match, but the check keeps that true if the manifest ever
 * grows `externally_connectable`).
 */
export function parseMessage<R extends Receiver>(
  receiver: R,
  raw: unknown,
  sender: Sender,
  extensionId: string,
): Message<TypesFor<R>> | null {
  if (sender.id !== extensionId) return reject(raw, 'sender');
  if (receiver === 'tab' && sender.tab !== undefined) return reject(raw, 'sender');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return reject(raw, 'shape');
  const { type, ...fields } = raw as { type?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(protocol, type)) return reject(raw, 'type');
  if (protocol[type as MessageType].to !== receiver) return reject(raw, 'type');
  const result = v.safeParse(requestSchema(type as MessageType), fields);
  if (!result.success) return reject(raw, 'shape');
  return { type, ...result.output } as Message<TypesFor<R>>;
}

/** Checks a reply against the protocol; throws a `ProtocolError` naming the message otherwise. */
export function parseReply<K extends MessageType>(type: K, raw: unknown): ReplyOf<K> {
  const result = v.safeParse(protocol[type].reply, raw);
  if (!result.success) throw new ProtocolError(`Gloss: malformed reply to ${type}`);
  return result.output as ReplyOf<K>;
}

function reject(raw: unknown, why: 'sender' | 'shape' | 'type'): null {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : raw;
  console.debug(`Gloss: rejected a message (${why})`, typeof type === 'string' ? type : typeof raw);
  return null;
}

/** Sends a request to the background and checks its reply. Rejects with a `ProtocolError`. */
export async function send<K extends TypesFor<'background'>>(
  type: K,
  request: RequestOf<K>,
): Promise<ReplyOf<K>> {
  const reply: unknown = await browser.runtime.sendMessage({ type, ...request });
  // Extension APIs deliver a handler's `null` as `undefined`.
  return parseReply(type, reply === undefined ? null : reply);
}

/**
 * Sends a request to a tab's top frame (only it answers for the tab, so the sender gets one
 * reply) and checks the reply. Rejects when the tab has no content script (browser pages, the
 * store, Gloss switched off there) or the reply is malformed.
 */
export async function sendToTab<K extends TypesFor<'tab'>>(
  tabId: number,
  type: K,
  request: RequestOf<K>,
): Promise<ReplyOf<K>> {
  const reply: unknown = await browser.tabs.sendMessage(
    tabId,
    { type, ...request },
    { frameId: 0 },
  );
  return parseReply(type, reply);
}

export type Handlers<R extends Receiver> = {
  [K in TypesFor<R>]?: (request: Message<K>, sender: Sender) => ReplyOf<K> | Promise<ReplyOf<K>>;
};

/**
 * The `runtime.onMessage` listener for `receiver`: checks each message (see `parseMessage`) and
 * answers it with its handler. A message without a handler here gets no answer (`undefined`),
 * so another listener (another frame, another page) may answer it.
 */
export function receiver<R extends Receiver>(
  receiver: R,
  handlers: Handlers<R> | (() => Handlers<R>),
  extensionId: string,
) {
  return (raw: unknown, sender: Sender): Promise<unknown> | undefined => {
    const message = parseMessage(receiver, raw, sender, extensionId);
    if (!message) return undefined;
    const table = typeof handlers === 'function' ? handlers() : handlers;
    const handle = table[message.type] as
      ((request: Message, sender: Sender) => unknown) | undefined;
    return handle ? Promise.resolve(handle(message, sender)) : undefined;
  };
}

/**
 * Listens for `receiver`'s messages until `signal` aborts (when given). Returns the removal.
 * Errors: none thrown; rejected messages are logged at debug level.
 */
export function on<R extends Receiver>(
  receiverName: R,
  handlers: Handlers<R> | (() => Handlers<R>),
  signal?: AbortSignal,
): () => void {
  const listener = receiver(receiverName, handlers, browser.runtime.id);
  browser.runtime.onMessage.addListener(listener);
  const remove = () => browser.runtime.onMessage.removeListener(listener);
  signal?.addEventListener('abort', remove, { once: true });
  return remove;
}
