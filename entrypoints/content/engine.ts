/**
 * Marking, for one page session: compiles the enabled packs, scans, keeps marks up to date as the
 * page changes and as the reader changes settings. The page's DOM is never modified here. Every
 * observer, timer and listener belongs to the session, so nothing outlives it.
 */
import { compileSliced, type Matcher } from '@/glossary/matcher';
import { Catalog } from '@/glossary/catalog';
import type { Pack } from '@/glossary/schema';
import type { Settings } from '@/utils/settings-schema';
import { hiddenTermsFor } from '@/utils/site-rules';
import { HighlightLayer } from './highlights';
import { HitTester } from './hit-test';
import { MarkStore, type Occurrence } from './marks';
import { PageObserver } from './observer';
import { Scanner, yieldToPage } from './scanner';
import { blockRootOf } from './text-blocks';
import type { PageSession } from './session';
import { probe } from '@/utils/test-probe';

const REGISTRY_CHECK_MS = 1_000;

export class Engine {
  catalog: Catalog;
  readonly store: MarkStore;
  readonly layer: HighlightLayer;
  readonly hits: HitTester;
  private readonly scanner: Scanner;
  private readonly observer: PageObserver;
  private readonly listeners = new Set<() => void>();
  /** Open shadow roots that hold marks, for hit-testing inside them. */
  private readonly shadowRootSet = new Set<ShadowRoot>();
  private markableKey = '';
  /** Bumped per compile, so that a slower, older compile never replaces a newer matcher. */
  private compiles = 0;

  /** Compiles the packs in slices (a big glossary must not be one long task), then builds. */
  static async create(
    session: PageSession,
    packs: readonly Pack[],
    settings: Settings,
    host: string,
  ): Promise<Engine> {
    const catalog = new Catalog(packs);
    const matcher = await compileSliced(markableTerms(catalog, settings, host), yieldToPage);
    return new Engine(session, catalog, matcher, settings, host);
  }

  private constructor(
    private readonly session: PageSession,
    catalog: Catalog,
    matcher: Matcher,
    private settings: Settings,
    private readonly host: string,
  ) {
    this.catalog = catalog;
    this.markableKey = this.filterKey();
    this.layer = new HighlightLayer(settings.markStyle);
    this.hits = new HitTester(this.layer.terms, () => [...this.shadowRootSet]);
    this.store = new MarkStore(settings.density, (change) => {
      this.layer.apply(change);
      change.removed.forEach((occurrence) => this.hits.remove(occurrence));
      change.added.forEach((occurrence) => {
        this.hits.add(occurrence);
        const root = occurrence.range.startContainer.getRootNode();
        if (root instanceof ShadowRoot) this.shadowRootSet.add(root);
      });
      this.listeners.forEach((listener) => listener());
    });
    this.scanner = new Scanner(matcher, this.store, () => session.isValid);
    this.observer = new PageObserver({
      rescan: async (roots) => {
        await this.scanner.rescan(roots);
        probe('pass-done');
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
    this.observer.observe(root);
    await this.scan(root);
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

  async applySettings(settings: Settings, packs?: readonly Pack[]): Promise<void> {
    const previous = this.settings;
    this.settings = settings;
    if (settings.markStyle !== previous.markStyle) this.layer.setStyle(settings.markStyle);
    this.store.setDensity(settings.density);
    if (packs) this.catalog = new Catalog(packs);
    const key = this.filterKey();
    if (packs || key !== this.markableKey) {
      const matcher = await this.compileMatcher();
      if (!matcher) return;
      this.scanner.setMatcher(matcher);
      await this.rescanAll();
    }
  }

  private async rescanAll(): Promise<void> {
    this.store.clear();
    const root = document.body ?? document.documentElement;
    if (root) await this.scan(root);
  }

  private async scan(root: Node): Promise<void> {
    probe('scan');
    await this.scanner.scan([root], true);
    probe('scan-done');
  }

  marks(): Occurrence[] {
    return this.store.shownInOrder();
  }

  /** Null when a newer compile started meanwhile. */
  private async compileMatcher(): Promise<Matcher | null> {
    const compile = ++this.compiles;
    this.markableKey = this.filterKey();
    const matcher = await compileSliced(
      markableTerms(this.catalog, this.settings, this.host),
      yieldToPage,
    );
    return compile === this.compiles && this.session.isValid ? matcher : null;
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
    if (removals) this.store.pruneDetached();
    this.store.pruneShadowTrees();
    this.layer.ensureRegistered();
  }
}

/** The terms the reader's settings leave markable on this site. */
function markableTerms(catalog: Catalog, settings: Settings, host: string) {
  return catalog.markable({
    disabledCategories: settings.disabledCategories,
    hiddenTerms: hiddenTermsFor(settings, host),
  });
}
