/**
 * The import flow as state: read the file, check it, then store it, or ask before replacing, or
 * show why it was refused. Storage changes only in `installPack`, after every check has passed.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { LIMITS, type Pack } from '@/glossary/schema';
import { installPack, prepareImport } from '@/utils/pack-library';
import { formatNumber } from '@/utils/ui-locale';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy'; message: string }
  | { kind: 'rejected'; fileName: string; errors: string[] }
  | { kind: 'confirm-replace'; fileName: string; pack: Pack }
  | { kind: 'done'; message: string }
  | { kind: 'unreadable'; message: string };

/** Lets the browser paint the progress text before a long synchronous step. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 16));

export function usePackImport() {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const install = async (pack: Pack, fileName: string) => {
    const count = formatNumber(pack.terms.length);
    setState({ kind: 'busy', message: i18n.t('import.saving', { count }) });
    await paint();
    try {
      await installPack(pack);
      setState({
        kind: 'done',
        message: i18n.t('import.done', { pack: pack.title, count }),
      });
    } catch (error) {
      setState({
        kind: 'rejected',
        fileName,
        errors: [i18n.t('import.notSaved', { reason: String(error) })],
      });
    }
  };

  const importFile = async (file: File) => {
    if (file.size > LIMITS.packBytes) {
      const mb = LIMITS.packBytes / 1024 / 1024;
      const errors = [i18n.t('import.tooLarge', { mb: formatNumber(mb) })];
      setState({ kind: 'rejected', fileName: file.name, errors });
      return;
    }
    setState({ kind: 'busy', message: i18n.t('import.reading', { file: file.name }) });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      // A file moved, deleted or locked after it was chosen: say so instead of "Reading…" forever.
      const reason = error instanceof Error ? error.message : String(error);
      setState({
        kind: 'unreadable',
        message: i18n.t('import.unreadable', { file: file.name, reason }),
      });
      return;
    }
    setState({ kind: 'busy', message: i18n.t('import.checking', { file: file.name }) });
    await paint();
    const decision = await prepareImport(text);
    if (decision.kind === 'rejected') {
      setState({ kind: 'rejected', fileName: file.name, errors: decision.errors });
    } else if (decision.kind === 'replace') {
      setState({ kind: 'confirm-replace', fileName: file.name, pack: decision.pack });
    } else {
      await install(decision.pack, file.name);
    }
  };

  return {
    state,
    importFile: (file: File) => void importFile(file),
    confirmReplace: () => {
      if (state.kind === 'confirm-replace') void install(state.pack, state.fileName);
    },
    dismiss: () => setState({ kind: 'idle' }),
  };
}
