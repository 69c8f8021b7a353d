/**
 * The content script's wiring: in a frame whose text holds something Gloss would draw (run there
 * through entrypoints/frame-gate.ts), it waits a task, reads the settings,
 * and lets the page switch start or end a page session as the settings say. The top frame answers
 * the popup's and the background's messages for the tab.
 */
import { on } from '@/utils/messages';
import { probe } from '@/utils/test-probe';
import { watchPacks } from '@/utils/packs';
import { loadSettings, watchSettings } from '@/utils/settings';
import { PageSwitch } from './page-switch';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Not in the manifest: every frame gets the small gate script, and this one only when it has
  // something Gloss would draw (utils/page-scripts.ts).
  registration: 'runtime',
  // The popover's CSS goes into its shadow root as a string; nothing is injected into the page.
  cssInjectionMode: 'manual',
  // WXT's legacy "script started" window.postMessage is seen by the page's own message listeners
  // (some of which choke on it) and cost 16 ms of Gloss's first task on every page (measured in a
  // trace of the corpus): the custom event WXT also sends is enough to retire an older instance.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    probe('page-script', { part: 'main' });
    // Browsers without the CSS Custom Highlight API get nothing rather than a broken page.
    if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return;
    // The browser compiles and starts this script in one task: the rest of the start (storage,
    // listeners) begins in the next task, to keep that one short. A frame has this script only
    // once the gate script judged it worth reading, so it is not judged again here.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (!ctx.isValid) return;
    const page = new PageSwitch(ctx, await loadSettings());
    // Only the top frame answers for the tab, so a sender gets one reply.
    if (window === window.top) on('tab', () => page.handlers(), ctx.signal);
    const unwatchSettings = watchSettings((next) => void page.update(next));
    const unwatchPacks = watchPacks(() => void page.update(undefined, true));
    ctx.onInvalidated(() => {
      unwatchSettings();
      unwatchPacks();
    });
    await page.update();
  },
});
