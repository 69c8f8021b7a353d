/**
 * The import flow as state: read the file, check it, then store it, or ask before replacing, or
 * show why it was refused. Storage changes only in `installPack`, after every check has passed.
 */
import { useState } from 'preact/hooks';
import { LIMITS, type Pack } from '@/glossary/schema';
import { installPack, prepareImport } from '@/utils/pack-library';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy'; message: string }
  | { kind: 'rejected'; fileName: string; errors: string[] }
  | { kind: 'confirm-replace'; fileName: string; pack: Pack }
  | { kind: 'done'; message: string };

const number = new Intl.NumberFormat('en');

/** Lets the browser paint the progress text before a long synchronous step. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 16));

export function usePackImport() {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const install = async (pack: Pack, fileName: string) => {
    setState({ kind: 'busy', message: `Saving ${number.format(pack.terms.length)} terms…` });
    await paint();
    try {
      await installPack(pack);
      setState({
        kind: 'done',
        message: `Imported “${pack.title}” (${number.format(pack.terms.length)} terms). It is on and first in the list.`,
      });
    } catch (error) {
      setState({ kind: 'rejected', fileName, errors: [`could not be saved: ${String(error)}`] });
    }
  };

  const importFile = async (file: File) => {
    if (file.size > LIMITS.packBytes) {
      const mb = LIMITS.packBytes / 1024 / 1024;
      setState({ kind: 'rejected', fileName: file.name, errors: [`file is larger than ${mb} MB`] });
      return;
    }
    setState({ kind: 'busy', message: `Reading ${file.name}…` });
    const text = await file.text();
    setState({ kind: 'busy', message: `Checking ${file.name}…` });
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
