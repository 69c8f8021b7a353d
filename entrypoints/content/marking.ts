/**
 * Marking for a page session: the engine's code (from page-engine.js, see engine-slot.ts) is
 * built over the enabled packs and started; it stops when the session ends.
 */
import type { Pack } from '@/glossary/schema';
import { send } from '@/utils/messages';
import { precompiledMatcher } from '@/utils/packs';
import type { Settings } from '@/utils/settings';
import type { Engine } from './engine';
import { engineClass } from './engine-slot';
import { loadPageScripts } from './load-page-scripts';
import type { PageSession } from './session';

/** The started engine, or null when the session ended while it was being built. */
export async function initMarking(
  session: PageSession,
  packs: readonly Pack[],
  settings: Settings,
): Promise<Engine | null> {
  // The engine comes once the page has something to draw (utils/page-scripts.ts); it may be here
  // already (bundled-pack.ts asked for it while reading the pack).
  const Engine = await engineClass(loadPageScripts('engine'));
  const engine = await Engine.create(
    session,
    packs,
    settings,
    location.hostname,
    precompiledMatcher(packs),
    (texts) => send('gloss:word-starts', { texts }),
  );
  if (!session.isValid) {
    engine.stop();
    return null;
  }
  // The first scan runs in slices meanwhile; the caller goes on wiring the session.
  void engine.start();
  return engine;
}
