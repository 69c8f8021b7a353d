/** A labelled search field. Presentational: the caller owns the value and the keys. */
import { useEffect, useRef } from 'preact/hooks';
import './search-box.css';

export interface SearchBoxProps {
  value: string;
  onInput(value: string): void;
  onKey?: (event: KeyboardEvent) => void;
  label?: string;
  placeholder?: string;
  autoFocus?: boolean;
  id?: string;
  /** The id of the list the field drives, and its active option (listbox pattern). */
  controls?: string;
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
        {props.label ?? 'Search the glossary'}
      </label>
      <input
        ref={input}
        id={id}
        class="gloss-search__input"
        type="search"
        role="searchbox"
        autocomplete="off"
        spellcheck={false}
        placeholder={props.placeholder}
        value={props.value}
        aria-controls={props.controls}
        aria-activedescendant={props.activeDescendant}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        onKeyDown={(event) => props.onKey?.(event)}
      />
    </div>
  );
}
