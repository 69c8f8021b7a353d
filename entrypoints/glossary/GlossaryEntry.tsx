/** One term on the glossary page: its card, with the essay passages readable in context. */
import type { CatalogEntry } from '@/glossary/catalog';
import { TermCard } from '@/components/TermCard';
import { QuoteContext } from './QuoteContext';

export interface GlossaryEntryProps {
  entry: CatalogEntry;
  lookup(id: string): CatalogEntry | undefined;
  onRelated(id: string): void;
  targetId: string | null;
  /** The entry's pack's source text, when the pack carries one. */
  sourceText: string | undefined;
}

export function GlossaryEntry(props: GlossaryEntryProps) {
  const { entry, lookup, onRelated, targetId, sourceText } = props;
  const id = entry.term.id;
  return (
    <article
      id={id}
      class={id === targetId ? 'glossary-entry glossary-entry--target' : 'glossary-entry'}
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
    >
      <TermCard
        entry={entry}
        lookup={lookup}
        onRelated={onRelated}
        headingId={`${id}-title`}
        afterQuote={
          sourceText
            ? (passage) => (
                <QuoteContext passage={passage} source={sourceText} lang={entry.language} />
              )
            : undefined
        }
      />
    </article>
  );
}
