/**
 * The trie scanner against a brute-force reference that tries every entry at every position of
 * the folded text, on random texts built from pieces of the aliases so that matches do happen.
 * Both share `compileEntries` (the alias forms); what is checked is the scan itself.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { passesRules } from '../../glossary/alias-rules';
import { compileEntries } from '../../glossary/entries';
import { compile, type Match, type MatchableTerm } from '../../glossary/matcher';
import { IGNORABLE, SEPARATOR, fold, foldKeepCase } from '../../glossary/normalize';
import type { Alias } from '../../glossary/schema';
import { normalizeAlias } from '../../glossary/variants';

const IGN = String.fromCharCode(IGNORABLE);
const SEP = String.fromCharCode(SEPARATOR);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;
const UNSPACED = /^[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}]$/u;

function isWord(char: string): boolean {
  const f = fold(char);
  return LETTER_OR_DIGIT.test(f) && !UNSPACED.test(f);
}

const KIND_RANK = { mark: 0, conditional: 1, cue: 2 } as const;

function reference(terms: readonly MatchableTerm[], text: string): Match[] {
  const { entries } = compileEntries(terms);
  const f = fold(text);
  const keep = foldKeepCase(text);
  // Original indices of the units that count: no ignorables, one unit per separator run.
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (f[i] === IGN) continue;
    if (f[i] === SEP && units.length > 0 && f[units.at(-1)!] === SEP) continue;
    units.push(i);
  }
  const prevCounted = (i: number) => {
    for (let j = i - 1; j >= 0; j--) if (f[j] !== IGN) return j;
    return -1;
  };
  const nextCounted = (i: number) => {
    for (let j = i; j < text.length; j++) if (f[j] !== IGN) return j;
    return -1;
  };

  type Hit = { start: number; end: number; entry: number };
  const hits: Hit[] = [];
  entries.forEach((entry, e) => {
    const len = entry.key.length;
    for (let q = 0; q + len <= units.length; q++) {
      let same = true;
      for (let j = 0; j < len && same; j++) {
        same = f[units[q + j]!] === entry.key[j];
        if (same && entry.exact !== null) same = keep[units[q + j]!] === entry.exact[j];
      }
      if (!same) continue;
      const start = units[q]!;
      const last = units[q + len - 1]!;
      let end = last + 1;
      while (end < text.length && f[end] === IGN && /^\p{Mn}$/u.test(text[end]!)) end++;
      const before = prevCounted(start);
      const after = nextCounted(end);
      if (before >= 0 && isWord(text[before]!) && isWord(text[start]!)) continue;
      if (after >= 0 && isWord(text[last]!) && isWord(text[after]!)) continue;
      // The block-text rules are tested on their own (alias-rules.test.ts); here, the scan.
      if (entry.kind !== 'blocker' && !passesRules(text, start, end, entry.rules)) continue;
      hits.push({ start, end, entry: e });
    }
  });

  const blockers = hits.filter((h) => entries[h.entry]!.kind === 'blocker');
  const blocked = (h: Hit) =>
    blockers.some(
      (b) =>
        entries[b.entry]!.alias === entries[h.entry]!.alias && b.start <= h.start && h.end <= b.end,
    );
  const out: (Match & { entry: number })[] = [];
  const seenCues = new Set<string>();
  for (const h of hits) {
    const entry = entries[h.entry]!;
    const id = `${h.start}:${h.end}:${entry.termId}`;
    if (entry.kind !== 'cue' || seenCues.has(id)) continue;
    seenCues.add(id);
    out.push({ start: h.start, end: h.end, termId: entry.termId, kind: 'cue', entry: h.entry });
  }
  const aliases = hits
    .filter((h) => ['mark', 'conditional'].includes(entries[h.entry]!.kind) && !blocked(h))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.entry - b.entry);
  let covered = 0;
  for (const h of aliases) {
    if (h.start < covered) continue;
    const { termId, kind } = entries[h.entry]!;
    out.push({ start: h.start, end: h.end, termId, kind: kind as Match['kind'], entry: h.entry });
    covered = h.end;
  }
  out.sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      a.entry - b.entry,
  );
  return out.map(({ start, end, termId, kind }) => ({ start, end, termId, kind }));
}

const PIECES = [
  'ab',
  'Ab',
  'ba',
  'abe',
  'Xi',
  'an',
  'raa',
  'RAA',
  'é',
  'defence',
  'defense',
  'ise',
];
const CJK = ['尖', '閣', 'は', '독', '는'];
const SEPARATORS = [' ', '  ', '-', '–', '\n', '\u00a0'];
const IGNORABLES = ['\u00ad', '\u200b', '\u0301'];
const OTHERS = ['(', ')', '.', ',', "'", '’', 'a', 'b', 's', 'z', 'A', '😀'];

const aliasText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...CJK)), {
    minLength: 1,
    maxLength: 3,
  })
  .chain((parts) =>
    fc
      .array(fc.constantFrom('', ' ', '-', "'"), {
        minLength: parts.length - 1,
        maxLength: parts.length - 1,
      })
      .map((joins) => parts.map((p, i) => (i === 0 ? p : joins[i - 1] + p)).join('')),
  );

const alias: fc.Arbitrary<Alias> = fc.oneof(
  { weight: 3, arbitrary: aliasText },
  {
    weight: 2,
    arbitrary: fc
      .record({
        text: aliasText,
        caseSensitive: fc.boolean(),
        needsContext: fc.option(
          fc.oneof(fc.constant(true), fc.array(aliasText, { maxLength: 2 })),
          {
            nil: undefined,
          },
        ),
        notIn: fc.option(
          fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', '-', "'", '')), {
            minLength: 1,
            maxLength: 2,
          }),
          { nil: undefined },
        ),
      })
      .map(({ text, caseSensitive, needsContext, notIn }) => ({
        text,
        caseSensitive,
        ...(needsContext === undefined ? {} : { needsContext }),
        // Never-match neighbours are the alias with something before or after it.
        ...(notIn === undefined
          ? {}
          : {
              notIn: notIn.map(([piece, join], i) =>
                i % 2 ? piece + join + text : text + join + piece,
              ),
            }),
      })),
  },
);

const terms = fc
  .array(fc.array(alias, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 })
  .map((list) => list.map((aliases, i): MatchableTerm => ({ id: `t${i}`, aliases })));

/** Everything a pack spells out: aliases, context words, never-match neighbours. */
function phrases(list: readonly MatchableTerm[]): string[] {
  return list.flatMap((term) =>
    term.aliases.flatMap((a) =>
      typeof a === 'string'
        ? [a]
        : [a.text, ...(a.notIn ?? []), ...(Array.isArray(a.needsContext) ? a.needsContext : [])],
    ),
  );
}

function textFor(list: readonly MatchableTerm[]): fc.Arbitrary<string> {
  const phrase = fc
    .constantFrom(...phrases(list))
    .chain((p) => fc.constantFrom(p, p.toUpperCase(), p.toLowerCase()));
  return fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: phrase },
        { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
        { weight: 5, arbitrary: fc.constantFrom(...SEPARATORS) },
        { weight: 2, arbitrary: fc.constantFrom(...CJK) },
        { weight: 1, arbitrary: fc.constantFrom(...IGNORABLES) },
        { weight: 2, arbitrary: fc.constantFrom(...OTHERS) },
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));
}

/** A pack and a text that mentions its phrases, so that matches (and blocks) do happen. */
const scenario = terms.chain((t) => fc.tuple(fc.constant(t), textFor(t)));

const RUNS = { numRuns: 500 };
/** Generous: fast-check's generation dominates, and CI machines are slower. */
const TIMEOUT = 60_000;

function withoutNotIn(list: readonly MatchableTerm[]): MatchableTerm[] {
  return list.map((term) => ({
    ...term,
    aliases: term.aliases.map((a) => (typeof a === 'string' ? a : { ...a, notIn: undefined })),
  }));
}

describe('matcher against a brute-force reference', () => {
  it(
    'finds exactly what the reference finds',
    () => {
      fc.assert(
        fc.property(scenario, ([t, s]) => {
          expect(compile(t).find(s)).toEqual(reference(t, s));
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'returns sorted matches, non-overlapping apart from cues, each an alias form',
    () => {
      fc.assert(
        fc.property(scenario, ([t, s]) => {
          const matches = compile(t).find(s);
          const keys = new Set(compileEntries(t).entries.map((e) => `${e.termId}:${e.key}`));
          let lastEnd = 0;
          return matches.every((m, i) => {
            const sorted = i === 0 || matches[i - 1]!.start <= m.start;
            const slice = fold(normalizeAlias(s.slice(m.start, m.end)));
            const isForm = keys.has(`${m.termId}:${slice}`);
            if (m.kind === 'cue') return sorted && isForm;
            const apart = m.start >= lastEnd;
            lastEnd = m.end;
            return sorted && isForm && apart;
          });
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'gives the same answer every time, whatever it scanned before',
    () => {
      fc.assert(
        fc.property(scenario, scenario, ([t, s], [, other]) => {
          const matcher = compile(t);
          const first = matcher.find(s);
          expect(matcher.find(s)).toEqual(first);
          matcher.find(other);
          expect(matcher.find(s)).toEqual(first);
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );

  it(
    'generates texts where every kind of match occurs',
    () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(scenario, ([t, s]) => {
          for (const m of compile(t).find(s)) seen.add(m.kind);
          const blocked = !isDeepStrictEqual(reference(t, s), reference(withoutNotIn(t), s));
          if (blocked) seen.add('blocked');
        }),
        RUNS,
      );
      expect([...seen].sort()).toEqual(['blocked', 'conditional', 'cue', 'mark']);
    },
    TIMEOUT,
  );
});
