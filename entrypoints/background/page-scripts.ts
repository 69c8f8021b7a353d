/**
 * Runs a part of Gloss's page code in the frame that asked for it (why: utils/page-scripts.ts).
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { Sender } from '@/utils/messages';
import { PAGE_SCRIPT_FILES, type PageScriptPart } from '@/utils/page-scripts';

/**
 * Runs `part`'s files, in order, in the sender's document, in the content scripts' isolated world.
 * The document is named by its id where the browser gives one (Chromium), so a frame that has
 * navigated since it asked does not get them; otherwise by its frame id.
 * @returns null once they have run.
 * @throws Error when the sender is not a content script of a tab's frame, or when the browser
 *   refuses (a page Gloss may not read, a frame gone).
 */
export async function runPageScripts(part: PageScriptPart, sender: Sender): Promise<null> {
  const tabId = (sender.tab as { id?: unknown } | null | undefined)?.id;
  const { frameId, documentId } = sender;
  if (typeof tabId !== 'number' || typeof frameId !== 'number') {
    throw new Error("Gloss: page scripts run only in a tab's frames");
  }
  await browser.scripting.executeScript({
    target:
      typeof documentId === 'string'
        ? { tabId, documentIds: [documentId] }
        : { tabId, frameIds: [frameId] },
    // The data script is written by a build hook, so WXT's list of public paths does not know it.
    files: PAGE_SCRIPT_FILES[part].map((file) => `/${file}`) as ScriptPublicPath[],
    // The frame asking is past document_idle already (the content script runs then).
    injectImmediately: true,
  });
  return null;
}

/**
 * Runs the main script in a tab's top frame that has only the gate (nothing Gloss would draw was
 * found there), for a lookup the reader asked for there.
 * @returns false when the browser refuses (a page Gloss may not read, a tab gone).
 */
export async function runMainScriptIn(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      files: PAGE_SCRIPT_FILES.main.map((file) => `/${file}`) as ScriptPublicPath[],
      injectImmediately: true,
    });
    return true;
  } catch {
    return false;
  }
}
