/** What happened to the last import: progress, success, the reasons it was refused, or a question. */
import { i18n } from '#i18n';
import type { ImportState } from './use-pack-import';

export interface ImportStatusProps {
  state: ImportState;
  onReplace: () => void;
  onDismiss: () => void;
}

export function ImportStatus({ state, onReplace, onDismiss }: ImportStatusProps) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <p class="notice" role="status">
          {state.message}
        </p>
      );
    case 'done':
      return (
        <p class="notice notice--ok" role="status">
          {state.message}
        </p>
      );
    case 'unreadable':
      return (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{state.message}</p>
          <button type="button" class="button" onClick={onDismiss}>
            {i18n.t('import.dismiss')}
          </button>
        </div>
      );
    case 'confirm-replace':
      return (
        <div class="notice notice--ask" role="alertdialog" aria-labelledby="replace-question">
          <p id="replace-question">
            {i18n.t('import.replaceQuestion', {
              id: state.pack.id,
              pack: state.pack.title,
              version: state.pack.version,
              file: state.fileName,
            })}
          </p>
          <div class="notice__actions">
            <button type="button" class="button button--primary" onClick={onReplace}>
              {i18n.t('import.replace')}
            </button>
            <button type="button" class="button" onClick={onDismiss}>
              {i18n.t('import.cancel')}
            </button>
          </div>
        </div>
      );
    case 'rejected':
      return (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{i18n.t('import.rejected', { file: state.fileName })}</p>
          <ul class="notice__errors">
            {state.errors.map((error) => (
              <li key={error}>
                <code>{error}</code>
              </li>
            ))}
          </ul>
          <button type="button" class="button" onClick={onDismiss}>
            {i18n.t('import.dismiss')}
          </button>
        </div>
      );
  }
}
