/**
 * Gloss's page-side scripts hand their code to each other through slots on the isolated world's
 * global (utils/script-slot.ts): the browser runs them in manifest order, but nothing may depend
 * on that for the page to get its marks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { engineClass, provideEngine, type EngineClass } from '@/entrypoints/content/engine-slot';
import { scriptSlot } from '@/utils/script-slot';

const global = globalThis as Record<string, unknown>;

afterEach(() => {
  delete global.__glossEngineClass;
  delete global.__glossTest;
});

describe('a script slot', () => {
  it('gives the value to a script that asks after it was provided', async () => {
    const slot = scriptSlot<number>('__glossTest');
    slot.provide(1);
    expect(await slot.get()).toBe(1);
  });

  it('gives it to every script that asked before, once it is provided', async () => {
    const slot = scriptSlot<number>('__glossTest');
    const first = slot.get();
    const second = slot.get();
    slot.provide(2);
    expect(await Promise.all([first, second])).toEqual([2, 2]);
  });

  it('works across separately loaded copies of the module (one per script)', async () => {
    // Each content script bundles its own copy of script-slot.ts: only the global is shared.
    const asked = scriptSlot<string>('__glossTest').get();
    scriptSlot<string>('__glossTest').provide('shared');
    expect(await asked).toBe('shared');
  });
});

describe('the engine slot', () => {
  it('hands page-engine.js’s Engine class to the main script, in either order', async () => {
    const Engine = class {} as unknown as EngineClass;
    const asked = engineClass();
    provideEngine(Engine);
    expect(await asked).toBe(Engine);
    expect(await engineClass()).toBe(Engine);
  });
});
