import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Parallel work (and parallel CI jobs) can build into separate folders.
  outDir: process.env.GLOSS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  }),
  hooks: {
    // The mark styles go in as a manifest stylesheet: ::highlight() rules only, and no <style>
    // element is added to the page.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts ??= [];
      manifest.content_scripts.push({
        matches: ['http://*/*', 'https://*/*'],
        css: ['content-scripts/marks.css'],
        all_frames: true,
        match_about_blank: true,
      });
    },
  },
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description:
      'Explains the terms of East Asian security and diplomacy news while you read. Offline and private.',
    // storage: settings and packs; contextMenus: "Explain … with Gloss"; activeTab + scripting are
    // not needed because the content script already runs on http(s) pages.
    // unlimitedStorage: an imported pack may be larger than storage.local's default 10 MB quota.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
    omnibox: { keyword: 'gloss' },
    commands: {
      'explain-selection': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Explain the selected text with Gloss (or open the search)',
      },
      'next-term': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next marked term',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous marked term',
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
