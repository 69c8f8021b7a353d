/**
 * The interface's language for everything that is not a catalog string: numbers and dates are
 * formatted for the browser's UI language (the same one that chose the messages), and pack text is
 * labelled with its own language so screen readers pronounce it and CJK glyphs are chosen right.
 */
import { i18n } from '#i18n';

/**
 * The language of the catalog the browser chose for its UI language ("ja", "zh-TW"), so numbers
 * and dates read in the same language as the words around them. (Headless Chromium started with
 * --lang=ja answers getUILanguage() with "en-US" while it serves the Japanese messages.)
 */
export function uiLocale(): string {
  return i18n.t('ext.locale') || 'en';
}

let numbers: Intl.NumberFormat | undefined;
let dates: Intl.DateTimeFormat | undefined;

export function formatNumber(value: number): string {
  numbers ??= new Intl.NumberFormat(uiLocale());
  return numbers.format(value);
}

/** A pack's ISO date ("2026-11-25") as the reader writes dates; the text itself when not a date. */
export function formatDate(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(time)) return isoDate;
  dates ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeZone: 'UTC' });
  return dates.format(time);
}

/** Sets <html lang> and the title of an extension page from the UI language. */
export function labelDocument(title: string) {
  document.documentElement.lang = uiLocale();
  document.title = title;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * The language of one alias when its script says more than the pack's tag: kana is Japanese,
 * hangul Korean. Han alone may be Chinese or Japanese (尖閣諸島, 钓鱼岛), so it is tagged by script
 * only ("und-Hani") unless the pack itself is a Chinese or Japanese one. Undefined: the pack's own.
 */
export function aliasLang(text: string, packLang: string): string | undefined {
  const base = packLang.toLowerCase().split('-')[0];
  if (KANA.test(text)) return base === 'ja' ? undefined : 'ja';
  if (HANGUL.test(text)) return base === 'ko' ? undefined : 'ko';
  if (HAN.test(text)) return base === 'ja' || base === 'zh' ? undefined : 'und-Hani';
  if (LATIN.test(text) && (base === 'ja' || base === 'zh' || base === 'ko')) return 'und-Latn';
  return undefined;
}
