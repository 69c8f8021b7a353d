/**
 * The marking engine's code, as a content script of its own (run in a frame when its main script
 * asks, utils/page-scripts.ts): see
 * entrypoints/content/engine-slot.ts for why.
 */
import { probe } from '@/utils/test-probe';
import { Engine } from './content/engine';
import { provideEngine } from './content/engine-slot';

export default defineUnlistedScript(() => {
  probe('page-script', { part: 'engine' });
  provideEngine(Engine);
});
