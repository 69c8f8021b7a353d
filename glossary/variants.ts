/**
 * The forms an alias is compiled to. Variants are generated once, when the pack is compiled, so
 * the scan over the page stays a plain trie walk (ARCHITECTURE.md, design decision 3).
 */
import { IGNORABLE, SEPARATOR, foldChar, foldKeepCase } from './normalize.ts';

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

/** One spelling change: replace `remove` characters at `at` with `insert` (lowercase). */
interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function lower(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) out += String.fromCharCode(foldChar(word.charCodeAt(i)));
  return out;
}

function isUpper(char: string): boolean {
  return lower(char) !== char;
}

/** True when every letter is a capital ("RAA", "SELF-DEFENCE"). */
function allUpper(text: string): boolean {
  return [...text].every((char) => isUpper(char) || !/\p{L}/u.test(char));
}

/** Applies an edit keeping the case of what it replaces ("Defence" → "Defense", "DEFENCE" → "DEFENSE"). */
function applyEdit(word: string, { at, remove, insert }: Edit): string {
  const replaced = word.slice(at, at + remove);
  const shout = replaced !== '' && allUpper(replaced) && (replaced.length > 1 || allUpper(word));
  let cased = '';
  for (let k = 0; k < insert.length; k++) {
    const upper = shout || (k < replaced.length && isUpper(replaced[k]!));
    cased += upper ? insert[k]!.toUpperCase() : insert[k];
  }
  return word.slice(0, at) + cased + word.slice(at + remove);
}

function suffixSwap(low: string, suffixes: readonly string[], from: string, to: string): Edit[] {
  const edits: Edit[] = [];
  for (const suffix of suffixes) {
    // A short stem means a word like "rise", "wise" or "size", not a verb in -ise/-ize.
    if (low.endsWith(suffix) && low.length - suffix.length >= 3) {
      edits.push({ at: low.length - suffix.length, remove: from.length, insert: to });
    }
  }
  return edits;
}

function spellingEdits(low: string): Edit[] {
  const edits: Edit[] = [];
  for (const [british, american] of WORD_PAIRS) {
    for (const [a, b] of [
      [british, american],
      [american, british],
    ] as const) {
      if (low === a || low === `${a}s`) edits.push({ at: 0, remove: a.length, insert: b });
    }
  }
  for (const stem of OUR_STEMS) {
    const us = stem.slice(0, -2) + 'r';
    if (low.startsWith(stem)) edits.push({ at: stem.length - 3, remove: 3, insert: 'or' });
    else if (low.startsWith(us)) edits.push({ at: us.length - 2, remove: 2, insert: 'our' });
  }
  edits.push(...suffixSwap(low, ISE, 'is', 'iz'), ...suffixSwap(low, ISE.map(z), 'iz', 'is'));
  edits.push(...suffixSwap(low, YSE, 'ys', 'yz'), ...suffixSwap(low, YSE.map(z), 'yz', 'ys'));
  return edits;
}

function z(suffix: string): string {
  return suffix.replace('s', 'z');
}

/**
 * Plural forms of the last word. None for CJK, digits or punctuation, for words that already end
 * in a plural -s ("Forces", "Islands"), or for a lone two-letter word.
 */
function plurals(word: string, alone: boolean): string[] {
  const low = lower(word);
  if (!/[a-z]$/.test(low)) return [];
  // Acronyms take a bare lowercase "s" ("RAAs"); "US" must not become "uses".
  if (word.replace(/[^\p{L}]/gu, '').length >= 2 && allUpper(word))
    return low.endsWith('s') ? [] : [word + 's'];
  if (alone && low.length < 3) return [];
  if (/(?:ss|us|x|z|ch|sh)$/.test(low)) return [word + 'es'];
  if (/is$/.test(low)) return [applyEdit(word, { at: low.length - 2, remove: 2, insert: 'es' })];
  if (low.endsWith('s')) return [];
  if (/[^aeiou]y$/.test(low))
    return [applyEdit(word, { at: low.length - 1, remove: 1, insert: 'ies' })];
  return [word + 's'];
}

/** Folds (case kept), drops ignorables and collapses separator runs: the form the trie stores. */
export function normalizeAlias(text: string): string {
  return foldKeepCase(text)
    .replaceAll(IGN, '')
    .split(SEP)
    .filter((word) => word !== '')
    .join(SEP);
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

/**
 * The alias's own form first, then its generated variants (spelling, plural, "lock-on" written
 * "lockon"), all folded with case kept and without duplicates. Empty when nothing is left.
 */
export function aliasForms(text: string, withPlurals = true): string[] {
  const bases = [text];
  const joined = text.replace(/(?<=[\p{L}\p{N}])[\p{Pd}\u2212](?=[\p{L}\p{N}])/gu, '');
  if (joined !== text) bases.push(joined);
  const forms = new Set<string>();
  for (const base of bases) {
    const words = normalizeAlias(base).split(SEP);
    if (words[0] === '') continue;
    const choices = words.map((word) => [
      word,
      ...spellingEdits(lower(word)).map((edit) => applyEdit(word, edit)),
    ]);
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
