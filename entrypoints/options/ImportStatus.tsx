/** What happened to the last import: progress, success, the reasons it was refused, or a question. */
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
    case 'confirm-replace':
      return (
        <div class="notice notice--ask" role="alertdialog" aria-labelledby="replace-question">
          <p id="replace-question">
            A pack with the id “{state.pack.id}” is already installed. Replace it with “
            {state.pack.title}” version {state.pack.version} from {state.fileName}?
          </p>
          <div class="notice__actions">
            <button type="button" class="button button--primary" onClick={onReplace}>
              Replace
            </button>
            <button type="button" class="button" onClick={onDismiss}>
              Cancel
            </button>
          </div>
        </div>
      );
    case 'rejected':
      return (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">
            {state.fileName} was not imported. Nothing was changed. Problems found:
          </p>
          <ul class="notice__errors">
            {state.errors.map((error) => (
              <li key={error}>
                <code>{error}</code>
              </li>
            ))}
          </ul>
          <button type="button" class="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      );
  }
}
