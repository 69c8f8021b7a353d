/**
 * The page's popover before and after its code has arrived (see popover-slot.ts; a frame asks
 * for it when a reader first points at a mark, or on a first show): calls made before then wait
 * for it (show) or are skipped (prime: the show renders in full instead), and a hide cancels a
 * show still waiting.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PopoverContent } from './PopoverView';
import type { Popover, PopoverCallbacks, ShowOptions } from './popover';
import { loadPageScripts } from './load-page-scripts';
import { popoverClass, type PopoverClass } from './popover-slot';

export class LazyPopover {
  private popover: Popover | null = null;
  private loading: Promise<Popover> | null = null;
  /** Bumped by every show and hide: a show that waited for the code is dropped if it is stale. */
  private version = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly callbacks: PopoverCallbacks,
    private readonly load: () => Promise<PopoverClass> = () =>
      popoverClass(loadPageScripts('popover')),
  ) {}

  private disposed = false;

  private get(): Promise<Popover> {
    this.loading ??= this.load()
      .then(async (Class) => {
        this.popover = new Class(this.ctx, this.callbacks);
        if (this.disposed) this.popover.dispose();
        // The shadow root is built now, so the first show (often the end of a hover's dwell,
        // which the loading overlapped) only renders the card.
        else await this.popover.prepare();
        return this.popover;
      })
      .catch((error: unknown) => {
        // Another try on the next use: the background may have been restarting.
        this.loading = null;
        throw error;
      });
    return this.loading;
  }

  /**
   * Starts bringing the popover's code to this frame and building its UI, when a reader is about
   * to need it (the pointer is on a mark). Errors are left for the show that needs it to meet.
   */
  warm(): void {
    // Called on each mark the pointer reaches: once the popover is there, nothing is left to do.
    if (!this.popover && !this.disposed) this.get().catch(() => undefined);
  }

  get isOpen(): boolean {
    return this.popover?.isOpen ?? false;
  }

  contains(target: EventTarget | null): boolean {
    return this.popover?.contains(target) ?? false;
  }

  async show(content: PopoverContent, options: ShowOptions): Promise<void> {
    const version = ++this.version;
    const popover = this.popover ?? (await this.get());
    if (version !== this.version || !this.ctx.isValid || this.disposed) return;
    await popover.show(content, options);
  }

  prime(content: PopoverContent, options: ShowOptions): void {
    if (this.popover) this.popover.prime(content, options);
    else this.warm();
  }

  unprime(): void {
    this.popover?.unprime();
  }

  hide(restoreFocus = false): void {
    this.version++;
    this.popover?.hide(restoreFocus);
  }

  /** Closes the popover and takes its host out of the page, for good (the session ended). */
  dispose(): void {
    this.disposed = true;
    this.version++;
    this.popover?.dispose();
  }
}
