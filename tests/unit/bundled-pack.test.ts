/**
 * The bundled pack reaches pages through a data-only content script (see utils/bundled-pack.ts):
 * the content script takes its text from there, and asks the background only when it is missing.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { bundledPackText, takeBundledMatcherData } from '@/utils/bundled-pack';
import {
  BUNDLED_MATCHER_GLOBAL,
  BUNDLED_PACK_GLOBAL,
  bundledPackScript,
} from '@/utils/bundled-pack-script';

const json = readFileSync(
  new URL('../../glossary/packs/japan-autonomy.json', import.meta.url),
  'utf8',
);
const global = globalThis as Record<string, unknown>;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  delete global[BUNDLED_PACK_GLOBAL];
  delete global[BUNDLED_MATCHER_GLOBAL];
});

describe('the data script', () => {
  it('leaves exactly the pack text and the matcher text on the global it runs in', () => {
    const sandbox: Record<string, unknown> = {};
    sandbox.globalThis = sandbox;
    const matcher = { format: 1, termIds: ['a', 'b'], edgeStart: 'AAAA' };
    vm.runInNewContext(bundledPackScript(json, matcher), sandbox);
    expect(sandbox[BUNDLED_PACK_GLOBAL]).toBe(json);
    expect(JSON.stringify(sandbox[BUNDLED_MATCHER_GLOBAL])).toBe(JSON.stringify(matcher));
  });

  it('is written in ASCII alone, so the browser holds it in one-byte characters', () => {
    const text = JSON.stringify({ aliases: ['国会', '서울', 'Ōsaka', '“quoted”', '😀'] });
    const script = bundledPackScript(text, { exact: { 0: '北京' } });
    expect(script).toMatch(/^[\0-\x7f]*$/);
    const sandbox: Record<string, unknown> = {};
    sandbox.globalThis = sandbox;
    vm.runInNewContext(script, sandbox);
    expect(sandbox[BUNDLED_PACK_GLOBAL]).toBe(text);
    expect(sandbox[BUNDLED_MATCHER_GLOBAL]).toEqual({ exact: { 0: '北京' } });
  });

  it('stays one inert string literal whatever the text holds', () => {
    const hostile = '"; globalThis.pwned = 1; "\u2028</script>`${x}`\\';
    const sandbox: Record<string, unknown> = {};
    sandbox.globalThis = sandbox;
    vm.runInNewContext(bundledPackScript(hostile, { exact: { 0: hostile } }), sandbox);
    expect(sandbox[BUNDLED_PACK_GLOBAL]).toBe(hostile);
    expect(sandbox[BUNDLED_MATCHER_GLOBAL]).toEqual({ exact: { 0: hostile } });
    expect(sandbox.pwned).toBeUndefined();
  });
});

describe('in the content script', () => {
  it('takes the build-time matcher once, and nothing that is not an object', () => {
    vi.stubEnv('ENTRYPOINT', 'content');
    global[BUNDLED_MATCHER_GLOBAL] = { format: 1 };
    expect(takeBundledMatcherData()).toEqual({ format: 1 });
    expect(BUNDLED_MATCHER_GLOBAL in global).toBe(false);
    expect(takeBundledMatcherData()).toBeNull();
    global[BUNDLED_MATCHER_GLOBAL] = '{"format":1}';
    expect(takeBundledMatcherData()).toBeNull();
  });

  it('takes the text the data script left, once, and asks nobody', async () => {
    vi.stubEnv('ENTRYPOINT', 'content');
    const send = vi.spyOn(browser.runtime, 'sendMessage');
    global[BUNDLED_PACK_GLOBAL] = json;
    expect(await bundledPackText()).toBe(json);
    expect(send).not.toHaveBeenCalled();
    // Released: the parsed pack is what stays in memory.
    expect(BUNDLED_PACK_GLOBAL in global).toBe(false);
  });

  it('asks the background when the data script did not run', async () => {
    vi.stubEnv('ENTRYPOINT', 'content');
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(json as never);
    expect(await bundledPackText()).toBe(json);
    expect(send).toHaveBeenCalledWith({ type: 'gloss:bundled-pack' });
  });

  it('in a subframe, has the data script run with the engine first, and reads it from there', async () => {
    vi.stubEnv('ENTRYPOINT', 'content');
    vi.stubGlobal('window', { top: {} });
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async () => {
      global[BUNDLED_PACK_GLOBAL] = json; // what running content-scripts/bundled-pack.js does
      return null;
    }) as never);
    try {
      expect(await bundledPackText()).toBe(json);
      expect(send).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenCalledWith({ type: 'gloss:load-scripts', part: 'engine' });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('fails clearly when nobody has it', async () => {
    vi.stubEnv('ENTRYPOINT', 'content');
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await expect(bundledPackText()).rejects.toThrow('the bundled glossary is unavailable');
  });
});

it('everywhere else, the text is part of the bundle', async () => {
  global[BUNDLED_PACK_GLOBAL] = 'not this';
  expect(await bundledPackText()).toBe(json);
});
