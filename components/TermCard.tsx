/**
 * One glossary term, explained: used by the page popover, the popup and the glossary page.
 * Presentational only (props in, events out). Every piece of pack text is rendered as a text node:
 * packs can come from anyone.
 */
import type { ComponentChildren } from 'preact';
import type { CatalogEntry } from '@/glossary/catalog';
import type { Passage } from '@/glossary/schema';
import { i18n } from '#i18n';
import { formatDate } from '@/utils/ui-locale';
import { Aliases } from './Aliases';
import { SLOT, Slotted } from './Slotted';
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
  const lang = entry.language;
  return (
    <div class={compact ? 'gloss-card gloss-card--compact' : 'gloss-card'}>
      {props.onBack && (
        <button type="button" class="gloss-card__back" onClick={props.onBack}>
          {i18n.t('card.back', { target: props.backLabel ?? i18n.t('card.backResults') })}
        </button>
      )}
      <header class="gloss-card__head">
        <h2 class="gloss-card__title" id={props.headingId} lang={lang}>
          {term.title}
        </h2>
        <p class="gloss-card__category" lang={lang}>
          {term.category}
        </p>
      </header>
      <p class="gloss-card__summary" lang={lang}>
        {term.summary}
      </p>
      {!compact && <Aliases aliases={term.aliases} title={term.title} lang={lang} />}
      <Passages
        passages={term.essay}
        label={entry.quoteLabel}
        lang={lang}
        afterQuote={props.afterQuote}
      />
      {term.background && (
        <section class="gloss-card__section gloss-card__background">
          <h3 class="gloss-card__label">{i18n.t('card.checkedFacts')}</h3>
          <p lang={lang}>{term.background}</p>
        </section>
      )}
      {term.contested && term.contested.length > 0 && (
        <section class="gloss-card__section gloss-card__contested">
          <h3 class="gloss-card__label">{i18n.t('card.contested')}</h3>
          <ul lang={lang}>
            {term.contested.map((p, i) => (
              <li key={i}>
                <span class="gloss-card__holder">{p.holder}:</span> {p.position}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Related ids={term.related} lookup={props.lookup} onRelated={props.onRelated} />
      {term.checked && (
        <p class="gloss-card__checked">
          {i18n.t('card.factsChecked', { date: formatDate(term.checked) })}
        </p>
      )}
      <CardFooter {...props} />
    </div>
  );
}

function Passages(props: {
  passages: readonly Passage[] | undefined;
  /** The pack's own heading for its quotes (`Pack.quoteLabel`), in the pack's language. */
  label: string | undefined;
  lang: string;
  afterQuote?: (passage: Passage) => ComponentChildren;
}) {
  if (!props.passages || props.passages.length === 0) return null;
  return (
    <section class="gloss-card__section gloss-card__essay">
      {props.label ? (
        <h3 class="gloss-card__label" lang={props.lang}>
          {props.label}
        </h3>
      ) : (
        <h3 class="gloss-card__label">{i18n.t('card.fromTheSource')}</h3>
      )}
      {props.passages.map((passage, i) => (
        <figure class="gloss-card__passage" key={i}>
          <blockquote class="gloss-card__quote" lang={props.lang}>
            {passage.quote}
          </blockquote>
          <figcaption class="gloss-card__source" lang={props.lang}>
            — {passage.section}
          </figcaption>
          {props.afterQuote?.(passage)}
        </figure>
      ))}
    </section>
  );
}

function Related(props: Pick<TermCardProps, 'lookup' | 'onRelated'> & { ids?: readonly string[] }) {
  const known = (props.ids ?? []).flatMap((id) => {
    const entry = props.lookup(id);
    return entry ? [{ id, title: entry.term.title, lang: entry.language }] : [];
  });
  if (known.length === 0) return null;
  return (
    <section class="gloss-card__section gloss-card__related">
      <h3 class="gloss-card__label">{i18n.t('card.related')}</h3>
      <ul>
        {known.map(({ id, title, lang }) => (
          <li key={id}>
            <button
              type="button"
              class="gloss-card__chip"
              lang={lang}
              onClick={() => props.onRelated(id)}
            >
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
            {i18n.t('card.openInGlossary')}
          </a>
        ) : (
          onOpen && (
            <button type="button" class="gloss-card__link" onClick={() => onOpen(id)}>
              {i18n.t('card.openInGlossary')}
            </button>
          )
        )}
        {props.onHide && <HideControl onHide={props.onHide} />}
      </div>
      <p class="gloss-card__meta">
        <Meta date={formatDate(entry.asOf)} pack={entry.packTitle} lang={entry.language} />
      </p>
    </footer>
  );
}

function HideControl(props: { onHide: (scope: 'site' | 'everywhere') => void }) {
  return (
    <details class="gloss-card__hide">
      <summary>{i18n.t('card.notThisMeaning')}</summary>
      <div class="gloss-card__hide-options">
        <button type="button" onClick={() => props.onHide('site')}>
          {i18n.t('card.hideHere')}
        </button>
        <button type="button" onClick={() => props.onHide('everywhere')}>
          {i18n.t('card.hideEverywhere')}
        </button>
      </div>
    </details>
  );
}

/** "As of {date} · {pack}" with the pack's title in the pack's language, wherever the words put it. */
function Meta(props: { date: string; pack: string; lang: string }) {
  return (
    <Slotted text={i18n.t('card.meta', { date: props.date, pack: SLOT })}>
      <span lang={props.lang}>{props.pack}</span>
    </Slotted>
  );
}
