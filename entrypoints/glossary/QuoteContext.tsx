/** "Read in context": the essay paragraph around a quoted passage, the quote itself marked. */
import essay from '@/glossary/sources/japan-strategic-autonomy-2026.txt?raw';
import { createEssayIndex } from '@/glossary/essay-context';
import type { Passage } from '@/glossary/schema';

const index = createEssayIndex(essay);

export function QuoteContext({ passage }: { passage: Passage }) {
  const segments = index.find(passage.quote);
  if (!segments) return null;
  return (
    <details class="quote-context">
      <summary>Read in context</summary>
      <p class="quote-context__paragraph">
        {segments.map((segment, i) =>
          segment.quoted ? (
            <mark key={i}>{segment.text}</mark>
          ) : (
            <span key={i}>{segment.text}</span>
          ),
        )}
      </p>
    </details>
  );
}
