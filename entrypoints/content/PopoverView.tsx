/**
 * What the popover shows: a term's card with a way back through related terms, or, for a lookup
 * that found nothing, an honest "no match" with a glossary search for the selection.
 */
import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { TermCard } from '@/components/TermCard';
import { uiLocale } from '@/utils/ui-locale';
import type { CatalogEntry } from '@/glossary/catalog';

export type PopoverContent = { kind: 'term'; stack: string[] } | { kind: 'no-match'; text: string };

export interface PopoverViewProps {
  content: PopoverContent;
  theme: 'light' | 'dark';
  sheet: boolean;
  lookup(id: string): CatalogEntry | undefined;
  onNavigate(stack: string[]): void;
  onOpenGlossary(termId?: string, query?: string): void;
  onHide(termId: string, scope: 'site' | 'everywhere'): void;
  onClose(): void;
  /** Move focus into the popover once rendered (keyboard users). */
  focusOnRender: boolean;
}

const HEADING_ID = 'gloss-popover-title';

export function PopoverView(props: PopoverViewProps) {
  const { content, lookup } = props;
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.focusOnRender) dialog.current?.focus({ preventScroll: true });
  }, [content, props.focusOnRender]);

  const currentId = content.kind === 'term' ? content.stack[content.stack.length - 1] : undefined;
  const entry = currentId ? lookup(currentId) : undefined;
  const previousId = content.kind === 'term' ? content.stack[content.stack.length - 2] : undefined;
  const missing = content.kind === 'no-match' ? content.text : '';

  return (
    <div
      ref={dialog}
      class={`gloss-theme gloss-popover${props.sheet ? ' gloss-popover--sheet' : ''}`}
      data-theme={props.theme}
      role="dialog"
      lang={uiLocale()}
      aria-labelledby={HEADING_ID}
      tabIndex={-1}
    >
      <button
        type="button"
        class="gloss-popover__close"
        aria-label={i18n.t('popover.close')}
        onClick={props.onClose}
      >
        ×
      </button>
      {entry && content.kind === 'term' ? (
        <TermCard
          entry={entry}
          lookup={lookup}
          headingId={HEADING_ID}
          compact
          onRelated={(id) => props.onNavigate([...content.stack, id])}
          onBack={previousId ? () => props.onNavigate(content.stack.slice(0, -1)) : undefined}
          backLabel={previousId ? lookup(previousId)?.term.title : undefined}
          onOpenGlossary={(id) => props.onOpenGlossary(id)}
          onHide={(scope) => props.onHide(entry.term.id, scope)}
        />
      ) : (
        <div class="gloss-popover__empty">
          <h2 id={HEADING_ID}>{i18n.t('popover.noEntryTitle')}</h2>
          <p>{i18n.t('popover.noEntryText', { text: clip(missing) })}</p>
          <button
            type="button"
            class="gloss-popover__search"
            onClick={() => props.onOpenGlossary(undefined, missing)}
          >
            {i18n.t('popover.searchGlossary')}
          </button>
        </div>
      )}
    </div>
  );
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
}
