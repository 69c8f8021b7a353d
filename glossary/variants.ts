/**
 * The forms an alias is compiled to. Variants are generated once, when the pack is compiled, so
 * the scan over the page stays a plain trie walk (ARCHITECTURE.md, design decision 3).
 */
import { hasLetter, isLetter } from './letters.ts';
import { IGNORABLE, SEPARATOR, fold, foldKeepCase, foldTables } from './normalize.ts';

const SEP = String.fromCharCode(SEPARATOR);
const IGN = String.fromCharCode(IGNORABLE);
/** Long aliases with many spelling choices per word would multiply; past this, stop. */
const MAX_FORMS = 32;

/** British/American pairs that are whole words (a prefix rule would turn "centred" into "centerd"). */
const WORD_PAIRS: readonly (readonly [string, string])[] = [
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['licence', 'license'],
  ['pretence', 'pretense'],
  ['centre', 'center'],
  ['theatre', 'theater'],
  ['fibre', 'fiber'],
  ['calibre', 'caliber'],
  ['litre', 'liter'],
  ['programme', 'program'],
  ['catalogue', 'catalog'],
  ['analogue', 'analog'],
  ['manoeuvre', 'maneuver'],
  ['grey', 'gray'],
  ['ageing', 'aging'],
  ['judgement', 'judgment'],
  ['aluminium', 'aluminum'],
];

/** Stems spelt -our in British English; derived words ("neighbourhood", "armoured") follow. */
const OUR_STEMS = [
  'armour',
  'behaviour',
  'candour',
  'clamour',
  'colour',
  'endeavour',
  'favour',
  'flavour',
  'harbour',
  'honour',
  'humour',
  'labour',
  'neighbour',
  'odour',
  'rumour',
  'saviour',
  'splendour',
  'valour',
  'vapour',
  'vigour',
];

const ISE = ['ise', 'ised', 'ises', 'ising', 'isation', 'isations', 'iser', 'isers'];
const YSE = ['yse', 'ysed', 'yses', 'ysing', 'yser'];
const IZE = ISE.map(z);
const YZE = YSE.map(z);

function z(suffix: string): string {
  return suffix.replace('s', 'z');
}

/** One spelling change: replace `remove` characters at `at` with `insert` (lowercase). */
interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Whether a code unit changes when folded: a capital (surrogates never do). */
function isUpper(code: number): boolean {
  return foldTables().foldStep[code] !== 0;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when every letter is a capital ("RAA", "SELF-DEFENCE"). */
function allUpper(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHigh(code) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      // An astral letter has no capital that folds: only a non-letter passes.
      if (hasLetter(text.slice(i, i + 2))) return false;
      i++;
    } else if (!isUpper(code) && isLetter(code)) return false;
  }
  return true;
}

/** UTF-16 length of the letters of `text`. */
function letterLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHigh(code) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      if (hasLetter(text.slice(i, i + 2))) length += 2;
      i++;
    } else if (isLetter(code)) length++;
  }
  return length;
}

/** Applies an edit keeping the case of what it replaces ("Defence" → "Defense", "DEFENCE" → "DEFENSE"). */
function applyEdit(word: string, { at, remove, insert }: Edit): string {
  const replaced = word.slice(at, at + remove);
  const shout = replaced !== '' && allUpper(replaced) && (replaced.length > 1 || allUpper(word));
  let cased = '';
  for (let k = 0; k < insert.length; k++) {
    const upper = shout || (k < replaced.length && isUpper(replaced.charCodeAt(k)));
    cased += upper ? insert[k]!.toUpperCase() : insert[k];
  }
  return word.slice(0, at) + cased + word.slice(at + remove);
}

function suffixSwap(
  edits: Edit[],
  low: string,
  suffixes: readonly string[],
  from: string,
  to: string,
): void {
  for (const suffix of suffixes) {
    // A short stem means a word like "rise", "wise" or "size", not a verb in -ise/-ize.
    if (low.endsWith(suffix) && low.length - suffix.length >= 3) {
      edits.push({ at: low.length - suffix.length, remove: from.length, insert: to });
    }
  }
}

/** The whole-word edits of WORD_PAIRS, both ways, by the word (and its plural) they apply to. */
let pairEdits: Map<string, Edit[]> | undefined;
/** OUR_STEMS by their first three letters, which the American spelling shares. */
let stemsByStart: Map<string, string[]> | undefined;

function buildLookups(): void {
  pairEdits = new Map();
  for (const [british, american] of WORD_PAIRS) {
    for (const [a, b] of [
      [british, american],
      [american, british],
    ] as const) {
      for (const word of [a, `${a}s`]) {
        const edits = pairEdits.get(word) ?? [];
        edits.push({ at: 0, remove: a.length, insert: b });
        pairEdits.set(word, edits);
      }
    }
  }
  stemsByStart = new Map();
  for (const stem of OUR_STEMS) {
    const start = stem.slice(0, 3);
    stemsByStart.set(start, [...(stemsByStart.get(start) ?? []), stem]);
  }
}

function spellingEdits(low: string): Edit[] {
  if (pairEdits === undefined || stemsByStart === undefined) buildLookups();
  const edits: Edit[] = [...(pairEdits!.get(low) ?? [])];
  for (const stem of stemsByStart!.get(low.slice(0, 3)) ?? []) {
    const us = stem.slice(0, -2) + 'r';
    if (low.startsWith(stem)) edits.push({ at: stem.length - 3, remove: 3, insert: 'or' });
    else if (low.startsWith(us)) edits.push({ at: us.length - 2, remove: 2, insert: 'our' });
  }
  suffixSwap(edits, low, ISE, 'is', 'iz');
  suffixSwap(edits, low, IZE, 'iz', 'is');
  suffixSwap(edits, low, YSE, 'ys', 'yz');
  suffixSwap(edits, low, YZE, 'yz', 'ys');
  return edits;
}

/** Spelling choices per word (case kept), shared by every alias that has the word. */
const choiceCache = new Map<string, readonly string[]>();
const CHOICE_CACHE_SIZE = 50_000;

/** The word and its other spellings, in the case it is written. */
function spellings(word: string): readonly string[] {
  let choices = choiceCache.get(word);
  if (choices === undefined) {
    const edits = spellingEdits(fold(word));
    choices = edits.length === 0 ? [word] : [word, ...edits.map((edit) => applyEdit(word, edit))];
    if (choiceCache.size >= CHOICE_CACHE_SIZE) choiceCache.clear();
    choiceCache.set(word, choices);
  }
  return choices;
}

function isAsciiLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/**
 * Plural forms of the last word. None for CJK, digits or punctuation, for words that already end
 * in a plural -s ("Forces", "Islands"), or for a lone two-letter word.
 */
function plurals(word: string, alone: boolean): string[] {
  const low = fold(word);
  if (!isAsciiLower(low.charCodeAt(low.length - 1))) return [];
  // Acronyms take a bare lowercase "s" ("RAAs"); "US" must not become "uses".
  if (allUpper(word) && letterLength(word) >= 2) return low.endsWith('s') ? [] : [word + 's'];
  if (alone && low.length < 3) return [];
  if (/(?:ss|us|x|z|ch|sh)$/.test(low)) return [word + 'es'];
  if (low.endsWith('is')) return [applyEdit(word, { at: low.length - 2, remove: 2, insert: 'es' })];
  if (low.endsWith('s')) return [];
  if (/[^aeiou]y$/.test(low))
    return [applyEdit(word, { at: low.length - 1, remove: 1, insert: 'ies' })];
  return [word + 's'];
}

/** Folds (case kept), drops ignorables and collapses separator runs: the form the trie stores. */
export function normalizeAlias(text: string): string {
  return aliasWords(text).join(SEP);
}

/** The words of `normalizeAlias(text)`. */
function aliasWords(text: string): string[] {
  let folded = foldKeepCase(text);
  if (folded.includes(IGN)) folded = folded.replaceAll(IGN, '');
  return folded.split(SEP).filter((word) => word !== '');
}

function product(choices: readonly (readonly string[])[]): string[] {
  let forms = [''];
  for (const [i, options] of choices.entries()) {
    const next: string[] = [];
    for (const form of forms) {
      for (const option of options) {
        if (next.length < MAX_FORMS) next.push(i === 0 ? option : form + SEP + option);
      }
    }
    forms = next;
  }
  return forms;
}

/** A dash between letters or digits: "lock-on" is also written "lockon". */
const JOINING_DASH = /(?<=[\p{L}\p{N}])[\p{Pd}\u2212](?=[\p{L}\p{N}])/gu;

function isSingle(options: readonly string[]): boolean {
  return options.length === 1;
}

/**
 * The alias's own form first, then its generated variants (spelling, plural, "lock-on" written
 * "lockon"), all folded with case kept and without duplicates. Empty when nothing is left.
 */
export function aliasForms(text: string, withPlurals = true): string[] {
  const joined = text.replace(JOINING_DASH, '');
  if (joined === text) {
    // Most aliases: no dash to join and one spelling per word, so one form and its plural.
    const words = aliasWords(text);
    if (words.length === 0) return [];
    const choices = words.map(spellings);
    if (choices.every(isSingle)) {
      const form = words.join(SEP);
      if (!withPlurals) return [form];
      const cut = form.lastIndexOf(SEP) + 1;
      const word = form.slice(cut);
      const forms = [form];
      for (const plural of plurals(word, cut === 0)) {
        if (plural !== word) forms.push(form.slice(0, cut) + plural);
      }
      return forms;
    }
  }
  const bases = joined === text ? [text] : [text, joined];
  const forms = new Set<string>();
  for (const base of bases) {
    const words = aliasWords(base);
    if (words.length === 0) continue;
    const choices = words.map(spellings);
    for (const form of product(choices)) {
      forms.add(form);
      if (!withPlurals) continue;
      const cut = form.lastIndexOf(SEP) + 1;
      for (const plural of plurals(form.slice(cut), cut === 0))
        forms.add(form.slice(0, cut) + plural);
    }
  }
  return [...forms].slice(0, MAX_FORMS);
}
