/**
 * Heuristics over one block's text for the `skipIn` alias rule: is a match part of a dateline or
 * a postal address rather than prose? Both look only at a few characters around the match, so a
 * block costs nothing more unless an alias with the rule is found in it.
 *
 * Datelines (wire-service and newspaper conventions, AP Stylebook "datelines"; Xinhua's 电头):
 * - a place at the very start of the block followed by a wire credit or a dash:
 *   "SEOUL, South Korea —", "WASHINGTON (Reuters) -", "BEIJING, Nov. 17 (Xinhua) --",
 *   or written in capitals and followed by a comma: "TOKYO, Nov 30 –";
 * - a place near the start followed by a date and 电/電/讯/発: "新华社北京11月17日电";
 * - a place inside 【…】 or （…＝…） credit brackets: "【ソウル=共同】", "(서울=연합뉴스)".
 * Addresses: a place followed by a postal code ("Washington DC 20006", "Washington, D.C. 20036",
 * "Tokyo 100-8919"), or preceded by a Japanese postal mark ("〒100-8919 東京").
 * Locations: a capital that only says where something happened, not who acted — the city, not the
 * government it often stands for:
 * - after "in", "at", "near" or "outside", and followed by a time or a district ("a rally in
 *   Seoul on Thursday", "meetings planned in Washington this week", "the Supreme Court in
 *   Washington, DC"), or by the end of the sentence after a named institution or a thing that
 *   stands somewhere ("the Peterson Institute in Washington.", "a think tank in Washington.");
 *   "the mood in Beijing was pessimistic", "questions were answered in Washington." and
 *   "officials in Tokyo, Seoul and Washington" are the governments and stay;
 * - followed by the locative particle で / 에서 ("ソウルで開かれた集会", "서울에서 열린"), but not
 *   by では / 에서는, which also open a statement about the government ("北京では…との見方");
 * - after 在 and before a verb of holding or meeting ("在北京举行", "在北京会见").
 */

import { isAsciiWordChar, isLetter, isSpace } from './letters.ts';

/** How far into a block a dateline may start (a byline or a short agency name before it). */
const DATELINE_REACH = 24;

const WIRE = String.raw`\((?:AP|Reuters|AFP|Xinhua|Kyodo|Yonhap|Jiji|Bloomberg|CNA|UPI|dpa|EFE)[^)]{0,20}\)`;
/** After an all-capitals place: a comma or a wire credit. */
const AFTER_CAPITALS = new RegExp(String.raw`^\s*(?:,|${WIRE})`, 'u');
/** After any place: ", Region" / ", Nov. 17" (optional), a wire credit (optional), then a dash. */
const AFTER_PLACE = new RegExp(
  String.raw`^(?:,\s*[\p{L}\p{N}. ]{1,30})?\s*(?:${WIRE})?\s*(?:[—–]|-{1,2}\s)`,
  'u',
);
/** A CJK dateline: optional year, month and day, then the wire's "telegraph" character. */
const AFTER_CJK =
  /^\s*(?:[0-9０-９]{4}年)?[0-9０-９]{1,2}月[0-9０-９]{1,2}日\s*(?:电|電|讯|訊|発|發)/u;
const OPEN_BRACKETS = /[【［[]/u;
const CLOSE_BRACKET = /^[^【】［］[\]\n]{0,16}[】］\]]/u;
/** "(서울=연합뉴스)": the place, then = and the agency. */
const AFTER_PAREN_PLACE = /^\s*[=＝]/u;

const ZIP_AFTER = /^,?\s*(?:D\.?\s?C\.?,?\s*)?(?:\d{5}(?:-\d{4})?|\d{3}-\d{4})(?!\d)/u;
const JP_POSTAL_BEFORE = /〒\s*\d{3}-?\d{4}\s*\S{0,6}$/u;

/** After a place: a word of time or occasion, or the District of Columbia. */
const TIME_AFTER =
  /^(?:,?\s+(?:on|this|last|next|earlier|later|in|during|since|until|yesterday|today|tomorrow|tonight|over|for)\b|,?\s*D\.?\s?C\b)/u;
/** After a place: the end of a sentence or clause (a closing quote, not a possessive ’s). */
const END_AFTER = /^\s*(?:[.;:!?)\]"”]|['’](?!s\b)|$)/u;
const PARTICLE_AFTER = /^(?:で(?![はも])|에서(?![는도]))/u;
const ZAI_VERB_AFTER =
  /^(?:举行|舉行|召开|召開|举办|舉辦|开幕|開幕|闭幕|閉幕|会见|會見|会晤|會晤|出席)/u;

function isCapitals(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/** Whether text[start, end) reads as the place of a dateline. */
export function inDateline(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60);
  const before = text.slice(Math.max(0, start - 20), start);
  if (OPEN_BRACKETS.test(before) && CLOSE_BRACKET.test(text.slice(start, end + 16))) {
    const open = Math.max(
      before.lastIndexOf('【'),
      before.lastIndexOf('［'),
      before.lastIndexOf('['),
    );
    const close = Math.max(
      before.lastIndexOf('】'),
      before.lastIndexOf('］'),
      before.lastIndexOf(']'),
    );
    if (open > close) return true;
  }
  if (/[(（]$/u.test(before) && AFTER_PAREN_PLACE.test(after)) return true;
  // Counted from the block's first character the reader sees: HTML indentation is not text.
  let first = 0;
  while (first < start && isSpace(text.charCodeAt(first))) first++;
  if (start - first > DATELINE_REACH) return false;
  if (AFTER_CJK.test(after)) return true;
  // Latin datelines open the block: nothing but spaces before the place.
  if (text.slice(0, start).trim() !== '') return false;
  if (isCapitals(text.slice(start, end)) && AFTER_CAPITALS.test(after)) return true;
  return AFTER_PLACE.test(after);
}

/** Whether text[start, end) reads as the city of a postal address. */
export function inAddress(text: string, start: number, end: number): boolean {
  if (ZIP_AFTER.test(text.slice(end, end + 24))) return true;
  return JP_POSTAL_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/** The words that say where: "in", "at", "near", "outside". */
const LOCATIVES = ['in', 'at', 'near', 'outside'];
/** Things that stand somewhere: "a think tank in Washington." is a place, not the government. */
const SITES = [
  'embassy',
  'embassies',
  'office',
  'offices',
  'headquarters',
  'bureau',
  'tank',
  'tanks',
  'hotel',
  'hospital',
  'airport',
  'campus',
  'rally',
  'protest',
  'protests',
  'conference',
  'museum',
  'studio',
  'school',
  'university',
  'court',
];

/** Where white space (at least one character) that ends text[0, end) starts, or -1. */
function spaceRunBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i < end ? i : -1;
}

/** Whether `word` ends at `end` in `text`, compared as written or ignoring ASCII case. */
function endsWith(text: string, end: number, word: string, anyCase: boolean): boolean {
  const start = end - word.length;
  if (start < 0) return false;
  const piece = text.slice(start, end);
  return anyCase ? piece.toLowerCase() === word : piece === word;
}

/**
 * Where the locative word before the place starts — `before` ends in "in", "at", "near" or
 * "outside" (`anyCase`: in any ASCII case) and then white space — or -1.
 */
function locativeStart(before: string, anyCase: boolean): number {
  const end = spaceRunBefore(before, before.length);
  if (end < 0) return -1;
  const word = LOCATIVES.find((w) => endsWith(before, end, w, anyCase));
  return word === undefined ? -1 : end - word.length;
}

/**
 * `before` ends in "in", "at", "near" or "outside" (any case), as a word of its own (after the
 * start or a character that is not a letter), and white space. Same as the regex
 * `/(?:^|[^\p{L}])(?:in|at|near|outside)\s+$/iu`, which took 5 ms per page to compile.
 */
export function afterLocative(before: string): boolean {
  const start = locativeStart(before, true);
  return start === 0 || (start > 0 && !isLetter(before.charCodeAt(start - 1)));
}

/** Whether a code unit may continue a name: a letter, `.`, `&`, `'`, `’` or `-`. */
function inName(code: number): boolean {
  return (
    code === 0x2e ||
    code === 0x26 ||
    code === 0x27 ||
    code === 0x2019 ||
    code === 0x2d ||
    isLetter(code)
  );
}

/** A capital letter: one that has a lower-case form (`\p{Lu}`, and the few title-case letters). */
function isCapital(text: string, at: number): boolean {
  const ch = text[at]!;
  return ch.toLowerCase() !== ch;
}

/** Whether a regex `\b` (without the `i` flag) lies before text[at]. */
function wordBoundaryAt(text: string, at: number): boolean {
  const before = at > 0 && isAsciiWordChar(text.charCodeAt(at - 1));
  return before !== (at < text.length && isAsciiWordChar(text.charCodeAt(at)));
}

/**
 * Before "in" (lower case): a named institution ("the Peterson Institute in Washington.") or a
 * thing that stands somewhere ("a think tank in Washington."), then an optional comma. Same as the
 * regex `/(?:\b\p{Lu}[\p{L}.&'’-]*|\b(?:embassy|…|court)),?\s+(?:in|at|near|outside)\s+$/u`,
 * which took 10 ms per page to compile. "Questions were answered in Washington." is the
 * government, so a sentence's end alone does not make a place.
 */
export function afterSite(before: string): boolean {
  const locative = locativeStart(before, false);
  if (locative < 0) return false;
  let end = spaceRunBefore(before, locative);
  if (end < 0) return false;
  if (before.charCodeAt(end - 1) === 0x2c) end--;
  if (
    SITES.some(
      (site) => endsWith(before, end, site, false) && wordBoundaryAt(before, end - site.length),
    )
  ) {
    return true;
  }
  let start = end;
  while (start > 0 && inName(before.charCodeAt(start - 1))) start--;
  for (let at = start; at < end; at++) {
    if (isCapital(before, at) && isLetter(before.charCodeAt(at)) && wordBoundaryAt(before, at)) {
      return true;
    }
  }
  return false;
}

/** Whether text[start, end) only says where something happened (see the file's comment). */
export function inLocation(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 16);
  if (PARTICLE_AFTER.test(after)) return true;
  const before = text.slice(Math.max(0, start - 48), start);
  if (before.endsWith('在') && ZAI_VERB_AFTER.test(after)) return true;
  if (!afterLocative(before)) return false;
  return TIME_AFTER.test(after) || (END_AFTER.test(after) && afterSite(before));
}
