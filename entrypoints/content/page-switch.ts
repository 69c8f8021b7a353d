/**
 * Gloss on or off for this page, following the reader's settings: a page session while it is on,
 * none while it is off. Each change (settings, packs) applies after the one before it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Handlers } from '@/utils/messages';
import { loadEnabledPacks, precompiledMatcher } from '@/utils/packs';
import { isOnFor, type Settings } from '@/utils/settings';
import type { Engine } from './engine';
import { initHover } from './hover';
import { keyHandlers } from './keys';
import { initMarking } from './marking';
import { pageTermsHandler } from './page-terms';
import { selectionHandlers } from './selection';
import { PageSession } from './session';
import { TermPopover } from './term-popover';

interface Running {
  engine: Engine;
  handlers: Handlers<'tab'>;
}

export class PageSwitch {
  private session: PageSession | null = null;
  private running: Running | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: ContentScriptContext,
    private settings: Settings,
  ) {}

  /**
   * The answers to the popup's and background's messages, for the page as it is now. While a
   * session is starting, they wait for it: the popup must not hear "off" from a page that is
   * switching on.
   */
  handlers(): Handlers<'tab'> {
    if (this.session && !this.running) return this.afterStart;
    return this.running?.handlers ?? OFF;
  }

  private readonly afterStart = Object.fromEntries(
    Object.keys(OFF).map((type) => [
      type,
      async (request: never, sender: never) => {
        await this.queue;
        const handler = (this.running?.handlers ?? OFF)[type as keyof typeof OFF] as (
          request: never,
          sender: never,
        ) => unknown;
        return handler(request, sender);
      },
    ]),
  ) as Handlers<'tab'>;

  /** Applies new settings (or, with `packsChanged`, new packs) once earlier changes have. */
  update(settings: Settings = this.settings, packsChanged = false): Promise<void> {
    this.settings = settings;
    this.queue = this.queue
      .then(() => this.apply(packsChanged))
      .catch((error: unknown) => console.debug('Gloss: could not apply a change', error));
    return this.queue;
  }

  private async apply(packsChanged: boolean): Promise<void> {
    if (!this.ctx.isValid) return;
    if (!isOnFor(this.settings, location.hostname)) {
      this.session?.abort();
      this.session = null;
      this.running = null;
    } else if (!this.session) {
      await this.start(new PageSession(this.ctx));
    } else if (this.running) {
      const packs = packsChanged ? await loadEnabledPacks() : undefined;
      await this.running.engine.applySettings(
        this.settings,
        packs,
        packs && precompiledMatcher(packs),
      );
    }
  }

  /** Starts every page feature in `session`: marking, then hover, keys, lookups, page terms. */
  private async start(session: PageSession): Promise<void> {
    this.session = session;
    const engine = await initMarking(session, await loadEnabledPacks(), this.settings);
    if (!engine || this.session !== session) return;
    const settings = () => this.settings;
    const popover = new TermPopover(session, engine, settings);
    initHover(session, engine, popover, settings);
    this.running = {
      engine,
      handlers: {
        ...pageTermsHandler(engine),
        ...keyHandlers(engine, popover),
        ...selectionHandlers(session, popover),
      },
    };
    // Settings may have changed while the glossary compiled.
    await engine.applySettings(this.settings);
  }
}

/** Gloss is off here (or still starting): the popup learns that, lookups go elsewhere. */
const OFF: Handlers<'tab'> = {
  ...pageTermsHandler(null),
  'gloss:step': () => ({ ok: false }),
  'gloss:reveal-term': () => ({ ok: false }),
  'gloss:explain-selection': () => ({ ok: false, termId: null }),
};
