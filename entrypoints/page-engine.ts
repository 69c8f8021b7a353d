/**
 * The marking engine's code, as a content script of its own (listed in the manifest by
 * wxt.config.ts for top frames, before the main one; run in a subframe when it asks): see
 * entrypoints/content/engine-slot.ts for why.
 */
import { probe } from '@/utils/test-probe';
import { Engine } from './content/engine';
import { provideEngine } from './content/engine-slot';

export default defineUnlistedScript(() => {
  probe('page-script', { part: 'engine' });
  provideEngine(Engine);
});
