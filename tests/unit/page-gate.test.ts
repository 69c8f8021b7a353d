/**
 * The background's verdict on a frame's text (entrypoints/background/page-gate.ts): it reads all
 * the chunks a frame has handed over together, and asks the gates again only when the packs
 * change or Gloss is switched on or off.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  askGatesAgain,
  mayDrawIn,
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

describe('asking the gates again', () => {
  it('asks every tab, and a tab without Gloss does not stop the rest', async () => {
    const first = await fakeBrowser.tabs.create({ url: 'https://example.com/a' });
    const second = await fakeBrowser.tabs.create({ url: 'https://example.com/b' });
    const asked: number[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId, message) => {
      expect(message).toEqual({ type: 'gloss:judge-again' });
      asked.push(tabId);
      if (tabId === first.id) throw new Error('Could not establish connection.');
    });
    await askGatesAgain();
    expect(asked).toContain(first.id);
    expect(asked).toContain(second.id);
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
