/**
 * Unit and DOM tests render components that take their words from the catalogs: the fake browser
 * answers browser.i18n from locales/en.yml, as Chromium does from the built _locales/en.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

const messages = generateChromeMessages(await parseMessagesFile('locales/en.yml'));

fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | (string | number)[]) => {
  const message = messages[key]?.message ?? '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
};
fakeBrowser.i18n.getUILanguage = () => 'en';
