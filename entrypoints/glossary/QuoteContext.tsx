/** "Read in context": the source paragraph around a quoted passage, the quote itself marked. */
import { useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import { createEssayIndex } from '@/glossary/essay-context';
import type { Passage } from '@/glossary/schema';

/** Indexes are built once per source text (a pack carries its own, see `Pack.sourceText`). */
const indexes = new Map<string, ReturnType<typeof createEssayIndex>>();

export function QuoteContext(props: { passage: Passage; source: string; lang: string }) {
  const { passage, source } = props;
  const segments = useMemo(() => {
    let index = indexes.get(source);
    if (!index) indexes.set(source, (index = createEssayIndex(source)));
    return index.find(passage.quote);
  }, [passage.quote, source]);
  if (!segments) return null;
  return (
    <details class="quote-context">
      <summary>{i18n.t('glossary.readInContext')}</summary>
      <p class="quote-context__paragraph" lang={props.lang}>
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
