/**
 * Glossary packs: import (file picker or drop), and the installed list. The first enabled pack that
 * defines a term wins, so the order matters and can be changed.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { exportPack, movePack, removePack, setPackEnabled } from '@/utils/pack-library';
import { downloadText } from './download';
import { ImportStatus } from './ImportStatus';
import { PackRow } from './PackRow';
import { usePackImport } from './use-pack-import';
import { usePackSummaries } from './use-pack-summaries';

async function exportToFile(id: string) {
  const json = await exportPack(id);
  if (json) downloadText(json, `${id}.json`);
}

export function PacksPanel() {
  const packs = usePackSummaries();
  const { state, importFile, confirmReplace, dismiss } = usePackImport();
  const [dragging, setDragging] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const report = (action: Promise<unknown>) => {
    action.then(
      () => setFailure(null),
      (error: unknown) => {
        console.warn('Gloss:', error);
        setFailure(error instanceof Error ? error.message : String(error));
      },
    );
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) importFile(file);
  };

  return (
    <section
      class={`panel packs${dragging ? ' packs--drop' : ''}`}
      aria-labelledby="packs-title"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 class="panel__title" id="packs-title">
        {i18n.t('packs.title')}
      </h2>
      <p class="setting__hint">{i18n.t('packs.orderHint')}</p>
      {packs === null ? (
        <p class="setting__hint">{i18n.t('packs.loading')}</p>
      ) : (
        <ul class="pack-list">
          {packs.map((pack, index) => (
            <PackRow
              key={pack.id}
              pack={pack}
              first={index === 0}
              last={index === packs.length - 1}
              onEnabled={(enabled) => report(setPackEnabled(pack.id, enabled))}
              onMove={(delta) => report(movePack(pack.id, delta))}
              onExport={() => report(exportToFile(pack.id))}
              onRemove={() => report(removePack(pack.id))}
            />
          ))}
        </ul>
      )}
      <div class="import">
        <label class="button button--primary import__pick">
          {i18n.t('packs.import')}
          <input
            class="visually-hidden"
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              // Cleared so that choosing the same file again (after fixing it) imports it again.
              input.value = '';
              if (file) importFile(file);
            }}
          />
        </label>
        <span class="setting__hint">{i18n.t('packs.dropHint')}</span>
      </div>
      {failure !== null && (
        <p class="notice notice--error" role="alert">
          {i18n.t('packs.actionFailed', { reason: failure })}
        </p>
      )}
      <ImportStatus state={state} onReplace={confirmReplace} onDismiss={dismiss} />
    </section>
  );
}
