import { browser } from 'wxt/browser';
import { parseBackgroundMessage } from '@/utils/messages';
import { bundledPackText } from '@/utils/bundled-pack';
import { watchPacks } from '@/utils/packs';
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
      title: 'Explain “%s” with Gloss',
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenu(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  browser.omnibox.setDefaultSuggestion({ description: 'Search the Gloss glossary' });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    void omniboxSuggestions(text).then(suggest);
  });
  browser.omnibox.onInputEntered.addListener((text) => void onOmniboxEntered(text));
  watchPacks(resetSearch);

  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = parseBackgroundMessage(raw, sender, browser.runtime.id);
    if (!message) return undefined;
    switch (message.type) {
      case 'gloss:open-glossary':
        return openGlossary(message);
      case 'gloss:open-options':
        return browser.runtime.openOptionsPage();
      case 'gloss:resolve-selection':
        return resolveSelectionText(message.text);
      case 'gloss:bundled-pack':
        return bundledPackText();
    }
  });

  // Tests drive the same handlers the browser calls (there is no way to click a context menu or
  // press a global shortcut from Playwright); nothing else reads this.
  Object.assign(globalThis, {
    glossHandlers: { onContextMenu, onCommand, omniboxSuggestions, onOmniboxEntered },
  });
});
