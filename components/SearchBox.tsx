/**
 * A labelled search field that drives a list of options: the WAI-ARIA combobox pattern (focus stays
 * in the field; ↑/↓ move the list's active option through aria-activedescendant). Presentational:
 * the caller owns the value, the keys and the list.
 */
import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import './search-box.css';

export interface SearchBoxProps {
  value: string;
  onInput(value: string): void;
  onKey?: (event: KeyboardEvent) => void;
  label?: string;
  placeholder?: string;
  autoFocus?: boolean;
  id?: string;
  /** The id of the listbox the field drives; `expanded` says whether it is shown with options. */
  controls?: string;
  expanded?: boolean;
  activeDescendant?: string;
}

export function SearchBox(props: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  const id = props.id ?? 'gloss-search';
  useEffect(() => {
    // The autofocus attribute is ignored in some extension popups; focusing after mount is not.
    if (props.autoFocus) input.current?.focus();
  }, [props.autoFocus]);
  return (
    <div class="gloss-search">
      <label class="gloss-search__label" for={id}>
        {props.label ?? i18n.t('search.label')}
      </label>
      <input
        ref={input}
        id={id}
        class="gloss-search__input"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={props.expanded ?? false}
        aria-controls={props.controls}
        aria-activedescendant={props.expanded ? props.activeDescendant : undefined}
        autocomplete="off"
        spellcheck={false}
        placeholder={props.placeholder ?? i18n.t('common.searchPlaceholder')}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        onKeyDown={(event) => props.onKey?.(event)}
      />
    </div>
  );
}
