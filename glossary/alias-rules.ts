/**
 * The rules an alias match must pass on its block's text before it is taken, once its form and
 * case have matched and no `notIn` / neighbour phrase blocks it: CJK word boundaries
 * (cjk-words.ts), `skipIn` datelines, addresses and locations (place-lines.ts), and `inLanguage`
 * (text-language.ts).
 */
import { onCJWordBoundaries } from './cjk-words.ts';
import {
  RULE_ADDRESS,
  RULE_ANY_LANGUAGE,
  RULE_CJ_END,
  RULE_CJ_START,
  RULE_DATELINE,
  RULE_LANGUAGE,
  RULE_LOCATION,
} from './entries.ts';
import { inAddress, inDateline, inLocation } from './place-lines.ts';
import { languageAround } from './text-language.ts';

/** `rules` is an entry's RULE_* bits; text[start, end) is the match, offsets in UTF-16 units. */
export function passesRules(text: string, start: number, end: number, rules: number): boolean {
  const cjStart = (rules & RULE_CJ_START) !== 0;
  const cjEnd = (rules & RULE_CJ_END) !== 0;
  if ((cjStart || cjEnd) && !onCJWordBoundaries(text, start, end, cjStart, cjEnd)) return false;
  if (rules & RULE_DATELINE && inDateline(text, start, end)) return false;
  if (rules & RULE_ADDRESS && inAddress(text, start, end)) return false;
  if (rules & RULE_LOCATION && inLocation(text, start, end)) return false;
  if (rules & RULE_ANY_LANGUAGE) {
    const language = languageAround(text, start, end);
    if (language !== null && (rules & RULE_LANGUAGE[language]) === 0) return false;
  }
  return true;
}
