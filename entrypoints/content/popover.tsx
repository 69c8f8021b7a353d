/**
 * The one popover of a page: mounted lazily, once, in a shadow root (styles isolated both ways),
 * in the top layer (above modal dialogs and fullscreen elements), and placed with floating-ui next
 * to the term without covering it. On narrow viewports it is a bottom sheet.
 */
import { render } from 'preact';
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from '@/components/term-card.css?inline';
import themeCss from '@/components/theme.css?inline';
import popoverCss from './popover.css?inline';
import type { CatalogEntry } from '@/glossary/catalog';
import { PopoverView, type PopoverContent } from './PopoverView';
import { UI_HOST_TAG } from './text-blocks';
import { pageTheme } from './theme';

const SHEET_MAX_WIDTH = 480;

export interface PopoverCallbacks {
  lookup(id: string): CatalogEntry | undefined;
  onOpenGlossary(termId?: string, query?: string): void;
  onHide(termId: string, scope: 'site' | 'everywhere'): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
  onClosed(): void;
  themeSetting(): 'auto' | 'light' | 'dark';
}

export interface ShowOptions {
  /** Where the term is on screen (a rect of the mark or selection). */
  anchor: () => DOMRect | null;
  focus?: boolean;
  /** What the popover is for (a mark): a primed popover is reused only for the same one. */
  owner?: object;
}

export class Popover {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private mounting: Promise<void> | null = null;
  private content: PopoverContent | null = null;
  private options: ShowOptions | null = null;
  private returnFocus: Element | null = null;
  /** Bumped on every show/hide so that a late mount or placement cannot resurrect a hidden popover. */
  private version = 0;
  /** The term rendered and placed, still invisible, ahead of a hover's dwell ending. */
  private primed: { content: PopoverContent; owner: object | undefined } | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly callbacks: PopoverCallbacks,
  ) {}

  get isOpen(): boolean {
    return this.content !== null;
  }

  get host(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  /** True when `target` (an event target, possibly retargeted to the host) is inside the popover. */
  contains(target: EventTarget | null): boolean {
    return target !== null && this.ui !== null && target === this.ui.shadowHost;
  }

  async show(content: PopoverContent, options: ShowOptions): Promise<void> {
    if (
      this.primed &&
      !options.focus &&
      options.owner !== undefined &&
      this.primed.owner === options.owner &&
      sameContent(this.primed.content, content)
    ) {
      // Rendered and placed during the dwell: showing it is one style change.
      this.primed = null;
      this.content = content;
      this.options = options;
      this.ui!.uiContainer.style.removeProperty('visibility');
      performance.mark('gloss:popover-shown');
      return;
    }
    this.primed = null;
    this.ui?.uiContainer.style.removeProperty('visibility');
    const version = ++this.version;
    if (options.focus && !this.isOpen) this.returnFocus = deepActiveElement();
    this.content = content;
    this.options = options;
    await this.mount();
    if (version !== this.version || !this.ui) return;
    this.attachToTopLayer();
    this.paint(content, options.focus ?? false);
    await this.place(version);
    performance.mark('gloss:popover-shown');
  }

  /**
   * Renders and places a hovered term's popover, invisible, before the dwell ends, so that the
   * reader does not wait for rendering and layout once it does. Only when nothing is open.
   */
  prime(content: PopoverContent, options: ShowOptions): void {
    if (this.isOpen || !this.ui) return;
    const version = ++this.version;
    this.primed = { content, owner: options.owner };
    this.options = options;
    if (!this.ui.shadowHost.isConnected) this.ui.mount();
    this.ui.uiContainer.style.setProperty('visibility', 'hidden');
    this.attachToTopLayer();
    this.paint(content, false);
    void this.place(version);
  }

  /** The pointer left before the dwell ended. */
  unprime(): void {
    if (!this.primed || this.isOpen) return;
    this.primed = null;
    this.version++;
    this.options = null;
    this.detach();
  }

  hide(restoreFocus = false): void {
    if (!this.isOpen) return this.unprime();
    this.version++;
    this.content = null;
    this.options = null;
    this.detach();
    if (restoreFocus && this.returnFocus instanceof HTMLElement) {
      this.returnFocus.focus({ preventScroll: true });
    }
    this.returnFocus = null;
    this.callbacks.onClosed();
  }

  /** Closes and removes the host from the page; a later show builds a new one. */
  dispose(): void {
    this.hide();
    this.version++;
    this.ui?.remove();
    this.ui = null;
  }

  private detach(): void {
    const host = this.ui?.shadowHost;
    if (!host) return;
    render(null, this.ui!.uiContainer);
    if (host.matches(':popover-open')) host.hidePopover();
    host.style.setProperty('display', 'none', 'important');
  }

  /** Creates the UI ahead of need (in idle time), so the first hover does not wait for it. */
  prepare(): Promise<void> {
    if (this.ui) return Promise.resolve();
    this.mounting ??= this.create().finally(() => {
      this.mounting = null;
    });
    return this.mounting;
  }

  private async create(): Promise<void> {
    const ui = await createShadowRootUi(this.ctx, {
      name: UI_HOST_TAG.toLowerCase(),
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      css: [themeCss, cardCss, popoverCss].join('\n'),
      onMount: (container) => container,
    });
    const host = ui.shadowHost;
    host.setAttribute('popover', 'manual');
    host.addEventListener('pointerenter', () => this.callbacks.onPointerEnter());
    host.addEventListener('pointerleave', () => this.callbacks.onPointerLeave());
    host.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.hide(true);
      } else if (event.key === 'Tab') keepFocusInside(ui.shadow, event);
    });
    this.ui = ui;
  }

  private async mount(): Promise<void> {
    if (!this.ui) await this.prepare();
    // Appended only when first shown; put back if the page removed it (some pages delete every
    // element they did not create).
    if (this.ui && !this.ui.shadowHost.isConnected) this.ui.mount();
  }

  /** The top layer keeps the popover above the page's dialogs, fullscreen and z-index wars. */
  private attachToTopLayer(): void {
    const host = this.ui!.shadowHost;
    // A modal dialog makes everything outside it inert, so the popover moves inside it.
    const modal = document.querySelector('dialog:modal') ?? document.fullscreenElement;
    const parent = modal ?? document.documentElement;
    if (host.parentNode !== parent) parent.append(host);
    host.style.setProperty('display', 'block', 'important');
    try {
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // Without the Popover API the host still shows, with a very high z-index from the CSS.
    }
  }

  private paint(content: PopoverContent, focus: boolean): void {
    if (!this.ui) return;
    render(
      <PopoverView
        content={content}
        theme={this.theme()}
        sheet={innerWidth <= SHEET_MAX_WIDTH}
        lookup={this.callbacks.lookup}
        focusOnRender={focus}
        onNavigate={(stack) => {
          this.content = { kind: 'term', stack };
          this.paint(this.content, true);
          void this.place(this.version);
        }}
        onOpenGlossary={this.callbacks.onOpenGlossary}
        onHide={(termId, scope) => {
          this.callbacks.onHide(termId, scope);
          this.hide(true);
        }}
        onClose={() => this.hide(true)}
      />,
      this.ui.uiContainer,
    );
  }

  private async place(version: number): Promise<void> {
    const floating = this.ui?.uiContainer.querySelector<HTMLElement>('.gloss-popover');
    const anchor = this.options?.anchor();
    if (!floating || !anchor) return;
    if (innerWidth <= SHEET_MAX_WIDTH) {
      floating.style.left = '';
      floating.style.top = '';
      return;
    }
    // A page zoomed with CSS (`<html style="zoom:1.25">`) scales the popover and its fixed position
    // with it (placed off the term, cut off at the bottom). The card undoes the zoom it inherits
    // (the host's `all: initial` cannot: zoom multiplies down the tree), so floating-ui's viewport
    // pixels are the card's pixels.
    const zoom = (this.ui!.shadowHost as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    floating.style.zoom = zoom > 0 && zoom !== 1 ? String(1 / zoom) : '';
    const reference = { getBoundingClientRect: () => this.options?.anchor() ?? anchor };
    const { x, y } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        // Never cover the term; only when the term itself is off screen (a lookup of a selection
        // scrolled away) does the popover slide vertically to stay visible.
        shift({ padding: 8, crossAxis: anchor.bottom < 0 || anchor.top > innerHeight }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            floating.style.maxHeight = `${Math.max(160, Math.min(availableHeight, 520))}px`;
          },
        }),
      ],
    });
    if (version !== this.version) return;
    floating.style.left = `${x}px`;
    floating.style.top = `${y}px`;
  }

  private theme(): 'light' | 'dark' {
    const setting = this.callbacks.themeSetting();
    if (setting !== 'auto') return setting;
    return pageTheme();
  }
}

function sameContent(a: PopoverContent, b: PopoverContent): boolean {
  return a.kind === 'term' && b.kind === 'term' && a.stack.join() === b.stack.join();
}

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const FOCUSABLE =
  'button, a[href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * While the popover is open, Tab and Shift+Tab go round its controls instead of leaving for the
 * page behind it (WAI-ARIA dialog pattern); Esc is the way out.
 */
function keepFocusInside(root: ShadowRoot, event: KeyboardEvent): void {
  const controls = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    // checkVisibility: the buttons of a closed <details> have boxes but cannot take focus.
    (el) => !el.hasAttribute('disabled') && el.checkVisibility({ contentVisibilityAuto: true }),
  );
  if (controls.length === 0) return;
  const first = controls[0]!;
  const last = controls.at(-1)!;
  const active = root.activeElement;
  const outside = !active || !controls.includes(active as HTMLElement);
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}
