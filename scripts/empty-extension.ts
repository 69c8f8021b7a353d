/**
 * The floor a page pays for any extension with a content script: an MV3 extension whose content
 * script is empty, injected where Gloss's are (every http(s) page and frame, about:blank frames
 * too). The corpus runner builds it in a temporary folder and measures pages with it, with Gloss
 * and with no extension, in the same run (issue #14: Gloss's added cost is judged against this).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface EmptyExtension {
  /** The unpacked extension, to load with --load-extension. */
  dir: string;
  /** Deletes the folder. */
  remove(): void;
}

export function makeEmptyExtension(): EmptyExtension {
  const dir = mkdtempSync(path.join(tmpdir(), 'gloss-empty-extension-'));
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script',
    version: '1.0.0',
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content.js'],
        all_frames: true,
        match_about_blank: true,
      },
    ],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'content.js'), '// Intentionally empty: the cost of being there.\n');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
