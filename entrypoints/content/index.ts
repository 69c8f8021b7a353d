import { loadEnabledPacks, watchPacks } from '@/utils/packs';
import { isOnFor, loadSettings, watchSettings, type Settings } from '@/utils/settings';
import type { Engine } from './engine';
import { engineClass } from './engine-slot';
import { initPage } from './page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  // The popover's CSS goes into its shadow root as a string; nothing is injected into the page.
  cssInjectionMode: 'manual',
  // WXT's legacy "script started" window.postMessage is seen by the page's own message listeners
  // (some of which choke on it) and cost 16 ms of Gloss's first task on every page (measured in a
  // trace of the corpus): the custom event WXT also sends is enough to retire an older instance.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Browsers without the CSS Custom Highlight API get nothing rather than a broken page.
    if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return;
    // The browser compiles and starts this script in one task, on every page and frame: the rest
    // of the start (storage, listeners) begins in the next task, to keep that one short.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const host = location.hostname;
    let settings = await loadSettings();
    let engine: Engine | null = null;
    const page = initPage(
      ctx,
      () => engine,
      () => settings,
    );

    // Changes arrive while an engine is still being built: they queue behind it, in order.
    let queue: Promise<void> = Promise.resolve();
    const sync = (packsChanged: boolean) => {
      queue = queue
        .then(() => apply(packsChanged))
        .catch((error: unknown) => {
          console.debug('Gloss: could not apply a change', error);
        });
      return queue;
    };
    const apply = async (packsChanged: boolean) => {
      if (!ctx.isValid) return;
      if (!isOnFor(settings, host)) {
        engine?.stop();
        engine = null;
      } else if (!engine) {
        const packs = await loadEnabledPacks();
        // The engine's code comes in page-engine.js, its own content script (engine-slot.ts).
        const engineCode = await engineClass();
        const created = await engineCode.create(ctx, packs, settings, host);
        if (!ctx.isValid) return created.stop();
        engine = created;
        page.attach(engine);
        // The engine now exists: later changes apply to it (and the first scan runs meanwhile).
        void engine.start();
        // Settings may have changed while it compiled.
        await engine.applySettings(settings);
      } else {
        await engine.applySettings(settings, packsChanged ? await loadEnabledPacks() : undefined);
      }
      page.settingsChanged(settings);
    };

    const unwatchSettings = watchSettings((next: Settings) => {
      settings = next;
      void sync(false);
    });
    const unwatchPacks = watchPacks(() => void sync(true));
    ctx.onInvalidated(() => {
      unwatchSettings();
      unwatchPacks();
    });
    await sync(false);
  },
});
