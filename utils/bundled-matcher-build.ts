/**
 * Build-time work on the bundled pack, for wxt.config.ts (and vitest.config.ts, whose tests import
 * the background's verdict): its matcher compiled once per build, for the pages' data script and,
 * as the virtual module `virtual:gloss-bundled-matcher`, for the background.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { BUNDLED_PACK_FILE, bundledPackScript } from './bundled-pack-script';
import { compileTables } from '../glossary/matcher';
import { matcherData } from '../glossary/matcher-data';
import { withTopicWords } from '../glossary/topic-words';

/** A pack as pages need it: everything but the text its quotes come from. */
function forPages(file: string): {
  terms: Parameters<typeof compileTables>[0];
  topicWords?: string[];
} {
  const { sourceText: _shownOnTheGlossaryPageOnly, ...pack } = JSON.parse(
    readFileSync(file, 'utf8'),
  );
  return pack;
}

let bundledMatcher: ReturnType<typeof matcherData> | undefined;

/** The bundled pack's matcher (its terms and topic words), compiled once per build. */
function bundledMatcherData(): ReturnType<typeof matcherData> {
  const pack = forPages(BUNDLED_PACK_FILE);
  bundledMatcher ??= matcherData(compileTables(withTopicWords(pack.terms, pack.topicWords ?? [])));
  return bundledMatcher;
}

/**
 * The bundled pack's data script: the pack as pages need it, and its matcher compiled here once
 * instead of on every page and frame (issue #14; glossary/matcher-data.ts).
 */
export function bundledPackData(): string {
  return bundledPackScript(JSON.stringify(forPages(BUNDLED_PACK_FILE)), bundledMatcherData());
}

const BUNDLED_MATCHER_MODULE = 'virtual:gloss-bundled-matcher';

/**
 * The same matcher for the background, as a module (`export default` its data): the gate's verdict
 * on a page's text (entrypoints/background/page-gate.ts) then needs no compile each time the
 * service worker wakes.
 */
export function bundledMatcherModule(): Plugin {
  const resolved = `\0${BUNDLED_MATCHER_MODULE}`;
  return {
    name: 'gloss:bundled-matcher',
    resolveId: (source) => (source === BUNDLED_MATCHER_MODULE ? resolved : undefined),
    load: (id) =>
      id === resolved ? `export default ${JSON.stringify(bundledMatcherData())};` : undefined,
  };
}
