/** The tab the popup acts on. */
import { browser } from 'wxt/browser';

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
