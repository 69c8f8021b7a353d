/**
 * The built manifest is what users install and what stores review: it asks for exactly the
 * permissions Gloss needs and nothing that would widen what a page or another extension can reach.
 * Runs after the build (`npm run test:e2e` builds first); it reads GLOSS_OUT_DIR like the launcher.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT_DIR } from '../support/browser.ts';

interface ContentScript {
  matches?: string[];
  exclude_matches?: string[];
  js?: string[];
  css?: string[];
  all_frames?: boolean;
}

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: ContentScript[];
  content_security_policy?: unknown;
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
}

const TARGETS = ['chrome-mv3', 'firefox-mv3'] as const;

for (const target of TARGETS) {
  const file = path.join(OUTPUT_DIR, target, 'manifest.json');
  test.describe(`built manifest (${target})`, () => {
    // The Chrome build is always made before e2e; the Firefox one only by lint:firefox/test:firefox.
    test.skip(
      !existsSync(file),
      `${file} not built (run wxt build${target.startsWith('firefox') ? ' -b firefox --mv3' : ''})`,
    );
    const manifest = (): Manifest => JSON.parse(readFileSync(file, 'utf8')) as Manifest;

    test('asks only for storage, unlimitedStorage, contextMenus and scripting, on the pages it reads', () => {
      const m = manifest();
      expect(m.manifest_version).toBe(3);
      expect([...(m.permissions ?? [])].sort()).toEqual([
        'contextMenus',
        'scripting',
        'storage',
        'unlimitedStorage',
      ]);
      expect(m.optional_permissions ?? []).toEqual([]);
      // scripting brings the popover's and a subframe's engine code when needed; its hosts are
      // exactly the pages the content script runs on already, so the install prompt is the same.
      expect(m.host_permissions).toEqual(['http://*/*', 'https://*/*']);
      expect(m.optional_host_permissions).toBeUndefined();
      // No web page or other extension may message Gloss.
      expect(m.externally_connectable).toBeUndefined();
    });

    test('content scripts run on http(s) pages only; every frame gets the gate alone', () => {
      const scripts = manifest().content_scripts ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) {
        expect(script.matches).toEqual(['http://*/*', 'https://*/*']);
      }
      // A small gate script and the ::highlight() stylesheet in every frame, and nothing else: the
      // main script comes only where the frame's text holds something Gloss would draw (and brings
      // the engine and its data), the popover's code when a reader first points at a mark
      // (utils/page-scripts.ts).
      expect(scripts.map((s) => [s.js ?? s.css, s.all_frames ?? false])).toEqual([
        [['frame-gate.js'], true],
        [['content-scripts/marks.css'], true],
      ]);
    });

    test("the main content script leaves the pack's text, the engine, the fuzzy search and the popover out", () => {
      const code = readFileSync(
        path.join(OUTPUT_DIR, target, 'content-scripts/content.js'),
        'utf8',
      );
      const data = readFileSync(
        path.join(OUTPUT_DIR, target, 'content-scripts/bundled-pack.js'),
        'utf8',
      );
      // A sentence from the pack's description, as it appears escaped in the data script.
      const packText = 'Background notes give checked facts separately';
      expect(data).toContain(packText);
      expect(code).not.toContain(packText);
      // fuse.js names its own errors; selection lookups are answered by the background.
      expect(code).not.toMatch(/Fuse|ignoreLocation|useExtendedSearch/);
      // floating-ui's middleware names itself: it is in the popover's script only.
      const popover = readFileSync(path.join(OUTPUT_DIR, target, 'popover-ui.js'), 'utf8');
      expect(popover).toMatch(/name:\s*[`"']flip[`"']/);
      expect(code).not.toMatch(/name:\s*[`"']flip[`"']/);
      // The marking engine (its highlight names, its observer's notice) is in page-engine.js, and
      // that script carries no extension API code: the polyfill stays in the main script.
      const engine = readFileSync(path.join(OUTPUT_DIR, target, 'page-engine.js'), 'utf8');
      for (const marker of ['gloss-term-underline', 'this page changes too often']) {
        expect(engine).toContain(marker);
        expect(code).not.toContain(marker);
      }
      expect(code).toMatch(/runtime\.onMessage/);
      // The polyfill is bundled as an ES module (wxt.config.ts): no CommonJS interop helper copies
      // the extension API object's properties, which would instantiate every API binding.
      expect(code).toContain('This script should only be loaded in a browser extension');
      expect(code).not.toContain('getOwnPropertyNames');
      expect(engine).not.toMatch(/runtime\.|storage\.|webextension/);
      // What every page and frame compiles: the gate alone (its wait for a frame worth reading,
      // the block walker and one message), without the polyfill, the protocol's schemas or WXT's
      // content script machinery: under a fifth of the main script.
      const gate = readFileSync(path.join(OUTPUT_DIR, target, 'frame-gate.js'), 'utf8');
      expect(gate.length).toBeLessThan(code.length / 5);
      expect(gate).not.toContain('This script should only be loaded in a browser extension');
      expect(gate).not.toContain('malformed reply');
      expect(gate).toContain('gloss:page-text');
      // The story finder comes only to frames whose whole text would open the gate.
      const reader = readFileSync(path.join(OUTPUT_DIR, target, 'story-reader.js'), 'utf8');
      expect(reader).toContain('articleBody');
      expect(gate).not.toContain('articleBody');
    });

    test('no relaxed CSP and no resources exposed to pages', () => {
      const m = manifest();
      if (m.content_security_policy !== undefined) {
        const csp = JSON.stringify(m.content_security_policy);
        expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
      }
      // Pages could fingerprint (or frame) anything listed here; Gloss needs nothing from them.
      expect(m.web_accessible_resources).toBeUndefined();
    });
  });
}
