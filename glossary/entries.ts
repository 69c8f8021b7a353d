/**
 * Turns terms into the flat list of forms the trie is built from: every alias with its generated
 * variants, the context words that cue a term, and the never-match neighbours that block an alias.
 */
import type { Alias, TextLanguage } from './schema.ts';
import { isCJ } from './cjk-words.ts';
import { fold } from './normalize.ts';
import { aliasForms } from './variants.ts';

/** `Term` from schema.ts satisfies this. */
export interface MatchableTerm {
  id: string;
  aliases: readonly Alias[];
  /** Words that cue the term without marking it (a pack's topic words: topic-words.ts). */
  cues?: readonly string[];
}

/**
 * 'mark': an unconditional alias. 'conditional': an alias that counts only with context on the
 * page (see `counts` in matcher.ts). 'cue': a context word; cues never hide or displace other matches.
 */
export type MatchKind = 'mark' | 'conditional' | 'cue';

/** A blocker is a `notIn` phrase: found like an alias, it only stops its own alias matching. */
export type EntryKind = MatchKind | 'blocker';

export interface Entry {
  /** The folded, caseless form the trie stores. */
  key: string;
  /** For case-sensitive aliases: the form with case kept that the page text must equal. */
  exact: string | null;
  kind: EntryKind;
  termId: string;
  /** Index of the source alias in the pack; a blocker stops only this alias. -1 for cues. */
  alias: number;
  /** Generated variants give way to an alias written out in the pack. */
  generated: boolean;
  /** RULE_* bits: checks made on the block text before the alias is taken. */
  rules: number;
}

/** The alias starts with Han/Kana: its start must be a word boundary (cjk-words.ts). */
export const RULE_CJ_START = 1;
/** The alias ends with Han/Kana: its end must be a word boundary. */
export const RULE_CJ_END = 2;
/** `skipIn: ["dateline"]`. */
export const RULE_DATELINE = 4;
/** `skipIn: ["address"]`. */
export const RULE_ADDRESS = 8;
/** `inLanguage`: one bit per language; a match passes when its text's language has its bit. */
export const RULE_LANGUAGE: Readonly<Record<TextLanguage, number>> = { ja: 16, zh: 32, ko: 64 };
/** Any `inLanguage` bit. */
export const RULE_ANY_LANGUAGE = 16 | 32 | 64;
/** `skipIn: ["location"]` (the last of the eight bits an entry has). */
export const RULE_LOCATION = 128;

function rulesFor(form: string, alias: Exclude<Alias, string>): number {
  const { skipIn, inLanguage } = alias;
  let rules = 0;
  for (const language of inLanguage ?? []) rules |= RULE_LANGUAGE[language];
  if (isCJ(form, 0)) rules |= RULE_CJ_START;
  if (isCJ(form, form.length - 1)) rules |= RULE_CJ_END;
  if (skipIn?.includes('dateline')) rules |= RULE_DATELINE;
  if (skipIn?.includes('address')) rules |= RULE_ADDRESS;
  if (skipIn?.includes('location')) rules |= RULE_LOCATION;
  return rules;
}

/** Hangul, and the punctuation of unspaced text: （ ） 「 」 ・ · and full-width forms. */
const UNSPACED = /^[\p{scx=Hang}\u00b7\u3000-\u303f\uff00-\uffef]$/u;

function unspaced(text: string, i: number): boolean {
  return isCJ(text, i) || UNSPACED.test(text[i] ?? '');
}

/**
 * A neighbour word and an alias written as the phrase they make on a page: with a space in
 * spaced scripts ("Washington" + "Post", "Booker T." + "Washington"), directly where either side
 * is Chinese, Japanese or Korean (华盛顿 + 邮报, 美国 + 国会, 立法院（ + 国会, 서울 + 대학교: Korean
 * compounds are written solid).
 */
export function joinNeighbours(first: string, second: string): string {
  const spaced = !unspaced(first, first.length - 1) && !unspaced(second, 0);
  return spaced ? `${first} ${second}` : `${first}${second}`;
}

export interface CompiledEntries {
  /** In priority order: when several entries share a form, the first one that applies wins. */
  entries: Entry[];
  /** Term aliases that compiled to at least one form (variants, cues and blockers not counted). */
  aliasCount: number;
}

function rulesOf(alias: Alias) {
  return typeof alias === 'string' ? { text: alias } : alias;
}

/** Adds terms one at a time, so a caller can pause between them (see `compileEntriesSliced`). */
class EntryBuilder {
  private readonly entries: Entry[] = [];
  /** The first entry of each key; the others follow through `nextOfKey` (-1 ends). */
  private readonly firstOfKey = new Map<string, number>();
  private readonly nextOfKey: number[] = [];
  private aliasCount = 0;
  private aliasIndex = 0;

  private add(
    form: string,
    kind: EntryKind,
    termId: string,
    alias: number,
    generated: boolean,
    caseSensitive: boolean,
    rules = 0,
  ): void {
    const { entries, firstOfKey, nextOfKey } = this;
    const exact = caseSensitive ? form : null;
    const key = fold(form);
    const first = firstOfKey.get(key);
    let last = -1;
    for (let i = first ?? -1; i >= 0; i = nextOfKey[i]!) {
      last = i;
      const e = entries[i]!;
      if (e.kind !== kind) continue;
      // Cues count once per term and blockers once per alias; case only matters to aliases.
      if (
        kind === 'cue'
          ? e.termId === termId
          : kind === 'blocker'
            ? e.alias === alias
            : e.termId === termId && (e.exact ?? '') === (exact ?? '')
      )
        return;
    }
    if (last < 0) firstOfKey.set(key, entries.length);
    else nextOfKey[last] = entries.length;
    nextOfKey.push(-1);
    entries.push({ key, exact, kind, termId, alias, generated, rules });
  }

  addTerm(term: MatchableTerm): void {
    for (const alias of term.aliases) {
      const rules = rulesOf(alias);
      const index = this.aliasIndex++;
      const kind = rules.needsContext ? 'conditional' : 'mark';
      const forms = aliasForms(rules.text);
      if (forms.length > 0) this.aliasCount++;
      for (let i = 0; i < forms.length; i++) {
        const form = forms[i]!;
        this.add(form, kind, term.id, index, i > 0, !!rules.caseSensitive, rulesFor(form, rules));
      }
      // Neighbour words are blockers too: the phrase they make with the alias stops the alias.
      const phrases = [
        ...(rules.notIn ?? []),
        ...(rules.notBefore ?? []).map((word) => joinNeighbours(rules.text, word)),
        ...(rules.notAfter ?? []).map((word) => joinNeighbours(word, rules.text)),
      ];
      for (const phrase of phrases) {
        for (const form of aliasForms(phrase))
          this.add(form, 'blocker', term.id, index, false, false);
      }
      if (Array.isArray(rules.needsContext)) this.addCues(term.id, rules.needsContext);
    }
    if (term.cues) this.addCues(term.id, term.cues);
  }

  private addCues(termId: string, words: readonly string[]): void {
    for (const word of words) {
      for (const form of aliasForms(word)) this.add(form, 'cue', termId, -1, false, false);
    }
  }

  finish(): CompiledEntries {
    // Stable: written-out aliases before generated ones, case-exact before caseless, then pack order.
    const ranked: Entry[][] = [[], [], [], []];
    for (const e of this.entries)
      ranked[(e.generated ? 2 : 0) + (e.exact === null ? 1 : 0)]!.push(e);
    return { entries: ranked.flat(), aliasCount: this.aliasCount };
  }
}

export function compileEntries(terms: readonly MatchableTerm[]): CompiledEntries {
  const builder = new EntryBuilder();
  for (const term of terms) builder.addTerm(term);
  return builder.finish();
}

/**
 * The same, in slices of about `sliceMs`, awaiting `pause()` between them: on a page, compiling a
 * large glossary must not become one long task.
 */
export async function compileEntriesSliced(
  terms: readonly MatchableTerm[],
  pause: () => Promise<void>,
  sliceMs: number,
): Promise<CompiledEntries> {
  const builder = new EntryBuilder();
  let deadline = performance.now() + sliceMs;
  for (const term of terms) {
    builder.addTerm(term);
    if (performance.now() > deadline) {
      await pause();
      deadline = performance.now() + sliceMs;
    }
  }
  return builder.finish();
}
