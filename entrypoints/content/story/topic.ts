/**
 * The topic gate. A pack's key terms (dual hedge, the Senkakus, the Diet…) are the glossary's
 * topic; its context entries (capitals used for governments, leaders) are common words in other
 * news too. Context entries are drawn only in a story on topic:
 *  - it mentions a key term, or
 *  - it has at least MIN_DISTINCT_CONTEXT distinct signals of the topic: context entries and the
 *    pack's topic words (`topicWords`: words such as "North Korea" or 首相 that are never marked).
 *    Tokyo, Beijing and Xi together are East Asian politics; Seoul with North Korea and Pyongyang
 *    is too; "Washington" alone in a halibut story is not.
 * Roles come from the pack (`role`, absent = "key"). Precision and recall on the labelled corpus
 * pages are reported by scripts/corpus.ts.
 */
// Relative, with its extension: node scripts (the corpus runner) import this file too.
import { isTopicWord } from '../../../glossary/topic-words.ts';

export type Role = 'key' | 'context';

export const MIN_DISTINCT_CONTEXT = 3;

/**
 * Whether the gate is open, given the terms present (with their roles) and the number of distinct
 * topic words seen.
 */
export function isOnTopic(
  present: Iterable<{ termId: string; role: Role }>,
  topicWords = 0,
): boolean {
  const context = new Set<string>();
  for (const { termId, role } of present) {
    if (role === 'key') return true;
    context.add(termId);
  }
  return context.size + topicWords >= MIN_DISTINCT_CONTEXT;
}

/** A term's role, read defensively: packs from before roles existed have none (all key). */
export function roleOfTerm(term: object): Role {
  return (term as { role?: string }).role === 'context' ? 'context' : 'key';
}

/**
 * Whether text whose matches are `matches` could have anything drawn in it (the background's
 * verdict on a frame's whole text, entrypoints/background/page-gate.ts): a key term, or enough
 * distinct context entries and topic words to open the gate. The marks a page draws are a subset:
 * its story is part of the text, a conditional alias counts only once cued, and `isOnTopic` only
 * opens with more present. So "false" means no mark and no answering mention, wherever the story is.
 * @param matches the matcher's, over the text (cues included: topic words are cues).
 */
export function mayDraw(
  matches: Iterable<{ termId: string; kind: string }>,
  roleOf: (termId: string) => Role,
): boolean {
  const present: { termId: string; role: Role }[] = [];
  const topicWords = new Set<string>();
  for (const { termId, kind } of matches) {
    if (kind !== 'cue') present.push({ termId, role: roleOf(termId) });
    else if (isTopicWord(termId)) topicWords.add(termId);
  }
  return isOnTopic(present, topicWords.size);
}
