import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { on } from '@/utils/messages';
import { bundledPackText } from '@/utils/bundled-pack';
import { wordStarts } from '@/glossary/cjk-words';
import { watchPacks } from '@/utils/packs';
import { forgetEnabledPacks } from './enabled-packs';
import { runPageScripts } from './page-scripts';
import { askGatesAgain, onPageText, resetPageGate, siteSwitchChanged } from './page-gate';
import { resolveSettings, settingsItem } from '@/utils/settings';
import {
  MENU_ID,
  omniboxSuggestions,
  onCommand,
  onContextMenu,
  onOmniboxEntered,
  openGlossary,
  resetSearch,
  resolveSelectionText,
} from './lookups';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: i18n.t('ext.menuExplain'),
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenu(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  browser.omnibox.setDefaultSuggestion({ description: i18n.t('ext.omniboxDefault') });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    void omniboxSuggestions(text).then(suggest);
  });
  browser.omnibox.onInputEntered.addListener((text) => void onOmniboxEntered(text));
  watchPacks(() => {
    forgetEnabledPacks();
    resetSearch();
    resetPageGate();
  });
  settingsItem().watch((after, before) => {
    if (siteSwitchChanged(resolveSettings(before), resolveSettings(after))) void askGatesAgain();
  });

  on('background', {
    'gloss:open-glossary': async ({ termId, query }) => {
      await openGlossary({ termId, query });
      return null;
    },
    'gloss:resolve-selection': ({ text }) => resolveSelectionText(text),
    'gloss:bundled-pack': () => bundledPackText(),
    'gloss:word-starts': ({ texts }) => texts.map(wordStarts),
    'gloss:load-scripts': ({ part }, sender) => runPageScripts(part, sender),
    'gloss:page-text': ({ text, story }, sender) => onPageText(text, story ?? false, sender),
  });

  // End-to-end tests drive the handlers the browser calls (Playwright cannot click a context
  // menu or press a browser shortcut). Only a test build (GLOSS_TEST_BUILD=1) has this line.
  if (import.meta.env.GLOSS_TEST_BUILD) {
    Object.assign(globalThis, {
      glossHandlers: { onContextMenu, onCommand, omniboxSuggestions, onOmniboxEntered },
    });
  }
});
