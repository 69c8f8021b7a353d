/**
 * A listbox of terms. Focus may stay in a search field that drives it (aria-activedescendant), or
 * sit on the list itself, which then handles ↑/↓/Home/End/Enter.
 */
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatNumber } from '@/utils/ui-locale';
import './term-list.css';

export interface TermListItem {
  id: string;
  title: string;
  category: string;
  detail?: string;
  count?: number;
  /** The pack's language: titles, categories and details are pack text. */
  lang?: string;
}

export interface TermListProps {
  items: readonly TermListItem[];
  activeId: string | null;
  onChoose(id: string): void;
  /** The active option moved (pointer or keys). */
  onActive?: (id: string) => void;
  id?: string;
  label?: string;
}

export function optionId(listId: string, termId: string): string {
  return `${listId}-option-${termId}`;
}

/** The id `delta` steps from `activeId`, clamped to the list; the first item when none is active. */
export function moveActive(
  items: readonly { id: string }[],
  activeId: string | null,
  delta: number,
): string | null {
  if (items.length === 0) return null;
  const index = items.findIndex((item) => item.id === activeId);
  if (index === -1) return items[delta < 0 ? items.length - 1 : 0]!.id;
  return items[Math.max(0, Math.min(items.length - 1, index + delta))]!.id;
}

export function TermList(props: TermListProps) {
  const listId = props.id ?? 'gloss-terms';
  const { activeId, items } = props;

  useEffect(() => {
    if (activeId === null) return;
    document.getElementById(optionId(listId, activeId))?.scrollIntoView({ block: 'nearest' });
  }, [activeId, listId]);

  const onKeyDown = (event: KeyboardEvent) => {
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      Home: -Infinity,
      End: Infinity,
    };
    const step = steps[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const next = Number.isFinite(step)
        ? moveActive(items, activeId, step)
        : (items[step < 0 ? 0 : items.length - 1]?.id ?? null);
      if (next) props.onActive?.(next);
    } else if (event.key === 'Enter' && activeId) {
      event.preventDefault();
      props.onChoose(activeId);
    }
  };

  return (
    <ul
      class="gloss-list"
      role="listbox"
      id={listId}
      tabIndex={0}
      aria-label={props.label ?? i18n.t('list.label')}
      aria-activedescendant={activeId ? optionId(listId, activeId) : undefined}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <li
          key={item.id}
          id={optionId(listId, item.id)}
          role="option"
          class="gloss-list__option"
          aria-selected={item.id === activeId}
          onMouseMove={() => item.id !== activeId && props.onActive?.(item.id)}
          onClick={() => props.onChoose(item.id)}
        >
          <span class="gloss-list__main" lang={item.lang}>
            <span class="gloss-list__title">{item.title}</span>
            <span class="gloss-list__category">{item.category}</span>
          </span>
          {item.detail && (
            <span class="gloss-list__detail" lang={item.lang}>
              {item.detail}
            </span>
          )}
          {item.count !== undefined && <Count count={item.count} />}
        </li>
      ))}
    </ul>
  );
}

/** "×3" to the eye; "3 on the page" to a screen reader (a span has no role to carry a label). */
function Count({ count }: { count: number }) {
  return (
    <span class="gloss-list__count">
      <span aria-hidden="true">×{formatNumber(count)}</span>
      <span class="gloss-visually-hidden">
        {i18n.t('list.countOnPage', { count: formatNumber(count) })}
      </span>
    </span>
  );
}
