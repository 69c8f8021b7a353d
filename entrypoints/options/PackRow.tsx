/** One installed pack: what it is, on/off, its place in the order, export and remove. */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatDate, formatNumber } from '@/utils/ui-locale';
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
        <span class="pack__title" id={titleId} lang={pack.language || undefined}>
          {pack.title}
        </span>
        <span class="pack__meta">
          {pack.broken
            ? i18n.t('packs.broken')
            : i18n.t('packs.meta', {
                count: formatNumber(pack.termCount),
                version: pack.version,
                date: formatDate(pack.asOf),
              })}
          {pack.bundled && i18n.t('packs.bundled')}
        </span>
      </div>
      {confirming ? (
        <div
          class="pack__actions"
          role="group"
          aria-label={i18n.t('packs.removeGroup', { pack: pack.title })}
        >
          <span class="pack__confirm">{i18n.t('packs.removeQuestion')}</span>
          <button type="button" class="button button--danger" onClick={onRemove}>
            {i18n.t('packs.remove')}
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            {i18n.t('packs.keep')}
          </button>
        </div>
      ) : (
        <div class="pack__actions">
          <button
            type="button"
            class="button button--icon"
            disabled={first}
            aria-label={i18n.t('packs.moveUp', { pack: pack.title })}
            title={i18n.t('packs.moveUpHint')}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="button button--icon"
            disabled={last}
            aria-label={i18n.t('packs.moveDown', { pack: pack.title })}
            title={i18n.t('packs.moveDownHint')}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            class="button"
            disabled={pack.broken}
            aria-label={i18n.t('packs.exportPack', { pack: pack.title })}
            onClick={onExport}
          >
            {i18n.t('packs.export')}
          </button>
          {!pack.bundled && (
            <button
              type="button"
              class="button"
              aria-label={i18n.t('packs.removePack', { pack: pack.title })}
              onClick={() => setConfirming(true)}
            >
              {i18n.t('packs.remove')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
