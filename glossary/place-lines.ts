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
 */

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
  if (start > DATELINE_REACH) return false;
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
