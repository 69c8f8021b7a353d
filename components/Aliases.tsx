/** "Also written": a term's other names, each in the language its script shows (日本語, 한국어 …). */
import { Fragment } from 'preact';
import { i18n } from '#i18n';
import type { Term } from '@/glossary/schema';
import { aliasLang } from '@/utils/ui-locale';

type Alias = Term['aliases'][number];

function aliasText(alias: Alias): string {
  return typeof alias === 'string' ? alias : alias.text;
}

export function Aliases(props: { aliases: readonly Alias[]; title: string; lang: string }) {
  const names = [...new Set(props.aliases.map(aliasText))].filter((name) => name !== props.title);
  if (names.length === 0) return null;
  return (
    <p class="gloss-card__aliases">
      <span class="gloss-card__aliases-label">{i18n.t('card.alsoWritten')}</span>{' '}
      {names.map((name, i) => (
        <Fragment key={name}>
          {i > 0 && ' · '}
          <span lang={aliasLang(name, props.lang) ?? props.lang}>{name}</span>
        </Fragment>
      ))}
    </p>
  );
}
