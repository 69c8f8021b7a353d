/**
 * A pack's topic words (`topicWords`: "North Korea", "South China Sea", 首相…) in the matcher:
 * each distinct word is a term of its own that has only a context word and no alias, so it is
 * found like a `needsContext` word — never marked, only noted as seen on the page — and the topic
 * gate (entrypoints/content/story/topic.ts) counts the distinct ones seen in the story.
 */
import type { MatchableTerm } from './entries.ts';
import { searchKey } from './normalize.ts';

/** A colon is never part of a term id (a slug), so a topic word never takes a term's place. */
const PREFIX = 'topic:';

/** One matcher term per distinct topic word; words that fold alike ("Kim Jong-un") are one. */
export function topicWordTerms(words: Iterable<string>): MatchableTerm[] {
  const terms = new Map<string, MatchableTerm>();
  for (const word of words) {
    const key = searchKey(word);
    if (key === '' || terms.has(key)) continue;
    terms.set(key, { id: PREFIX + key, aliases: [], cues: [word] });
  }
  return [...terms.values()];
}

/**
 * The terms a matcher is compiled from: the glossary's, then one per topic word (at build time
 * for the bundled pack, on the page for other packs).
 */
export function withTopicWords(
  terms: readonly MatchableTerm[],
  topicWords: Iterable<string>,
): MatchableTerm[] {
  return [...terms, ...topicWordTerms(topicWords)];
}

/** Whether a matched term id is a topic word rather than a glossary term. */
export function isTopicWord(termId: string): boolean {
  return termId.startsWith(PREFIX);
}
