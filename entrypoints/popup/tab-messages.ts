/** Typed sending to a tab's content script, through the protocol in utils/messages.ts. */
import { browser } from 'wxt/browser';
import type { TabMessage, TabReplies } from '@/utils/messages';

export function sendToTab<M extends TabMessage>(
  tabId: number,
  message: M,
): Promise<TabReplies[M['type']]> {
  // Only the top frame answers gloss:page-terms, so ask it alone.
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<TabReplies[M['type']]>;
}

export interface TargetTab {
  id: number;
  /** Absent when the browser does not tell this extension the tab's address. */
  url?: string;
}

/**
 * The tab the popup acts on: `?tab=<id>` when given (tests open popup.html as a page, which has no
 * active tab of its own), else the active tab of the current window.
 */
export async function targetTab(search = location.search): Promise<TargetTab | null> {
  const fromUrl = Number(new URLSearchParams(search).get('tab') ?? NaN);
  const tab = Number.isInteger(fromUrl)
    ? await browser.tabs.get(fromUrl).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return null;
  return { id: tab.id, url: tab.url };
}

export function hostnameOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}
