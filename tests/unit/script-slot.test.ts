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

describe('a script slot that can load its script', () => {
  it('loads the script once for every caller, and gives each the value it provided', async () => {
    const slot = scriptSlot<string>('__glossTest');
    let loads = 0;
    const load = async () => {
      loads++;
      await Promise.resolve();
      slot.provide('loaded');
    };
    expect(await Promise.all([slot.get(load), slot.get(load)])).toEqual(['loaded', 'loaded']);
    expect(await slot.get(load)).toBe('loaded');
    expect(loads).toBe(1);
  });

  it('does not load what was already provided', async () => {
    const slot = scriptSlot<string>('__glossTest');
    slot.provide('listed');
    const load = () => Promise.reject(new Error('should not be called'));
    expect(await slot.get(load)).toBe('listed');
  });

  it('rejects with the loader’s error, and tries again on the next call', async () => {
    const slot = scriptSlot<string>('__glossTest');
    await expect(slot.get(() => Promise.reject(new Error('frame gone')))).rejects.toThrow(
      'frame gone',
    );
    const again = slot.get(async () => slot.provide('second try'));
    expect(await again).toBe('second try');
  });

  it('rejects when the loaded script did not provide the value', async () => {
    const slot = scriptSlot<string>('__glossTest');
    await expect(slot.get(() => Promise.resolve())).rejects.toThrow(/not provided/);
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
