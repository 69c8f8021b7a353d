/**
 * Every Chinese or Japanese alias of the bundled pack against longer words that contain it
 * (tests/fixtures/cjk-longer-words.json, built from the CJK pages of the news corpus and common
 * compounds): a word that means something else must not be marked as the alias's term, and a
 * compound that means the term must still be. Each word is tried alone and inside a sentence,
 * since a neighbour can change where the word breaks fall.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../glossary/matcher';
import { aliasText, validatePack } from '../../glossary/schema';

const root = new URL('../../', import.meta.url);
const words = JSON.parse(
  readFileSync(new URL('tests/fixtures/cjk-longer-words.json', root), 'utf8'),
) as { other: string[]; same: string[] };
const result = validatePack(
  JSON.parse(readFileSync(new URL('glossary/packs/japan-autonomy.json', root), 'utf8')),
);
if (!result.ok) throw new Error(result.errors.join('\n'));
const terms = result.pack.terms;
const matcher = compile(terms);

const CJK_EDGE =
  /^[\p{scx=Han}\p{scx=Kana}\p{scx=Hira}\p{scx=Hang}]|[\p{scx=Han}\p{scx=Kana}\p{scx=Hira}\p{scx=Hang}]$/u;

/** [alias, term id] for every alias that starts or ends with Han, Kana or Hangul. */
const cjAliases = terms.flatMap((t) =>
  t.aliases
    .map(aliasText)
    .filter((a) => CJK_EDGE.test(a))
    .map((a) => [a, t.id] as const),
);

/** Term ids of aliases found inside `word` (longer than the alias, so a longer word). */
function termsInside(word: string): Set<string> {
  return new Set(cjAliases.filter(([a]) => word.includes(a) && word !== a).map(([, id]) => id));
}

function markedTerms(text: string): Set<string> {
  return new Set(matcher.find(text).map((m) => m.termId));
}

const contexts = (word: string) => [word, `昨日、${word}について話した。`];

describe('CJK aliases inside longer words', () => {
  it('every fixture word contains an alias of the pack', () => {
    const stale = [...words.other, ...words.same].filter((w) => termsInside(w).size === 0);
    expect(stale).toEqual([]);
  });

  it('marks no alias inside a word that means something else', () => {
    const wrong: string[] = [];
    for (const word of words.other)
      for (const text of contexts(word))
        for (const id of termsInside(word))
          if (markedTerms(text).has(id)) wrong.push(`${text}: ${id}`);
    expect(wrong).toEqual([]);
  });

  it('still marks the term in compounds that mean it', () => {
    const missed: string[] = [];
    for (const word of words.same)
      for (const text of contexts(word)) {
        const marked = markedTerms(text);
        if (![...termsInside(word)].some((id) => marked.has(id))) missed.push(text);
      }
    expect(missed).toEqual([]);
  });
});
