/**
 * Hover intent over marks: the popover opens after the pointer rests on a mark (a dwell), not while
 * it passes over; it closes after an abandon delay unless the pointer moves into it; a click pins
 * it; a tap opens it; a tap or click elsewhere closes it; Esc closes it.
 *
 * Pointer moves only record the position; the hit test runs at most once per animation frame.
 */
import type { Settings } from '@/utils/settings';
import { probe } from '@/utils/test-probe';
import type { Engine } from './engine';
import type { Occurrence } from './marks';
import type { PageSession } from './session';
import { anchorAt, type TermPopover } from './term-popover';

const ABANDON_MS = 300;
/**
 * How long before the dwell ends the popover is rendered and placed, invisibly: long enough for
 * that work to finish, short enough that a pointer merely passing over marks never pays for it.
 * Shorter dwells render at their end, in full.
 */
const PRIME_LEAD_MS = 100;

export interface HoverTarget {
  /** The shown mark at (x, y). */
  at(x: number, y: number): Occurrence | null;
  dwellMs(): number;
  open(occurrence: Occurrence, point: { x: number; y: number }, pinned: boolean): void;
  /** The pointer is on a mark: the popover's code should be on its way (it loads on first use). */
  warm(): void;
  /** Render the popover for `occurrence` invisibly, ahead of the dwell's end (only when closed). */
  prime(occurrence: Occurrence, point: { x: number; y: number }): void;
  unprime(): void;
  close(): void;
  isOpen(): boolean;
  /** True when an event target is the popover. */
  inPopover(target: EventTarget | null): boolean;
}

export class HoverIntent {
  private point: { x: number; y: number } | null = null;
  private frame = 0;
  private over: Occurrence | null = null;
  private shown: Occurrence | null = null;
  private dwellTimer = 0;
  private primeTimer = 0;
  private primed: Occurrence | null = null;
  private abandonTimer = 0;
  private insidePopover = false;
  pinned = false;

  constructor(
    private readonly session: PageSession,
    private readonly target: HoverTarget,
  ) {
    const options = { capture: true, passive: true };
    session.addEventListener(document, 'pointermove', (e) => this.onMove(e), options);
    session.addEventListener(document, 'pointerdown', (e) => this.onDown(e), options);
    session.addEventListener(document, 'click', (e) => this.onClick(e), options);
    session.addEventListener(document, 'keydown', (e) => this.onKey(e), { capture: true });
    session.addEventListener(window, 'blur', () => this.cancelDwell());
  }

  /** The popover opened or closed by other means (keyboard, lookup). */
  setShown(occurrence: Occurrence | null, pinned: boolean): void {
    this.shown = occurrence;
    this.pinned = pinned;
    this.cancelDwell();
    this.cancelAbandon();
  }

  pointerEnteredPopover(): void {
    this.insidePopover = true;
    // A mark grazed on the way into the popover must not replace what the reader came to read.
    this.cancelDwell();
    this.over = null;
    this.cancelAbandon();
    this.settled();
  }

  pointerLeftPopover(): void {
    this.insidePopover = false;
    if (!this.pinned) this.scheduleAbandon();
  }

  /**
   * For the end-to-end tests (test build only): the pointer's last position has been handled and
   * no dwell, abandon or frame is pending, so nothing more will happen until the pointer moves.
   */
  private settled(): void {
    // Runs on every pointer frame: production builds skip it before reading any state.
    if (!import.meta.env.GLOSS_TEST_BUILD) return;
    if (this.frame || this.dwellTimer || this.primeTimer || this.abandonTimer) return;
    const { x, y } = this.point ?? { x: -1, y: -1 };
    probe('hover-settled', { x, y, open: this.target.isOpen(), inPopover: this.insidePopover });
  }

  private onMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.point = { x: event.clientX, y: event.clientY };
    if (this.frame) return;
    this.frame = this.session.requestAnimationFrame(() => {
      this.frame = 0;
      this.evaluate();
    });
  }

  private evaluate(): void {
    this.decide();
    this.settled();
  }

  private decide(): void {
    if (!this.point || this.insidePopover) return;
    const { x, y } = this.point;
    const occurrence = this.target.at(x, y);
    if (occurrence === this.over) return;
    this.over = occurrence;
    this.cancelDwell();
    if (occurrence && occurrence === this.shown) {
      this.cancelAbandon();
      return;
    }
    if (occurrence) {
      this.target.warm();
      const dwell = this.target.dwellMs();
      if (dwell >= PRIME_LEAD_MS && !this.target.isOpen()) {
        this.primeTimer = this.session.setTimeout(() => {
          this.primeTimer = 0;
          if (this.over !== occurrence || this.insidePopover || this.target.isOpen()) return;
          this.primed = occurrence;
          this.target.prime(occurrence, { x, y });
        }, dwell - PRIME_LEAD_MS);
      }
      this.dwellTimer = this.session.setTimeout(() => {
        this.dwellTimer = 0;
        // For the benchmark: the time from here to the painted popover is what a reader waits.
        performance.mark('gloss:dwell-end');
        if (this.over === occurrence && !this.insidePopover) this.show(occurrence, { x, y }, false);
        this.settled();
      }, dwell);
    }
    if (this.target.isOpen() && !this.pinned && occurrence !== this.shown) this.scheduleAbandon();
  }

  private onDown(event: PointerEvent): void {
    if (this.target.inPopover(event.target)) return;
    if (event.pointerType !== 'touch' && event.button !== 0) return;
    const occurrence = this.target.at(event.clientX, event.clientY);
    if (!occurrence && this.target.isOpen()) {
      this.target.close();
      this.shown = null;
    }
  }

  private onClick(event: MouseEvent): void {
    if (this.target.inPopover(event.target)) return;
    const occurrence = this.target.at(event.clientX, event.clientY);
    // A click (or tap) on a mark pins its popover; the click itself is left alone, so a mark
    // inside a link is still a working link.
    if (occurrence) this.show(occurrence, { x: event.clientX, y: event.clientY }, true);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.target.isOpen()) {
      this.target.close();
      this.shown = null;
    }
  }

  private show(occurrence: Occurrence, point: { x: number; y: number }, pinned: boolean): void {
    this.cancelAbandon();
    this.shown = occurrence;
    this.pinned = pinned;
    this.target.open(occurrence, point, pinned);
  }

  private scheduleAbandon(): void {
    if (this.abandonTimer) return;
    this.abandonTimer = this.session.setTimeout(() => {
      this.abandonTimer = 0;
      if (!(this.pinned || this.insidePopover || (this.over && this.over === this.shown))) {
        this.target.close();
        this.shown = null;
      }
      this.settled();
    }, ABANDON_MS);
  }

  private cancelDwell(): void {
    if (this.dwellTimer) this.session.clear(this.dwellTimer);
    if (this.primeTimer) this.session.clear(this.primeTimer);
    this.dwellTimer = 0;
    this.primeTimer = 0;
    if (this.primed && this.primed !== this.shown) this.target.unprime();
    this.primed = null;
  }

  private cancelAbandon(): void {
    if (this.abandonTimer) this.session.clear(this.abandonTimer);
    this.abandonTimer = 0;
  }
}

/**
 * Hover, focus and tap over the session's mentions open the popover. Returns the hover logic,
 * which lives as long as the session (its listeners and timers are the session's).
 */
export function initHover(
  session: PageSession,
  engine: Engine,
  popover: TermPopover,
  settings: () => Settings,
): HoverIntent {
  const hover = new HoverIntent(session, {
    at: (x, y) => engine.hits.at(x, y),
    dwellMs: () => settings().hoverDelayMs,
    open: (occurrence, point, pinned) =>
      popover.openMention(occurrence, anchorAt(occurrence, point), pinned, false),
    warm: () => popover.warm(),
    prime: (occurrence, point) => popover.prime(occurrence, anchorAt(occurrence, point)),
    unprime: () => popover.unprime(),
    close: () => popover.hide(true),
    isOpen: () => popover.isOpen,
    inPopover: (target) => popover.contains(target),
  });
  popover.listen({
    pointerEnter: () => hover.pointerEnteredPopover(),
    pointerLeave: () => hover.pointerLeftPopover(),
    shown: (occurrence, pinned) => hover.setShown(occurrence, pinned),
  });
  return hover;
}
