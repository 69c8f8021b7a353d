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
