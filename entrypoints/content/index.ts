import { loadEnabledPacks, watchPacks } from '@/utils/packs';
import { isOnFor, loadSettings, watchSettings, type Settings } from '@/utils/settings';
import { Engine } from './engine';
import { initPage } from './page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  // The popover's CSS goes into its shadow root as a string; nothing is injected into the page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Browsers without the CSS Custom Highlight API get nothing rather than a broken page.
    if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return;
    const host = location.hostname;
    let settings = await loadSettings();
    let engine: Engine | null = null;
    const page = initPage(
      ctx,
      () => engine,
      () => settings,
    );

    const sync = async (packsChanged: boolean) => {
      if (!isOnFor(settings, host)) {
        engine?.stop();
        engine = null;
      } else if (!engine) {
        engine = new Engine(ctx, await loadEnabledPacks(), settings, host);
        page.attach(engine);
        await engine.start();
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
