/** The table of contents: categories with their terms; while filtering, only the matches. */
import type { CatalogEntry } from '@/glossary/catalog';
import { categoryAnchor, type CategoryGroup } from './categories';

/** Past this many terms a full list stops helping; the categories alone remain. */
const MAX_LISTED = 400;

export function Contents({
  groups,
  filtered,
}: {
  groups: readonly CategoryGroup[];
  filtered: readonly CatalogEntry[] | null;
}) {
  const total = groups.reduce((sum, group) => sum + group.entries.length, 0);
  return (
    <nav class="contents" aria-label="Contents">
      <h2 class="contents__title">Contents</h2>
      {filtered ? (
        <ol class="contents__terms">
          {filtered.slice(0, MAX_LISTED).map(({ term }) => (
            <li key={term.id}>
              <a href={`#${term.id}`}>{term.title}</a>
            </li>
          ))}
        </ol>
      ) : (
        <ol class="contents__groups">
          {groups.map((group) => (
            <li key={group.category}>
              <a class="contents__category" href={`#${categoryAnchor(group.category)}`}>
                {group.category} <span class="contents__count">{group.entries.length}</span>
              </a>
              {total <= MAX_LISTED && (
                <ol class="contents__terms">
                  {group.entries.map(({ term }) => (
                    <li key={term.id}>
                      <a href={`#${term.id}`}>{term.title}</a>
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
