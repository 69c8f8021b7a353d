/**
 * The text of the pack that ships with Gloss.
 *
 * Extension pages and the background import it. The content script does not: 80 kB of text in its
 * own bundle cost every page 4–6 ms more in the one task that compiles and starts Gloss, and that
 * task is what turns long on a slow machine. Instead a data-only content script
 * (`content-scripts/bundled-pack.js`, generated in wxt.config.ts, run with the engine when the main
 * script asks for it) leaves the text on the content scripts' own global, in a task of its own.
 * Should it be missing, the background hands the text over.
 */
import type { MatcherData } from '@/glossary/matcher-data';
import { send } from './messages';
import {
  BUNDLED_MATCHER_GLOBAL,
  BUNDLED_PACK_FILE,
  BUNDLED_PACK_GLOBAL,
} from './bundled-pack-script';

// Every top-level pack file as text (there is one); the bundled one is picked by its id.
const packFiles = import.meta.glob<string>('/glossary/packs/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export async function bundledPackText(): Promise<string> {
  // A build-time constant: in every other bundle this branch, and the import it avoids, is gone.
  if (import.meta.env.ENTRYPOINT !== 'content') return packFiles[`/${BUNDLED_PACK_FILE}`]!;
  const global = globalThis as Record<string, unknown>;
  // The data script comes with the engine, asked for now (utils/page-scripts.ts), and carries the
  // compiled matcher that compiling here would cost.
  if (global[BUNDLED_PACK_GLOBAL] === undefined) {
    await send('gloss:load-scripts', { part: 'engine' }).catch(() => undefined);
  }
  const text = global[BUNDLED_PACK_GLOBAL];
  if (typeof text === 'string') {
    delete global[BUNDLED_PACK_GLOBAL];
    return text;
  }
  try {
    return await send('gloss:bundled-pack', {});
  } catch {
    throw new Error('Gloss: the bundled glossary is unavailable');
  }
}

/**
 * The bundled pack's matcher as compiled at build time, taken (once) from the data script's global;
 * null elsewhere than in the content script, or when the data script did not run (the engine then
 * compiles the pack itself; it also checks the data before using it).
 */
export function takeBundledMatcherData(): MatcherData | null {
  if (import.meta.env.ENTRYPOINT !== 'content') return null;
  const global = globalThis as Record<string, unknown>;
  const data = global[BUNDLED_MATCHER_GLOBAL];
  delete global[BUNDLED_MATCHER_GLOBAL];
  return typeof data === 'object' && data !== null ? (data as MatcherData) : null;
}
