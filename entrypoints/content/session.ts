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
  private readonly pending = new Map<number, 'timeout' | 'interval' | 'frame' | 'idle'>();
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
      this.pending.delete(id);
      if (this.isValid) handler();
    }, ms);
    this.pending.set(id, 'timeout');
    return id;
  }

  setInterval(handler: () => void, ms: number): number {
    if (!this.isValid) return 0;
    const id = window.setInterval(() => this.isValid && handler(), ms);
    this.pending.set(id, 'interval');
    return id;
  }

  requestAnimationFrame(callback: () => void): number {
    if (!this.isValid) return 0;
    const id = window.requestAnimationFrame(() => {
      this.pending.delete(-id);
      if (this.isValid) callback();
    });
    // Negative keys: frame ids and timer ids come from separate counters.
    this.pending.set(-id, 'frame');
    return id;
  }

  /** Like `requestIdleCallback` (a 500 ms timeout where the browser has none). */
  requestIdleCallback(callback: () => void): void {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number })
      .requestIdleCallback;
    if (!idle) {
      this.setTimeout(callback, 500);
      return;
    }
    if (!this.isValid) return;
    const id = idle(() => {
      this.pending.delete(-1e9 - id);
      if (this.isValid) callback();
    });
    this.pending.set(-1e9 - id, 'idle');
  }

  /** Cancels a timeout, interval or frame this session scheduled. */
  clear(id: number): void {
    const kind = this.pending.get(id) ?? this.pending.get(-id);
    if (kind === 'timeout') window.clearTimeout(id);
    else if (kind === 'interval') window.clearInterval(id);
    else if (kind === 'frame') window.cancelAnimationFrame(id);
    this.pending.delete(kind === 'frame' ? -id : id);
  }

  private release(): void {
    for (const [key, kind] of this.pending) {
      if (kind === 'timeout') window.clearTimeout(key);
      else if (kind === 'interval') window.clearInterval(key);
      else if (kind === 'frame') window.cancelAnimationFrame(-key);
      else
        (globalThis as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback?.(
          -key - 1e9,
        );
    }
    this.pending.clear();
    // The listeners went with the signal.
    this.listeners = 0;
    PageSession.live--;
    probe('session-ended', { live: PageSession.live, held: this.pending.size + this.listeners });
  }
}
