/** Asks the target tab's content script which glossary terms its page has. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseReply, sendToTab, type PageTerm, type ReplyOf } from '@/utils/messages';
import { GATE_GLOBAL, type GateHandle } from '@/utils/page-scripts';
import { targetTab, type TargetTab } from './tab-messages';

export type PageTermsState =
  | { status: 'loading' }
  /** No tab, or one no content script can run in (browser pages, the store, file://). */
  | { status: 'unreachable'; tab: TargetTab | null }
  | { status: 'off'; tab: TargetTab; host: string | null }
  | { status: 'ready'; tab: TargetTab; host: string | null; terms: PageTerm[] };

export async function fetchPageTerms(): Promise<PageTermsState> {
  const tab = await targetTab().catch(() => null);
  if (!tab) return { status: 'unreachable', tab: null };
  try {
    // Checked against the protocol: a page that answers wrongly is treated as unreachable.
    const { on, host, terms } = await sendToTab(tab.id, 'gloss:page-terms', {}).catch(() =>
      askGate(tab.id),
    );
    return on ? { status: 'ready', tab, host, terms } : { status: 'off', tab, host };
  } catch {
    return { status: 'unreachable', tab };
  }
}

/**
 * The answer of the tab's top frame when only the gate runs there (nothing to draw was found):
 * its GateHandle, which keeps no message listener (utils/page-scripts.ts GATE_GLOBAL).
 * @throws Error when the tab is not a page Gloss reads, or the answer is malformed.
 */
async function askGate(tabId: number): Promise<ReplyOf<'gloss:page-terms'>> {
  const [frame] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: pageTermsHere,
    args: [GATE_GLOBAL],
  });
  return parseReply('gloss:page-terms', frame?.result);
}

/** Runs in the top frame's isolated world (so it may use nothing from outside itself). */
function pageTermsHere(name: string): unknown {
  return (
    (globalThis as unknown as Record<string, Partial<GateHandle> | undefined>)[
      name
    ]?.pageTerms?.() ?? null
  );
}

/**
 * The page's terms, asked at once; asked again when `refreshKey` changes from one defined value to
 * another (the site switch was flipped), after a short pause so the content script has applied the
 * change and rescanned. `undefined` means "not known yet" (settings still loading).
 */
export function usePageTerms(refreshKey: string | undefined): PageTermsState {
  const [state, setState] = useState<PageTermsState>({ status: 'loading' });
  const lastKey = useRef<string | undefined>(undefined);
  // Only the latest request may set the state; requests are not cancelled when the key settles.
  const generation = useRef(0);
  useEffect(() => () => void (generation.current = -1), []);
  useEffect(() => {
    const first = generation.current === 0;
    const changed = lastKey.current !== undefined && lastKey.current !== refreshKey;
    lastKey.current = refreshKey;
    if (!first && !changed) return;
    const mine = ++generation.current;
    setTimeout(
      () => void fetchPageTerms().then((next) => mine === generation.current && setState(next)),
      first ? 0 : 400,
    );
  }, [refreshKey]);
  return state;
}

/** The page's host, when its content script answered (only such pages have a site switch). */
export function hostOf(state: PageTermsState): string | null {
  return state.status === 'off' || state.status === 'ready' ? state.host : null;
}
