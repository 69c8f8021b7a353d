/** A list of things the reader switched off or hid, each with a button to undo it. */
import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';

export interface RemovableItem {
  key: string;
  label: ComponentChildren;
  /** Read by screen readers on the button: "Remove example.com". */
  name: string;
}

export interface RemovableListProps {
  items: RemovableItem[];
  empty: string;
  action: string;
  onRemove: (key: string) => void;
}

export function RemovableList({ items, empty, action, onRemove }: RemovableListProps) {
  if (items.length === 0) return <p class="setting__hint">{empty}</p>;
  return (
    <ul class="removable">
      {items.map((item) => (
        <li key={item.key} class="removable__item">
          <span class="removable__label">{item.label}</span>
          <button
            type="button"
            class="button button--quiet"
            aria-label={i18n.t('options.actionOn', { action, name: item.name })}
            onClick={() => onRemove(item.key)}
          >
            {action}
          </button>
        </li>
      ))}
    </ul>
  );
}
