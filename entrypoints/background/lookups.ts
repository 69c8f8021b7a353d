/**
 * Quick-reference lookups handled by the background: the selection context menu, the keyboard
 * commands and the `gloss` omnibox keyword. Each handler is a plain function so that tests drive
 * the very functions the browser calls.
 */
import { browser, type Browser } from 'wxt/browser';
import { MAX_LOOKUP_CHARS, resolveSelection, type LookupSources } from '@/glossary/lookup';
import { createSearch } from '@/glossary/search';
import { sendToTab, type ReplyOf, type RequestOf, type TypesFor } from '@/utils/messages';
import { enabledPacks } from './enabled-packs';
import { runMainScriptIn } from './page-scripts';

export const MENU_ID = 'gloss-explain';

export function glossaryUrl(target: { termId?: string; query?: string } = {}): string {
  const base = browser.runtime.getURL('/glossary.html');
  if (target.termId) return `${base}#${encodeURIComponent(target.termId)}`;
  if (target.query) return `${base}?q=${encodeURIComponent(target.query)}`;
  return base;
}

export async function openGlossary(
  target: { termId?: string; query?: string } = {},
): Promise<void> {
  await browser.tabs.create({ url: glossaryUrl(target) });
}

/** The tab's answer, or null where no content script answers (browser pages, Gloss off). */
async function ask<K extends TypesFor<'tab'>>(
  tabId: number,
  type: K,
  request: RequestOf<K>,
): Promise<ReplyOf<K> | null> {
  return sendToTab(tabId, type, request).catch(() => null);
}

/** How long a lookup waits for a main script it just ran to answer (ms), and how often it asks. */
const STARTING_MS = 3_000;
const STARTING_STEP_MS = 100;

/**
 * `ask`, for a lookup the reader asked for: where the top frame has only the gate script (its text
 * held nothing Gloss would draw), the main script is run there first, so that the answer is still
 * a popover on the page.
 */
async function askStarting<K extends TypesFor<'tab'>>(
  tabId: number,
  type: K,
  request: RequestOf<K>,
): Promise<ReplyOf<K> | null> {
  const reply = await ask(tabId, type, request);
  if (reply || !(await runMainScriptIn(tabId))) return reply;
  // The main script answers once it has read the settings (a few tasks after it runs).
  for (let waited = 0; waited < STARTING_MS; waited += STARTING_STEP_MS) {
    await new Promise((resolve) => setTimeout(resolve, STARTING_STEP_MS));
    const started = await ask(tabId, type, request);
    if (started) return started;
  }
  return null;
}

export async function onContextMenu(
  info: { menuItemId: string | number; selectionText?: string },
  tab?: { id?: number },
) {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
  const text = (info.selectionText ?? '').slice(0, MAX_LOOKUP_CHARS);
  const reply = await askStarting(tab.id, 'gloss:explain-selection', { text });
  // Where the page cannot show a popover, the glossary page answers instead.
  if (!reply?.ok) await openGlossary(reply?.termId ? { termId: reply.termId } : { query: text });
}

export async function onCommand(command: string, tab?: { id?: number }) {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  if (command === 'next-term' || command === 'previous-term') {
    await ask(tabId, 'gloss:step', { direction: command === 'next-term' ? 1 : -1 });
    return;
  }
  if (command !== 'explain-selection') return;
  const reply = await askStarting(tabId, 'gloss:explain-selection', {});
  if (reply?.ok) return;
  // Nothing selected (or no content script): open the search.
  try {
    await browser.action.openPopup();
  } catch {
    await openGlossary();
  }
}

interface Sources extends LookupSources {
  index: ReturnType<typeof createSearch>;
}
let sourcesPromise: Promise<Sources> | null = null;

/**
 * Search and matcher over the enabled packs (every term, hidden or not; enabled-packs.ts), the
 * search index rebuilt when packs change.
 */
function sources(): Promise<Sources> {
  sourcesPromise ??= enabledPacks().then((packs) => {
    const index = createSearch(packs.catalog.terms);
    return {
      index,
      // Built on first use: the omnibox needs none.
      get matcher() {
        return packs.matcher;
      },
      search: (query, limit) => index.search(query, limit),
    };
  });
  return sourcesPromise;
}

function search() {
  return sources().then((s) => s.index);
}

/** Called when the packs change (after enabled-packs.ts forgot them). */
export function resetSearch(): void {
  sourcesPromise = null;
}

/**
 * What the selection a tab reports means: the tab shows the answer. The reader asked explicitly,
 * so hidden terms and switched-off categories count too.
 */
export async function resolveSelectionText(text: string): Promise<{ termId: string | null }> {
  const result = resolveSelection(text, await sources());
  return { termId: result.kind === 'term' ? result.termId : null };
}

/** Omnibox descriptions are XML in Chrome: escape the glossary text, never interpret it. */
function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function omniboxSuggestions(input: string): Promise<Browser.omnibox.SuggestResult[]> {
  if (input.trim() === '') return [];
  const hits = (await search()).search(input, 6);
  return hits.map(({ term }) => ({
    content: `term:${term.id}`,
    description: import.meta.env.FIREFOX
      ? `${term.title} — ${term.summary.slice(0, 90)}`
      : escapeXml(`${term.title} — ${term.summary.slice(0, 90)}`),
  }));
}

export async function onOmniboxEntered(text: string): Promise<void> {
  if (text.startsWith('term:')) {
    await openGlossary({ termId: text.slice('term:'.length) });
    return;
  }
  const [best] = (await search()).search(text, 1);
  await openGlossary(best ? { termId: best.term.id } : { query: text });
}
