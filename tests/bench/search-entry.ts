/**
 * The popup search benchmark, bundled apart from the engine so that a missing search module only
 * leaves this part pending. `window.glossSearchBench.type(query)` types a query one character at a
 * time and times every keystroke, for the narrowed search and for plain fuse.js.
 */
import type { Term } from '@/glossary/schema';
import { createSearch, type GlossarySearch } from '@/glossary/search';
import { createFastSearch, type TermSearch } from '@/glossary/search-narrow';

let fast: TermSearch | null = null;
let fuse: GlossarySearch | null = null;

function keystrokes(search: GlossarySearch, query: string) {
  const times: number[] = [];
  let top = '';
  for (let i = 1; i <= query.length; i++) {
    const started = performance.now();
    const hits = search.search(query.slice(0, i));
    times.push(performance.now() - started);
    top = hits[0]?.term.id ?? '';
  }
  return { times, top };
}

const api = {
  setTerms(json: string) {
    const terms = JSON.parse(json) as Term[];
    let started = performance.now();
    fast = createFastSearch(terms);
    fast.prepare?.();
    const fastBuildMs = performance.now() - started;
    started = performance.now();
    fuse = createSearch(terms);
    const fuseBuildMs = performance.now() - started;
    return { terms: terms.length, fastBuildMs, fuseBuildMs };
  },

  /** fuse.js takes about a second per keystroke at this size: `withFuse` only on one pass. */
  type(query: string, withFuse: boolean) {
    return {
      fast: keystrokes(fast!, query),
      fuse: withFuse ? keystrokes(fuse!, query) : { times: [], top: '' },
    };
  },
};

(window as unknown as { glossSearchBench: typeof api }).glossSearchBench = api;

export type GlossSearchBench = typeof api;
