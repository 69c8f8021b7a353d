/**
 * One glossary term, explained: used by the page popover, the popup and the glossary page.
 * Presentational only (props in, events out). Every piece of pack text is rendered as a text node:
 * packs can come from anyone.
 */
import type { ComponentChildren } from 'preact';
import type { CatalogEntry } from '@/glossary/catalog';
import type { Passage } from '@/glossary/schema';
import './term-card.css';

export interface TermCardProps {
  entry: CatalogEntry;
  lookup(id: string): CatalogEntry | undefined;
  onRelated(id: string): void;
  onBack?: () => void;
  backLabel?: string;
  glossaryHref?: string;
  onOpenGlossary?: (id: string) => void;
  onHide?: (scope: 'site' | 'everywhere') => void;
  headingId?: string;
  compact?: boolean;
  /** Extra content under a quoted passage (the glossary page's "Read in context"). */
  afterQuote?: (passage: Passage) => ComponentChildren;
}

export function TermCard(props: TermCardProps) {
  const { entry, compact } = props;
  const { term } = entry;
  return (
    <div class={compact ? 'gloss-card gloss-card--compact' : 'gloss-card'}>
      {props.onBack && (
        <button type="button" class="gloss-card__back" onClick={props.onBack}>
          ← Back to {props.backLabel ?? 'results'}
        </button>
      )}
      <header class="gloss-card__head">
        <h2 class="gloss-card__title" id={props.headingId}>
          {term.title}
        </h2>
        <p class="gloss-card__category">{term.category}</p>
      </header>
      <p class="gloss-card__summary">{term.summary}</p>
      <Passages
        passages={term.essay}
        label={entry.quoteLabel ?? 'From the source'}
        afterQuote={props.afterQuote}
      />
      {term.background && (
        <section class="gloss-card__section gloss-card__background">
          <h3 class="gloss-card__label">Checked facts</h3>
          <p>{term.background}</p>
        </section>
      )}
      {term.contested && term.contested.length > 0 && (
        <section class="gloss-card__section gloss-card__contested">
          <h3 class="gloss-card__label">Contested</h3>
          <ul>
            {term.contested.map((p, i) => (
              <li key={i}>
                <span class="gloss-card__holder">{p.holder}:</span> {p.position}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Related ids={term.related} lookup={props.lookup} onRelated={props.onRelated} />
      {term.checked && <p class="gloss-card__checked">Facts checked {term.checked}</p>}
      <CardFooter {...props} />
    </div>
  );
}

function Passages(props: {
  passages: readonly Passage[] | undefined;
  /** The pack's own heading for its quotes (`Pack.quoteLabel`). */
  label: string;
  afterQuote?: (passage: Passage) => ComponentChildren;
}) {
  if (!props.passages || props.passages.length === 0) return null;
  return (
    <section class="gloss-card__section gloss-card__essay">
      <h3 class="gloss-card__label">{props.label}</h3>
      {props.passages.map((passage, i) => (
        <figure class="gloss-card__passage" key={i}>
          <blockquote class="gloss-card__quote">{passage.quote}</blockquote>
          <figcaption class="gloss-card__source">— {passage.section}</figcaption>
          {props.afterQuote?.(passage)}
        </figure>
      ))}
    </section>
  );
}

function Related(props: Pick<TermCardProps, 'lookup' | 'onRelated'> & { ids?: readonly string[] }) {
  const known = (props.ids ?? []).flatMap((id) => {
    const entry = props.lookup(id);
    return entry ? [{ id, title: entry.term.title }] : [];
  });
  if (known.length === 0) return null;
  return (
    <section class="gloss-card__section gloss-card__related">
      <h3 class="gloss-card__label">Related</h3>
      <ul>
        {known.map(({ id, title }) => (
          <li key={id}>
            <button type="button" class="gloss-card__chip" onClick={() => props.onRelated(id)}>
              {title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CardFooter(props: TermCardProps) {
  const { entry } = props;
  const id = entry.term.id;
  const onOpen = props.onOpenGlossary;
  return (
    <footer class="gloss-card__foot">
      <div class="gloss-card__actions">
        {props.glossaryHref !== undefined ? (
          <a class="gloss-card__link" href={props.glossaryHref}>
            Open in glossary
          </a>
        ) : (
          onOpen && (
            <button type="button" class="gloss-card__link" onClick={() => onOpen(id)}>
              Open in glossary
            </button>
          )
        )}
        {props.onHide && <HideControl onHide={props.onHide} />}
      </div>
      <p class="gloss-card__meta">
        As of {entry.asOf} · {entry.packTitle}
      </p>
    </footer>
  );
}

function HideControl(props: { onHide: (scope: 'site' | 'everywhere') => void }) {
  return (
    <details class="gloss-card__hide">
      <summary>Not this meaning?</summary>
      <div class="gloss-card__hide-options">
        <button type="button" onClick={() => props.onHide('site')}>
          Hide here
        </button>
        <button type="button" onClick={() => props.onHide('everywhere')}>
          Hide everywhere
        </button>
      </div>
    </details>
  );
}
