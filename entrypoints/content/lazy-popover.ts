/**
 * The page's popover before and after its code has arrived (see popover-slot.ts): calls made
 * before then wait for it (show) or are skipped (prime: the show renders in full instead), and a
 * hide cancels a show still waiting.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PopoverContent } from './PopoverView';
import type { Popover, PopoverCallbacks, ShowOptions } from './popover';
import { popoverClass, type PopoverClass } from './popover-slot';

export class LazyPopover {
  private popover: Popover | null = null;
  private loading: Promise<Popover> | null = null;
  /** Bumped by every show and hide: a show that waited for the code is dropped if it is stale. */
  private version = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly callbacks: PopoverCallbacks,
    private readonly load: () => Promise<PopoverClass> = popoverClass,
  ) {}

  private disposed = false;

  private get(): Promise<Popover> {
    this.loading ??= this.load().then((Class) => {
      this.popover = new Class(this.ctx, this.callbacks);
      if (this.disposed) this.popover.dispose();
      return this.popover;
    });
    return this.loading;
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
    else void this.get();
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

  /** Builds the popover's UI ahead of need (idle time), once its code is there. */
  async prepare(): Promise<void> {
    if (this.disposed) return;
    await (await this.get()).prepare();
  }
}
