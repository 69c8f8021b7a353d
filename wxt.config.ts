import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { bundledMatcherModule, bundledPackData } from './utils/bundled-matcher-build';
import { BUNDLED_PACK_SCRIPT, FRAME_GATE_SCRIPT, MARKS_STYLESHEET } from './utils/page-scripts';

const PAGES = ['http://*/*', 'https://*/*'];

/** A manifest content-script entry for every frame of the pages Gloss reads. */
function onPages(files: { js: string[] } | { css: string[] }) {
  return { matches: PAGES, ...files, all_frames: true, match_about_blank: true };
}

/**
 * webextension-polyfill is a UMD file. Imported as CommonJS, the bundler's interop copies every
 * property of its export, which in Chromium 156 is the native `browser` object: that instantiates
 * every extension API binding (`app`, `dom`, `i18n`, …) in each page and frame, a few ms of every
 * page's first Gloss task (seen in traces as `get app < __copyProps < __toESM`). Taken through the
 * UMD's no-module-system branch instead, with its export handed to an ES default export (and not
 * to `globalThis.browser`, which may be read-only), nothing is copied.
 */
function polyfillAsEsModule(): Plugin {
  const GLOBAL_BRANCH = 'global.browser = mod.exports;';
  return {
    name: 'gloss:polyfill-as-es-module',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('webextension-polyfill/dist/browser-polyfill.js'))
        return;
      // A new polyfill release with another wrapper must be looked at, not silently mis-bundled.
      if (!code.includes(GLOBAL_BRANCH)) throw new Error(`${id}: UMD wrapper changed`);
      return {
        code: [
          'const define = undefined;',
          'let polyfill;',
          code.replace(GLOBAL_BRANCH, 'polyfill = mod.exports;'),
          'export default polyfill;',
        ].join('\n'),
        map: null,
      };
    },
  };
}

/**
 * The marks' stylesheet (entrypoints/marks.content.css) sets its ::highlight() rules on :root,
 * which Chromium hands down through highlight inheritance. Firefox (153 ESR, checked by painting a
 * nested highlight) does not inherit highlight styles, so its build matches every element.
 */
function highlightRulesForFirefox(): Plugin {
  return {
    name: 'gloss:highlight-rules-for-firefox',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').split('?')[0]!.endsWith('/entrypoints/marks.content.css')) return;
      if (!code.includes(':root::highlight(')) throw new Error(`${id}: no :root::highlight() rule`);
      return { code: code.replaceAll(':root::highlight(', '::highlight('), map: null };
    },
  };
}

export default defineConfig({
  // Parallel work (and parallel CI jobs) can build into separate folders.
  outDir: process.env.GLOSS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // The sources zip (for Firefox's review) holds the project, not what a local run left behind.
  zip: {
    excludeSources: [
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'corpus-results/**',
      'demo.png',
      '.output-*/**',
      'web-ext-artifacts/**',
    ],
  },
  vite: ({ browser }) => ({
    plugins: [
      preact({ devToolsEnabled: false, prefreshEnabled: false }),
      polyfillAsEsModule(),
      bundledMatcherModule(),
      ...(browser === 'firefox' ? [highlightRulesForFirefox()] : []),
    ],
    // The end-to-end tests' build (GLOSS_TEST_BUILD=1) exposes probes; see utils/build-env.d.ts.
    // GLOSS_NO_MINIFY=1 keeps function names, for reading profiles (scripts/profile-page.ts).
    ...(process.env.GLOSS_NO_MINIFY === '1' ? { build: { minify: false } } : {}),
    define: {
      'import.meta.env.GLOSS_TEST_BUILD': JSON.stringify(process.env.GLOSS_TEST_BUILD === '1'),
    },
  }),
  hooks: {
    // The bundled pack's text goes to pages in a data-only content script that runs just before the
    // main one, in its own task (see utils/bundled-pack.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push({
        relativeDest: BUNDLED_PACK_SCRIPT,
        // Without the indentation, and without the source text (only the glossary page shows
        // it): the browser compiles this script on every page.
        contents: bundledPackData(),
      });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts ??= [];
      // Every frame gets the gate and the marks' stylesheet (::highlight() rules only; no <style>
      // element is added to the page; see MARKS_STYLESHEET for why from the start): the main
      // script, the engine and its data, and the popover's code come when the frame needs them
      // (utils/page-scripts.ts).
      manifest.content_scripts.push(onPages({ js: [FRAME_GATE_SCRIPT] }));
      manifest.content_scripts.push(onPages({ css: [MARKS_STYLESHEET] }));
    },
  },
  manifest: ({ browser }) => ({
    // Words come from locales/*.yml (@wxt-dev/i18n); the browser's UI language chooses.
    default_locale: 'en',
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    // storage: settings and packs; contextMenus: "Explain … with Gloss".
    // unlimitedStorage: an imported pack may be larger than storage.local's default 10 MB quota.
    // scripting, with host permissions for the pages the content script already runs on (so the
    // browser's install prompt says nothing new): a frame gets the popover's code, and a subframe
    // the engine, only when it needs them (utils/page-scripts.ts).
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting'],
    host_permissions: PAGES,
    omnibox: { keyword: 'gloss' },
    commands: {
      'explain-selection': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_ext_commandExplain__',
      },
      'next-term': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_ext_commandNext__',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_ext_commandPrevious__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions needs Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
