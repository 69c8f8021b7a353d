/**
 * The background's verdict on a frame's text (entrypoints/background/page-gate.ts): it reads all
 * the chunks a frame has handed over together, and asks the gates again only when the packs
 * change or Gloss is switched on or off.
 */
import { GATE_GLOBAL } from '@/utils/page-scripts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  askGatesAgain,
  mayDrawIn,
  onPageText,
  resetPageGate,
  siteSwitchChanged,
} from '@/entrypoints/background/page-gate';
import { forgetEnabledPacks } from '@/entrypoints/background/enabled-packs';
import { resolveSettings } from '@/utils/settings';

beforeEach(() => {
  fakeBrowser.reset();
  // The fake has no tabs.sendMessage; the gates' side is in gate.e2e.ts.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  forgetEnabledPacks();
  resetPageGate();
});

describe('the verdict on a frame', () => {
  it('adds up what the frame handed over in earlier chunks', async () => {
    // Three context entries (capitals), one per chunk: too few in any chunk alone.
    expect(await mayDrawIn('Officials in Tokyo said little.', 'frame-1')).toBe(false);
    expect(await mayDrawIn('Beijing was quiet.', 'frame-1')).toBe(false);
    expect(await mayDrawIn('So was Seoul.', 'frame-1')).toBe(true);
    // Another frame's text is its own.
    expect(await mayDrawIn('So was Seoul.', 'frame-2')).toBe(false);
    expect(await mayDrawIn('So was Seoul.')).toBe(false);
  });

  it('starts again when the packs change', async () => {
    await mayDrawIn('Officials in Tokyo said little.', 'frame-1');
    await mayDrawIn('Beijing was quiet.', 'frame-1');
    forgetEnabledPacks();
    resetPageGate();
    expect(await mayDrawIn('So was Seoul.', 'frame-1')).toBe(false);
  });

  it('opens at once for a key term', async () => {
    expect(await mayDrawIn('Patrol ships neared the Senkaku Islands.', 'frame-1')).toBe(true);
  });
});

describe('the two readings of a frame: its whole text, then its story', () => {
  const sender = { tab: { id: 7 }, frameId: 0, documentId: 'doc-1', url: 'https://example.com/a' };
  const injected = () =>
    vi
      .mocked(fakeBrowser.scripting.executeScript)
      .mock.calls.map(([injection]) => (injection as { files?: string[] }).files)
      // Not the gates asked again (resetPageGate), which run a function.
      .filter((files) => files !== undefined);

  beforeEach(() => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(undefined as never);
  });

  it('runs the story reader when the whole text would open, and the main script when the story does', async () => {
    expect(await onPageText('Menu: the Senkaku Islands', false, sender)).toEqual({
      on: true,
      loaded: false,
      readStory: true,
    });
    expect(injected()).toEqual([['/story-reader.js']]);
    // The menu's key term does not count for the story: the story's own text decides.
    expect(await onPageText('Halibut season opens early.', true, sender)).toEqual({
      on: true,
      loaded: false,
      readStory: false,
    });
    expect(await onPageText('Ships neared the Senkaku Islands.', true, sender)).toEqual({
      on: true,
      loaded: true,
      readStory: false,
    });
    expect(injected()).toEqual([['/story-reader.js'], ['/content-scripts/content.js']]);
  });

  it('runs nothing for a whole text with nothing to draw', async () => {
    expect(await onPageText('Halibut season opens early.', false, sender)).toEqual({
      on: true,
      loaded: false,
      readStory: false,
    });
    expect(injected()).toEqual([]);
  });
});

describe('asking the gates again', () => {
  it("runs the gate's judgeAgain in every frame of every tab; a tab Gloss may not read stops nothing", async () => {
    const first = await fakeBrowser.tabs.create({ url: 'chrome://settings' });
    const second = await fakeBrowser.tabs.create({ url: 'https://example.com/b' });
    const asked: number[] = [];
    const judged: number[] = [];
    let frameOf = -1;
    const handle = { judgeAgain: () => judged.push(frameOf) };
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: {
      target: { tabId: number; allFrames?: boolean };
      func: (...args: unknown[]) => unknown;
      args: unknown[];
    }) => {
      expect(injection.target.allFrames).toBe(true);
      asked.push(injection.target.tabId);
      if (injection.target.tabId === first.id) throw new Error('Cannot access a chrome:// URL');
      // The function runs in the frame's isolated world, where the gate keeps its handle.
      (globalThis as Record<string, unknown>)[GATE_GLOBAL] = handle;
      frameOf = injection.target.tabId;
      try {
        return [{ frameId: 0, result: injection.func(...injection.args) }];
      } finally {
        delete (globalThis as Record<string, unknown>)[GATE_GLOBAL];
      }
    }) as never);
    await askGatesAgain();
    expect(asked).toContain(first.id);
    expect(asked).toContain(second.id);
    expect(judged).toContain(second.id);
    expect(judged).not.toContain(first.id);
  });
});

describe('switching Gloss on or off', () => {
  const settings = (overrides: object) => resolveSettings(overrides);

  it('asks again when Gloss is switched on or off, everywhere or for a site', () => {
    expect(siteSwitchChanged(settings({ enabled: false }), settings({}))).toBe(true);
    expect(siteSwitchChanged(settings({}), settings({ enabled: false }))).toBe(true);
    const off = settings({ disabledSites: ['example.com'] });
    expect(siteSwitchChanged(off, settings({ disabledSites: [] }))).toBe(true);
    expect(siteSwitchChanged(settings({}), off)).toBe(true);
    expect(siteSwitchChanged(off, settings({ disabledSites: ['example.org'] }))).toBe(true);
  });

  it('not when another setting changes', () => {
    expect(siteSwitchChanged(settings({}), settings({ density: 'all' }))).toBe(false);
    const off = settings({ disabledSites: ['example.com'] });
    expect(
      siteSwitchChanged(off, settings({ disabledSites: ['example.com'], density: 'all' })),
    ).toBe(false);
  });
});
