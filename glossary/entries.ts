/**
 * Turns terms into the flat list of forms the trie is built from: every alias with its generated
 * variants, the context words that cue a term, and the never-match neighbours that block an alias.
 */
import type { Alias } from './schema.ts';
import type { MatchKind, MatchableTerm } from './matcher.ts';
import { fold } from './normalize.ts';
import { aliasForms } from './variants.ts';

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

export function compileEntries(terms: readonly MatchableTerm[]): CompiledEntries {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  let aliasCount = 0;
  let aliasIndex = 0;
  const add = (form: string, entry: Omit<Entry, 'key' | 'exact'>, caseSensitive: boolean) => {
    const exact = caseSensitive ? form : null;
    const key = fold(form);
    // Cues and blockers need one entry per term or alias; case only matters to term aliases.
    const id =
      entry.kind === 'cue'
        ? `${key}\0cue\0${entry.termId}`
        : entry.kind === 'blocker'
          ? `${key}\0blocker\0${entry.alias}`
          : `${key}\0${entry.kind}\0${entry.termId}\0${exact ?? ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    entries.push({ key, exact, ...entry });
  };
  for (const term of terms) {
    for (const alias of term.aliases) {
      const rules = rulesOf(alias);
      const index = aliasIndex++;
      const kind = rules.needsContext ? 'conditional' : 'mark';
      const forms = aliasForms(rules.text);
      if (forms.length > 0) aliasCount++;
      forms.forEach((form, i) =>
        add(form, { kind, termId: term.id, alias: index, generated: i > 0 }, !!rules.caseSensitive),
      );
      for (const phrase of rules.notIn ?? []) {
        for (const form of aliasForms(phrase)) {
          add(form, { kind: 'blocker', termId: term.id, alias: index, generated: false }, false);
        }
      }
      if (Array.isArray(rules.needsContext)) {
        for (const word of rules.needsContext) {
          for (const form of aliasForms(word)) {
            add(form, { kind: 'cue', termId: term.id, alias: -1, generated: false }, false);
          }
        }
      }
    }
  }
  // Stable: written-out aliases before generated ones, case-exact before caseless, then pack order.
  const rank = (e: Entry) => (e.generated ? 2 : 0) + (e.exact === null ? 1 : 0);
  entries.sort((a, b) => rank(a) - rank(b));
  return { entries, aliasCount };
}
