/**
 * Runs a part of Gloss's page code in the frame that asked for it (why: utils/page-scripts.ts).
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { Sender } from '@/utils/messages';
import { PAGE_SCRIPT_FILES, type PageScriptPart } from '@/utils/page-scripts';

type Target = { tabId: number; documentIds: string[] } | { tabId: number; frameIds: number[] };

/** Runs `part`'s files, in order, in `target`, in the content scripts' isolated world. */
async function runIn(target: Target, part: PageScriptPart): Promise<void> {
  await browser.scripting.executeScript({
    target,
    // The data script is written by a build hook, so WXT's list of public paths does not know it.
    files: PAGE_SCRIPT_FILES[part].map((file) => `/${file}`) as ScriptPublicPath[],
    // The frame asking is past document_idle already (the gate runs then).
    injectImmediately: true,
  });
}

/**
 * Runs `part`'s files in the sender's document (see `runIn`). The document is named by its id
 * where the browser gives one (Chromium), so a frame that has navigated since it asked does not
 * get them; otherwise by its frame id.
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
  await runIn(
    typeof documentId === 'string'
      ? { tabId, documentIds: [documentId] }
      : { tabId, frameIds: [frameId] },
    part,
  );
  return null;
}

/**
 * Runs the main script in a tab's top frame that has only the gate (nothing Gloss would draw was
 * found there), for a lookup the reader asked for there.
 * @returns false when the browser refuses (a page Gloss may not read, a tab gone).
 */
export async function runMainScriptIn(tabId: number): Promise<boolean> {
  try {
    await runIn({ tabId, frameIds: [0] }, 'main');
    return true;
  } catch {
    return false;
  }
}
