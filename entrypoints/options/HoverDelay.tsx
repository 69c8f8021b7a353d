/** The hover delay slider: follows the pointer while dragging, saves once when it is let go. */
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatNumber } from '@/utils/ui-locale';

export interface HoverDelayProps {
  value: number;
  onChange: (ms: number) => void;
}

export function HoverDelay({ value, onChange }: HoverDelayProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <div class="setting">
      <label class="setting__label" for="hover-delay">
        {i18n.t('options.hoverDelay')}
      </label>
      <div class="slider">
        <input
          id="hover-delay"
          type="range"
          min={0}
          max={3000}
          step={50}
          value={draft}
          aria-describedby="hover-delay-value"
          onInput={(event) => setDraft(Number(event.currentTarget.value))}
          onChange={(event) => onChange(Number(event.currentTarget.value))}
        />
        <output id="hover-delay-value" class="slider__value" for="hover-delay">
          {i18n.t('options.hoverDelayValue', { ms: formatNumber(draft) })}
        </output>
      </div>
      <p class="setting__hint">{i18n.t('options.hoverDelayHint')}</p>
    </div>
  );
}
