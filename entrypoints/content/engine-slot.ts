/**
 * The marking engine's code (matcher, fold tables, scanner, mark store, observer) comes in a
 * content script of its own, `page-engine.js` (see utils/script-slot.ts for why and how): it needs
 * no extension API, and the main script keeps the polyfill, storage and settings. The main script
 * asks for it as it starts (utils/page-scripts.ts).
 */
import { scriptSlot } from '@/utils/script-slot';
import type { Engine } from './engine';

export type EngineClass = typeof Engine;

const slot = scriptSlot<EngineClass>('__glossEngineClass');

/** Called by page-engine.js. */
export const provideEngine = (engine: EngineClass): void => slot.provide(engine);

/**
 * The Engine class, as soon as page-engine.js has run; `load` brings it where the manifest does
 * not (see ScriptSlot.get).
 */
export const engineClass = (load?: () => Promise<unknown>): Promise<EngineClass> => slot.get(load);
