/**
 * Glossary packs: import (file picker or drop), and the installed list. The first enabled pack that
 * defines a term wins, so the order matters and can be changed.
 */
import { useState } from 'preact/hooks';
import { exportPack, movePack, removePack, setPackEnabled } from '@/utils/pack-library';
import { downloadText } from './download';
import { ImportStatus } from './ImportStatus';
import { PackRow } from './PackRow';
import { usePackImport } from './use-pack-import';
import { usePackSummaries } from './use-pack-summaries';

function report(action: Promise<unknown>) {
  void action.catch((error: unknown) => console.warn('Gloss:', error));
}

async function exportToFile(id: string) {
  const json = await exportPack(id);
  if (json) downloadText(json, `${id}.json`);
}

export function PacksPanel() {
  const packs = usePackSummaries();
  const { state, importFile, confirmReplace, dismiss } = usePackImport();
  const [dragging, setDragging] = useState(false);

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
        Glossary packs
      </h2>
      <p class="setting__hint">
        When two packs explain the same term, the one higher in the list wins.
      </p>
      {packs === null ? (
        <p class="setting__hint">Loading packs…</p>
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
          Import a pack…
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
        <span class="setting__hint">or drop a .json file here</span>
      </div>
      <ImportStatus state={state} onReplace={confirmReplace} onDismiss={dismiss} />
    </section>
  );
}
