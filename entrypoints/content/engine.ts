/**
 * Marking, for one page session: compiles the enabled packs, scans, keeps marks up to date as the
 * page changes and as the reader changes settings. The page's DOM is never modified here. Every
 * observer, timer and listener belongs to the session, so nothing outlives it.
 */
import { compileSliced, matcherFrom, type Matcher } from '@/glossary/matcher';
import { tablesFromData, type MatcherData } from '@/glossary/matcher-data';
import { withTopicWords } from '@/glossary/topic-words';
import { Catalog } from '@/glossary/catalog';
import type { Pack } from '@/glossary/schema';
import type { Settings } from '@/utils/settings-schema';
import { hiddenTermsFor } from '@/utils/site-rules';
import { HighlightLayer } from './highlights';
import { HitTester } from './hit-test';
import { MarkStore, type Occurrence } from './marks';
import { PageObserver } from './observer';
import { Scanner, type ScanStats } from './scanner';
import { yieldToPage } from './yield-to-page';
import { blockRootOf } from './text-blocks';
import type { PageSession } from './session';
import { probe } from '@/utils/test-probe';
import { isEditableDocument } from './story/editable';
import { ShadowWatch } from './story/shadow-watch';
import { Scope } from './story/scope';
import { roleOfTerm } from './story/topic';
import { canSee } from './story/visible';
import { useWordStarts } from '@/glossary/cjk-words';
import { RemoteWordStarts, type AskWordStarts } from './word-starts';

const REGISTRY_CHECK_MS = 1_000;

export class Engine {
  catalog: Catalog;
  readonly store: MarkStore;
  readonly layer: HighlightLayer;
  readonly hits: HitTester;
  private readonly scanner: Scanner;
  private readonly observer: PageObserver;
  private readonly listeners = new Set<() => void>();
  /** Where Gloss reads: the story (found at start and at each new page of a single-page app). */
  private scope: Scope | null = null;
  private readonly shadows: ShadowWatch;
  private markableKey = '';
  /** Where Chinese and Japanese word starts come from, when not from this page's segmenter. */
  private wordStarts: RemoteWordStarts | null = null;
  /** Bumped per compile, so that a slower, older compile never replaces a newer matcher. */
  private compiles = 0;

  /**
   * Builds the engine over `packs`. `precompiled`: the packs' matcher compiled earlier (the
   * bundled pack's, at build time); without it, or if it cannot be read, the packs are compiled
   * here in slices (a big glossary must not be one long task). `askWordStarts`: where Chinese
   * and Japanese word starts come from (the background; see word-starts.ts); without it, this
   * context's own segmenter.
   */
  static async create(
    session: PageSession,
    packs: readonly Pack[],
    settings: Settings,
    host: string,
    precompiled?: MatcherData,
    askWordStarts?: AskWordStarts,
  ): Promise<Engine> {
    // This runs in the task that evaluated page-engine.js (a promise waited for it): decoding
    // starts in a task of its own, so that neither makes a long task on a slow machine.
    await yieldToPage();
    const catalog = new Catalog(packs);
    const base = await matcherOf(catalog, precompiled);
    // Each step in a task of its own: chained by `await` alone, decoding the matcher, building the
    // engine and the scan's first slice ran as one microtask checkpoint of 30 ms after a 0.1 ms
    // task (traced on the corpus's BBC Chinese page, Chromium 156), which the Long Tasks API
    // counts as one task.
    await yieldToPage();
    const engine = new Engine(session, catalog, base, settings, host);
    if (askWordStarts) engine.askWordStartsOf(askWordStarts);
    return engine;
  }

  /** Word starts from `ask` from now on; blocks read undecided meanwhile are read again. */
  private askWordStartsOf(ask: AskWordStarts): void {
    const remote = new RemoteWordStarts(ask, async () => {
      const roots = this.scanner.takeUndecided();
      if (roots.length > 0 && this.session.isValid) await this.scanner.rescan(roots);
    });
    this.wordStarts = remote;
    this.session.onAbort(useWordStarts(remote.source));
  }

  private constructor(
    private readonly session: PageSession,
    catalog: Catalog,
    /** Every term of the catalogue; the scanner's matcher leaves out what the reader hid. */
    private base: Matcher,
    private settings: Settings,
    private readonly host: string,
  ) {
    this.catalog = catalog;
    this.markableKey = this.filterKey();
    const matcher = base.without(this.leftOut());
    this.layer = new HighlightLayer(settings.markStyle);
    this.shadows = new ShadowWatch((root) => this.observer.observe(root));
    // Every mention in the story answers, drawn or not: the hit tester asks the store.
    this.hits = new HitTester(
      this.layer.terms,
      () => this.shadows.roots(),
      (node) => this.store.answeringIn(node),
    );
    this.store = new MarkStore(
      settings.density,
      (change) => {
        this.layer.apply(change);
        this.listeners.forEach((listener) => listener());
      },
      {
        canSee: (occurrence) => canSee(occurrence.pieces?.[0] ?? occurrence.range),
        roleOf: (termId) => roleOfTerm(this.catalog.get(termId)?.term ?? {}),
        hasStory: () => this.scope?.story != null,
      },
    );
    this.scanner = new Scanner(
      matcher,
      this.store,
      () => session.isValid,
      () => this.scope,
      this.shadows.hooks,
    );
    this.observer = new PageObserver({
      rescan: async (roots, shallow) => {
        const { blocks } = await this.scanner.rescan(roots, shallow);
        await this.wordStarts?.settled();
        probe('pass-done', { blocks });
      },
      textChanged: (nodes) => this.store.dropInNodes(nodes, blockRootOf),
      beforePass: (removals) => this.repair(removals),
      onCutoff: () => console.debug('Gloss: this page changes too often; marks are paused here.'),
      setTimeout: (handler, ms) => session.setTimeout(handler, ms),
    });
    session.onAbort(() => this.stop());
  }

  async start(): Promise<void> {
    // Some documents (an XML error page, a script-built page mid-way) have no root yet.
    const root = document.body ?? document.documentElement;
    if (!root) return probe('no-root');
    // Text being edited is the writer's, not an article: editable documents and iframe editors.
    if (isEditableDocument(document)) {
      console.debug('Gloss: an editable document; nothing is read here.');
      return;
    }
    this.observer.observe(root);
    const stats = await this.scan(mayOpenScrolled());
    // Tests and the corpus wait on this instead of a fixed time when nothing is to be drawn.
    console.debug(`Gloss: page read (${stats.blocks} blocks, ${stats.occurrences} mentions)`);
    this.session.setInterval(() => this.repair(this.observer.stopped), REGISTRY_CHECK_MS);
    // Single-page apps: a completed navigation is a new page for "first mention" purposes. The
    // Navigation API's events reach the isolated world (patching history.pushState would not).
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation) {
      this.session.addEventListener(navigation, 'navigatesuccess', () => void this.rescanAll());
    }
  }

  /** Ends marking: called when the session ends (also safe to call before it does). */
  stop(): void {
    this.scanner.cancel();
    this.observer.disconnect();
    this.store.clear();
    this.layer.dispose();
  }

  /** Called after every change of what is shown (for the popover and the popup's list). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `precompiled`: as for `create`, for the new `packs`. */
  async applySettings(
    settings: Settings,
    packs?: readonly Pack[],
    precompiled?: MatcherData,
  ): Promise<void> {
    const previous = this.settings;
    this.settings = settings;
    if (settings.markStyle !== previous.markStyle) this.layer.setStyle(settings.markStyle);
    this.store.setDensity(settings.density);
    if (packs) {
      const catalog = new Catalog(packs);
      const compile = ++this.compiles;
      const base = await matcherOf(catalog, precompiled);
      if (compile !== this.compiles || !this.session.isValid) return;
      this.catalog = catalog;
      this.base = base;
    }
    const key = this.filterKey();
    if (packs || key !== this.markableKey) {
      this.markableKey = key;
      this.scanner.setMatcher(this.base.without(this.leftOut()));
      await this.rescanAll();
    }
  }

  /** The terms the reader's filters leave out here (categories switched off, terms hidden). */
  private leftOut(): Set<string> {
    const markable = new Set(
      markableTerms(this.catalog, this.settings, this.host).map((t) => t.id),
    );
    return new Set([...this.catalog.entries.keys()].filter((id) => !markable.has(id)));
  }

  private async rescanAll(): Promise<void> {
    this.store.clear();
    if (this.scope && !isEditableDocument(document)) await this.scan();
  }

  /**
   * Finds the story (DOM reads only; its cost is logged for the corpus), then reads it.
   * @param fromView read the blocks in view first: a layout read, worth it only where the reader
   * may not be at the top of the page.
   */
  private async scan(fromView = true): Promise<ScanStats> {
    probe('scan');
    // Finding the story starts a task of its own (see `create`), and so does the first slice: on
    // the bench's 5 MB page the two together came near 50 ms (20–33 ms for the story, sampled).
    await yieldToPage();
    const started = performance.now();
    this.scope = Scope.of(document);
    const ms = performance.now() - started;
    // The top frame's story is the page's (the corpus reads this line; frames have their own).
    if (window === window.top) {
      console.debug(`Gloss: story ${this.scope.story?.rule ?? 'none'} in ${ms.toFixed(2)} ms`);
    }
    await yieldToPage();
    const stats = await this.scanner.scan(this.scope.scanRoots(document), true, fromView);
    // Blocks whose word starts were asked for are read again when the answer comes.
    await this.wordStarts?.settled();
    probe('scan-done');
    return stats;
  }

  /** The marks drawn, in reading order. */
  marks(): Occurrence[] {
    return this.store.shownInOrder();
  }

  /** Every mention that answers the reader (drawn or not), in reading order. */
  mentions(): Occurrence[] {
    return this.store.answeringInOrder();
  }

  private filterKey(): string {
    return JSON.stringify([
      this.settings.disabledCategories,
      [...hiddenTermsFor(this.settings, this.host)].sort(),
    ]);
  }

  /**
   * Before each observer pass and once a second: blocks the page took out lose their marks (when
   * it removed something, or always once the observer has been cut off); shadow trees, which are
   * not observed, are checked range by range; the highlights are registered again if the page
   * cleared them.
   */
  private repair(removals: boolean): void {
    if (!this.scope) return;
    // A document turned editable later (an iframe editor switching designMode on) is left alone.
    if (isEditableDocument(document)) {
      this.scanner.cancel();
      this.observer.disconnect();
      this.store.clear();
      return;
    }
    if (removals) this.store.pruneDetached();
    this.store.pruneShadowTrees();
    this.store.recheckUnseen();
    const attached = this.shadows.newlyAttached();
    if (attached.length > 0) void this.scanner.rescan(attached);
    this.layer.ensureRegistered();
  }
}

/** The terms the reader's settings leave markable on this site. */
/**
 * Whether the page may have opened scrolled down: it has a fragment, or it was reloaded or reached
 * through history (the browser restores the scroll position). A fresh load opens at the top, where
 * document order is reading order; asking layout where the view is would force a layout mid-load
 * (issue #14: no layout reads on the load path). Read from the Navigation Timing entry, no layout.
 */
function mayOpenScrolled(): boolean {
  if (location.hash) return true;
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation?.type !== 'navigate';
}

/**
 * A matcher over all of `catalog`'s terms: from `precompiled` (data this build made: the bundled
 * pack's) when it can be read, else compiled in slices. Data that cannot be read is reported and
 * compiled over.
 */
async function matcherOf(catalog: Catalog, precompiled?: MatcherData): Promise<Matcher> {
  if (precompiled) {
    try {
      const tables = tablesFromData(precompiled, true);
      // The fold tables (decoded on first use, by the matcher) in the next task.
      await yieldToPage();
      const matcher = matcherFrom(tables);
      probe('matcher', { from: 'build' });
      return matcher;
    } catch (error) {
      console.debug('Gloss: compiling the glossary here instead:', error);
    }
  }
  const matcher = await compileSliced(
    withTopicWords(catalog.terms, catalog.topicWords),
    yieldToPage,
  );
  probe('matcher', { from: 'page' });
  return matcher;
}

function markableTerms(catalog: Catalog, settings: Settings, host: string) {
  return catalog.markable({
    disabledCategories: settings.disabledCategories,
    hiddenTerms: hiddenTermsFor(settings, host),
  });
}
