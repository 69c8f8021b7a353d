/**
 * The enabled packs as the background uses them, built once per pack change: their catalogue
 * (every term, hidden or in a category switched off: the background answers explicit lookups and
 * judges what a page may draw, and the page applies those filters itself) and one matcher over
 * every alias and topic word. The gate's verdict (page-gate.ts) and selection lookups
 * (lookups.ts) share it; topic words are cues, which lookups leave out.
 */
import bundledMatcher from 'virtual:gloss-bundled-matcher';
import { Catalog } from '@/glossary/catalog';
import { compile, matcherFrom, type Matcher } from '@/glossary/matcher';
import { tablesFromData } from '@/glossary/matcher-data';
import { withTopicWords } from '@/glossary/topic-words';
import { getBundledPack, loadEnabledPacks } from '@/utils/packs';

export interface EnabledPacks {
  catalog: Catalog;
  /**
   * Built on first use (the omnibox needs none): the build's tables when the bundled pack is the
   * only one enabled, else compiled (tens of ms for the bundled pack's size).
   */
  readonly matcher: Matcher;
}

let current: Promise<EnabledPacks> | null = null;

/** The enabled packs (see the module comment); the same object until `forgetEnabledPacks`. */
export function enabledPacks(): Promise<EnabledPacks> {
  current ??= Promise.all([loadEnabledPacks(), getBundledPack()]).then(([packs, bundled]) => {
    const catalog = new Catalog(packs);
    // The very pack object this build shipped (an imported pack may reuse its id).
    const bundledOnly = packs.length === 1 && packs[0] === bundled;
    let matcher: Matcher | null = null;
    return {
      catalog,
      get matcher() {
        matcher ??= bundledOnly
          ? matcherFrom(tablesFromData(bundledMatcher, true))
          : compile(withTopicWords(catalog.terms, catalog.topicWords));
        return matcher;
      },
    };
  });
  return current;
}

/** Called when the packs change: the next use builds them again. */
export function forgetEnabledPacks(): void {
  current = null;
}
