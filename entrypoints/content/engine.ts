/**
 * Gloss on one page: compiles the enabled packs, scans, keeps marks up to date as the page changes
 * and as the reader changes settings. The page's DOM is never modified here.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compile } from '@/glossary/matcher';
import { Catalog } from '@/glossary/catalog';
import type { Pack } from '@/glossary/schema';
import { hiddenTermsFor, type Settings } from '@/utils/settings';
import { HighlightLayer } from './highlights';
import { HitTester } from './hit-test';
import { MarkStore, type Occurrence } from './marks';
import { PageObserver } from './observer';
import { Scanner } from './scanner';
import { blockRootOf } from './text-blocks';

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

  constructor(
    private readonly ctx: ContentScriptContext,
    packs: readonly Pack[],
    private settings: Settings,
    private readonly host: string,
  ) {
    this.catalog = new Catalog(packs);
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
    this.scanner = new Scanner(this.compileMatcher(), this.store, () => ctx.isValid);
    this.observer = new PageObserver({
      rescan: async (roots) => void (await this.scanner.scan(roots)),
      textChanged: (nodes) => this.store.dropInNodes(nodes, blockRootOf),
      beforePass: () => this.repair(),
      onCutoff: () => console.debug('Gloss: this page changes too often; marks are paused here.'),
      setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
    });
    ctx.onInvalidated(() => this.stop());
  }

  async start(): Promise<void> {
    // Some documents (an XML error page, a script-built page mid-way) have no root yet.
    const root = document.body ?? document.documentElement;
    if (!root) return;
    this.observer.observe(root);
    await this.scanner.scan([root], true);
    this.ctx.setInterval(() => this.repair(), REGISTRY_CHECK_MS);
    // Single-page apps: a completed navigation is a new page for "first mention" purposes. The
    // Navigation API's events reach the isolated world (patching history.pushState would not).
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation) {
      this.ctx.addEventListener(
        navigation,
        'navigatesuccess' as never,
        () => void this.rescanAll(),
      );
    }
  }

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
      this.scanner.setMatcher(this.compileMatcher());
      await this.rescanAll();
    }
  }

  private async rescanAll(): Promise<void> {
    this.store.clear();
    const root = document.body ?? document.documentElement;
    if (root) await this.scanner.scan([root], true);
  }

  marks(): Occurrence[] {
    return this.store.shownInOrder();
  }

  private compileMatcher() {
    this.markableKey = this.filterKey();
    return compile(
      this.catalog.markable({
        disabledCategories: this.settings.disabledCategories,
        hiddenTerms: hiddenTermsFor(this.settings, this.host),
      }),
    );
  }

  private filterKey(): string {
    return JSON.stringify([
      this.settings.disabledCategories,
      [...hiddenTermsFor(this.settings, this.host)].sort(),
    ]);
  }

  private repair(): void {
    this.store.prune();
    this.layer.ensureRegistered();
  }
}
