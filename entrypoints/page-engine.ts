/**
 * The marking engine's code, as a content script of its own (listed in the manifest by
 * wxt.config.ts, before the main one): see entrypoints/content/engine-slot.ts for why.
 */
import { Engine } from './content/engine';
import { provideEngine } from './content/engine-slot';

export default defineUnlistedScript(() => {
  provideEngine(Engine);
});
