/**
 * The table of contents: categories with their terms; while filtering, the matches as the listbox
 * the filter field drives (combobox pattern: ↑/↓ in the field, Enter goes to the term).
 */
import { i18n } from '#i18n';
import type { CatalogEntry } from '@/glossary/catalog';
import { TermList } from '@/components/TermList';
import { categoryAnchor, type CategoryGroup } from './categories';

/** Past this many terms a full list stops helping; the categories alone remain. */
const MAX_LISTED = 400;

export const MATCHES_ID = 'glossary-matches';

export interface ContentsProps {
  groups: readonly CategoryGroup[];
  filtered: readonly CatalogEntry[] | null;
  activeId: string | null;
  onActive(id: string): void;
  onChoose(id: string): void;
}

export function Contents({ groups, filtered, activeId, onActive, onChoose }: ContentsProps) {
  const total = groups.reduce((sum, group) => sum + group.entries.length, 0);
  return (
    <nav class="contents" aria-labelledby="contents-title">
      <h2 class="contents__title" id="contents-title">
        {i18n.t('glossary.contents')}
      </h2>
      {filtered ? (
        <TermList
          id={MATCHES_ID}
          label={i18n.t('search.resultsLabel')}
          items={filtered.slice(0, MAX_LISTED).map(({ term, language }) => ({
            id: term.id,
            title: term.title,
            category: term.category,
            lang: language,
          }))}
          activeId={activeId}
          onActive={onActive}
          onChoose={onChoose}
        />
      ) : (
        <ol class="contents__groups">
          {groups.map((group) => (
            <li key={group.category}>
              <a class="contents__category" href={`#${categoryAnchor(group.category)}`}>
                <span lang={group.entries[0]?.language}>{group.category}</span>{' '}
                <span class="contents__count">{group.entries.length}</span>
              </a>
              {total <= MAX_LISTED && (
                <ol class="contents__terms">
                  {group.entries.map(({ term, language }) => (
                    <li key={term.id}>
                      <a href={`#${term.id}`} lang={language}>
                        {term.title}
                      </a>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
