/**
 * A page session: Gloss's work on one page while it is on there. Every feature registers its
 * listeners, timers, frames and idle callbacks through the session (refined-github's
 * `init(signal)`, WXT's content-script context), so that switching Gloss off for the site, or the
 * extension being reloaded (the context invalidated), aborts the session and leaves nothing
 * running. Switching Gloss on again starts a fresh session.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { probe } from '@/utils/test-probe';

export class PageSession {
  /** Sessions not yet aborted, in this frame (there is at most one; a test checks). */
  private static live = 0;
  private readonly controller = new AbortController();
  /** Aborted by `abort()` or when the content-script context is invalidated. */
  readonly signal: AbortSignal;
  // Ids from separate browser counters, so one set per kind.
  private readonly timeouts = new Set<number>();
  private readonly intervals = new Set<number>();
  private readonly frames = new Set<number>();
  private readonly idles = new Set<number>();
  private listeners = 0;

  constructor(readonly ctx: ContentScriptContext) {
    this.signal = AbortSignal.any([ctx.signal, this.controller.signal]);
    PageSession.live++;
    this.signal.addEventListener('abort', () => this.release(), { once: true });
    probe('session-started', { live: PageSession.live });
  }

  get isValid(): boolean {
    return !this.signal.aborted;
  }

  abort(): void {
    this.controller.abort();
  }

  /** Runs `cleanup` when the session ends (at once if it has ended). */
  onAbort(cleanup: () => void): void {
    if (this.signal.aborted) cleanup();
    else this.signal.addEventListener('abort', cleanup, { once: true });
  }

  addEventListener<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    listener: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    listener: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(
    target: EventTarget,
    type: string,
    listener: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(
    target: EventTarget,
    type: string,
    listener: (event: Event) => void,
    options: AddEventListenerOptions = {},
  ): void {
    if (!this.isValid) return;
    target.addEventListener(type, listener, { ...options, signal: this.signal });
    this.listeners++;
  }

  /** Like `setTimeout`; the handler never runs after the session ended. Returns 0 then. */
  setTimeout(handler: () => void, ms = 0): number {
    if (!this.isValid) return 0;
    const id = window.setTimeout(() => {
      this.timeouts.delete(id);
      handler();
    }, ms);
    this.timeouts.add(id);
    return id;
  }

  setInterval(handler: () => void, ms: number): number {
    if (!this.isValid) return 0;
    const id = window.setInterval(handler, ms);
    this.intervals.add(id);
    return id;
  }

  requestAnimationFrame(callback: () => void): number {
    if (!this.isValid) return 0;
    const id = window.requestAnimationFrame(() => {
      this.frames.delete(id);
      callback();
    });
    this.frames.add(id);
    return id;
  }

  /** Like `requestIdleCallback` (a 500 ms timeout where the browser has none). */
  requestIdleCallback(callback: () => void): void {
    if (typeof requestIdleCallback !== 'function') {
      this.setTimeout(callback, 500);
      return;
    }
    if (!this.isValid) return;
    const id = requestIdleCallback(() => {
      this.idles.delete(id);
      callback();
    });
    this.idles.add(id);
  }

  /** Cancels a timeout, interval or frame this session scheduled. */
  clear(id: number): void {
    if (this.timeouts.delete(id)) window.clearTimeout(id);
    else if (this.intervals.delete(id)) window.clearInterval(id);
    else if (this.frames.delete(id)) window.cancelAnimationFrame(id);
  }

  private release(): void {
    // Everything still pending is cancelled; the listeners went with the signal.
    this.timeouts.forEach((id) => window.clearTimeout(id));
    this.intervals.forEach((id) => window.clearInterval(id));
    this.frames.forEach((id) => window.cancelAnimationFrame(id));
    this.idles.forEach((id) => cancelIdleCallback(id));
    const kinds = [this.timeouts, this.intervals, this.frames, this.idles];
    kinds.forEach((set) => set.clear());
    this.listeners = 0;
    PageSession.live--;
    const held = kinds.reduce((sum, set) => sum + set.size, this.listeners);
    probe('session-ended', { live: PageSession.live, held });
  }
}
