/** A frame's request for a part of Gloss's page code (see utils/page-scripts.ts). */
import { send } from '@/utils/messages';
import type { PageScriptPart } from '@/utils/page-scripts';

/**
 * A loader for `part`, as script slots take it: resolves once the background has run its files in
 * this frame; rejects with the browser's reason when it could not.
 */
export const loadPageScripts =
  (part: Exclude<PageScriptPart, 'main' | 'story'>) => (): Promise<null> =>
    send('gloss:load-scripts', { part });
