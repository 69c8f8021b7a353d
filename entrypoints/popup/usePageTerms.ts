/** Asks the target tab's content script which glossary terms its page has. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToTab, type PageTerm } from '@/utils/messages';
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
    const { on, host, terms } = await sendToTab(tab.id, 'gloss:page-terms', {});
    return on ? { status: 'ready', tab, host, terms } : { status: 'off', tab, host };
  } catch {
    return { status: 'unreachable', tab };
  }
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
