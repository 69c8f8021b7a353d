/**
 * The topic gate. A pack's key terms (dual hedge, the Senkakus, the Diet…) are the glossary's
 * topic; its context entries (capitals used for governments, leaders) are common words in other
 * news too. Context entries are drawn only in a story on topic:
 *  - it mentions a key term, or
 *  - it mentions at least MIN_DISTINCT_CONTEXT distinct context entries (Tokyo, Beijing and Xi
 *    together are East Asian politics; "Washington" alone in a halibut story is not).
 * Roles come from the pack (`role`, absent = "key"). Precision and recall on the labelled corpus
 * pages are reported by scripts/corpus.ts.
 */
export type Role = 'key' | 'context';

export const MIN_DISTINCT_CONTEXT = 3;

export function isOnTopic(present: Iterable<{ termId: string; role: Role }>): boolean {
  const context = new Set<string>();
  for (const { termId, role } of present) {
    if (role === 'key') return true;
    context.add(termId);
  }
  return context.size >= MIN_DISTINCT_CONTEXT;
}

/** A term's role, read defensively: packs from before roles existed have none (all key). */
export function roleOfTerm(term: object): Role {
  return (term as { role?: string }).role === 'context' ? 'context' : 'key';
}
