/** A small group of radio buttons drawn as a segmented control; the options are fixed strings. */
export interface ChoiceProps<T extends string> {
  legend: string;
  name: string;
  value: T;
  options: readonly (readonly [T, string])[];
  hint?: string;
  onChange: (value: T) => void;
}

export function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  hint,
  onChange,
}: ChoiceProps<T>) {
  return (
    <fieldset class="setting choice">
      <legend class="setting__label">{legend}</legend>
      <div class="choice__options">
        {options.map(([optionValue, label]) => (
          <label key={optionValue} class="choice__option">
            <input
              type="radio"
              name={name}
              value={optionValue}
              checked={value === optionValue}
              onChange={() => onChange(optionValue)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {hint && <p class="setting__hint">{hint}</p>}
    </fieldset>
  );
}
