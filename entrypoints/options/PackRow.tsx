/** One installed pack: what it is, on/off, its place in the order, export and remove. */
import { useState } from 'preact/hooks';
import type { PackSummary } from '@/utils/pack-library';

export interface PackRowProps {
  pack: PackSummary;
  first: boolean;
  last: boolean;
  onEnabled: (enabled: boolean) => void;
  onMove: (delta: -1 | 1) => void;
  onExport: () => void;
  onRemove: () => void;
}

const number = new Intl.NumberFormat('en');

export function PackRow({
  pack,
  first,
  last,
  onEnabled,
  onMove,
  onExport,
  onRemove,
}: PackRowProps) {
  const [confirming, setConfirming] = useState(false);
  const titleId = `pack-${pack.id}-title`;
  return (
    <li class={`pack${pack.enabled ? '' : ' pack--off'}`} aria-labelledby={titleId}>
      <label class="pack__switch">
        <input
          type="checkbox"
          role="switch"
          checked={pack.enabled}
          aria-labelledby={titleId}
          onChange={(event) => onEnabled(event.currentTarget.checked)}
        />
      </label>
      <div class="pack__about">
        <span class="pack__title" id={titleId}>
          {pack.title}
        </span>
        <span class="pack__meta">
          {pack.broken
            ? 'Stored data is missing or damaged: import it again or remove it.'
            : `${number.format(pack.termCount)} terms · version ${pack.version} · as of ${pack.asOf}`}
          {pack.bundled && ' · comes with Gloss'}
        </span>
      </div>
      {confirming ? (
        <div class="pack__actions" role="group" aria-label={`Remove ${pack.title}?`}>
          <span class="pack__confirm">Remove this pack?</span>
          <button type="button" class="button button--danger" onClick={onRemove}>
            Remove
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <div class="pack__actions">
          <button
            type="button"
            class="button button--icon"
            disabled={first}
            aria-label={`Move ${pack.title} up`}
            title="Move up (wins over the packs below)"
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="button button--icon"
            disabled={last}
            aria-label={`Move ${pack.title} down`}
            title="Move down"
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            class="button"
            disabled={pack.broken}
            aria-label={`Export ${pack.title}`}
            onClick={onExport}
          >
            Export
          </button>
          {!pack.bundled && (
            <button
              type="button"
              class="button"
              aria-label={`Remove ${pack.title}`}
              onClick={() => setConfirming(true)}
            >
              Remove
            </button>
          )}
        </div>
      )}
    </li>
  );
}
