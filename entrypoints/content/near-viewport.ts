/**
 * Which of many shown mentions are near the viewport, so that only those are registered with the
 * highlight registry.
 *
 * Why: Chromium rebuilds the markers of every registered range whenever the document's DOM or
 * style changes, or a highlight does (HighlightRegistry::ValidateHighlightMarkers, in the frame
 * after the change). With every mention drawn on a 5 MB article (23,000 ranges) each such frame
 * cost ~375 ms: the page's own appends, tickers and ads paid it, not only Gloss's changes (issue
 * #14's append benchmark: 421 ms on the 5 MB page against 85 ms on the 100 KB one). Near the
 * viewport is a few hundred at most.
 *
 * Nearness comes from an IntersectionObserver, so scrolling, resizing and layout shifts are all
 * seen. Observing every mention's block was itself a cost: with
 * 12,000 blocks, Chromium's intersection and compositing-inputs updates took ~24 ms of every
 * scrolled frame of the 5 MB page (traced). So blocks go in runs of RUN_LENGTH, in the order they
 * were scanned (document order, but for where a scan began in view and for later additions), and
 * only each run's first and last block is observed: a run is near when either end is. A block with
 * no box of its own (`display: contents`) cannot be observed that way, so it counts as near.
 *
 * A run longer than three viewports can hold the view with neither end near: at each report, the
 * runs with no end near are measured (two layout reads each, after the frame's layout) to find
 * those around the view. An observer reports crossings, not positions, so an end the view jumped
 * past without it ever being near would leave a remembered above/below wrong (a far run stayed
 * drawn after a jump, in a first version). Known limit: a scroll that changes no end's crossing
 * (inside one such long run, away from all ends) is not reported, and what it brings into view is
 * drawn at the next report. Every mention still answers hover and focus (hit-test.ts does not
 * depend on what is drawn).
 */
import { rangesOf } from './hit-test';
import type { Occurrence } from './marks';
import { SLICE_MS, yieldToPage } from './yield-to-page';

/** How far beyond the viewport mentions are drawn ahead of scrolling: one viewport each way. */
const ROOT_MARGIN = '100% 0px 100% 0px';

/** The element whose intersection with the viewport stands for `occurrence`'s. */
function anchorOf(occurrence: Occurrence): Element | null {
  const root = occurrence.root;
  if (root.nodeType === Node.ELEMENT_NODE) return root as Element;
  return occurrence.range.startContainer.parentElement;
}

/**
 * Blocks per run (see above): 12,000 blocks are then 375 observed elements. Each run coming in or
 * going out changes the highlight, and on the 5 MB page every such change cost a frame of ~30 ms
 * (a whole-page compositing-inputs update, traced): scrolling 400 px a frame there, the p90 frame
 * was 41–43 ms with runs of 16 or 32 blocks and 24 ms with 64 (19–22 ms without Gloss), while
 * the marks drawn near the view stay a few hundred.
 */
export const RUN_LENGTH = 64;

interface Run {
  anchors: Element[];
  near: boolean;
}

export class NearViewport {
  private readonly byAnchor = new Map<Element, Set<Occurrence>>();
  private readonly runOf = new Map<Element, Run>();
  private readonly runs = new Set<Run>();
  /** Observed ends last reported near. */
  private readonly nearEnds = new Set<Element>();
  /** While the constructor runs: its runs start drawn (they are), until their ends report. */
  private starting = false;
  /** Runs found around the view by measuring (see above). */
  private around = new Set<Run>();
  /** The run new blocks join until it is full. */
  private open: Run | null = null;
  /** Each mention's anchor as it was when added (null: none, always drawn). */
  private readonly anchors = new Map<Occurrence, Element | null>();
  private readonly observer: IntersectionObserver;
  /** Runs whose ends changed since the last `observeEnds`, with their ends before the change. */
  private readonly movedEnds = new Map<Run, Element[]>();
  /** The batches `addLater` has yet to add, in the order given, and where in the first it is. */
  private readonly queued: Occurrence[][] = [];
  private queuedAt = 0;
  /**
   * Queued mentions removed before their turn, with how many of their queued turns to skip (one
   * shown, hidden and shown again is queued twice): a map of those few, not of all queued.
   */
  private readonly dropped = new Map<Occurrence, number>();
  private draining = false;

  /**
   * @param highlight where the near mentions' ranges are registered: `shown`'s are drawn at the
   *   start (registered if they were not), and from then on this object alone adds to and deletes
   *   from it.
   */
  constructor(
    private readonly highlight: Highlight,
    shown: Iterable<Occurrence>,
  ) {
    this.observer = new IntersectionObserver((entries) => this.update(entries), {
      rootMargin: ROOT_MARGIN,
    });
    this.starting = true;
    for (const occurrence of shown) this.addNow(occurrence);
    this.starting = false;
    this.observeEnds();
  }

  /**
   * Adds `occurrences` in slices of background tasks (SLICE_MS each) instead of in this one. Added
   * one by one in the commit that crossed NEAR_VIEWPORT_FROM, the 5 MB benchmark page's thousands
   * of mentions were 12–20 ms of a 28–44 ms task (sampled, Chromium 156), and adding a mention to a
   * run only draws it if the run is near, which for all but a few the observer has yet to report.
   * The queue keeps their order: runs are made in the order blocks are added.
   */
  addLater(occurrences: Occurrence[]): void {
    if (occurrences.length === 0) return;
    this.queued.push(occurrences);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      // `disconnect` empties the queue, which ends this loop.
      while (this.queued.length > 0) {
        await yieldToPage();
        const deadline = performance.now() + SLICE_MS;
        let count = 0;
        while (this.queued.length > 0) {
          const batch = this.queued[0]!;
          const occurrence = batch[this.queuedAt++]!;
          if (this.queuedAt === batch.length) {
            this.queued.shift();
            this.queuedAt = 0;
          }
          const skips = this.dropped.get(occurrence);
          if (skips === undefined) this.addNow(occurrence);
          else if (skips > 1) this.dropped.set(occurrence, skips - 1);
          else this.dropped.delete(occurrence);
          if ((++count & 63) === 0 && performance.now() > deadline) break;
        }
        this.observeEnds();
      }
      this.dropped.clear();
    } finally {
      this.draining = false;
    }
  }

  private addNow(occurrence: Occurrence): void {
    const anchor = anchorOf(occurrence);
    this.anchors.set(occurrence, anchor);
    if (!anchor) return this.draw(occurrence);
    let group = this.byAnchor.get(anchor);
    if (!group) {
      group = new Set();
      this.byAnchor.set(anchor, group);
      if (!this.open || this.open.anchors.length >= RUN_LENGTH) {
        this.open = { anchors: [], near: this.starting };
        this.runs.add(this.open);
      }
      const run = this.open;
      const before = ends(run);
      run.anchors.push(anchor);
      this.runOf.set(anchor, run);
      this.moveEnds(run, before);
    }
    group.add(occurrence);
    // A later block waits for its run's next report (its end's first one, at the latest).
    if (this.runOf.get(anchor)!.near) this.draw(occurrence);
  }

  remove(occurrence: Occurrence): void {
    const anchor = this.anchors.get(occurrence);
    if (anchor === undefined) {
      // Not added: queued (or never given, which the queue's end forgets).
      if (this.queued.length > 0) {
        this.dropped.set(occurrence, (this.dropped.get(occurrence) ?? 0) + 1);
      }
      return;
    }
    this.anchors.delete(occurrence);
    if (anchor === null) return this.erase(occurrence);
    const group = this.byAnchor.get(anchor)!;
    group.delete(occurrence);
    const run = this.runOf.get(anchor)!;
    if (run.near) this.erase(occurrence);
    if (group.size > 0) return;
    this.byAnchor.delete(anchor);
    this.runOf.delete(anchor);
    const before = ends(run);
    run.anchors.splice(run.anchors.indexOf(anchor), 1);
    if (run.anchors.length === 0) {
      this.runs.delete(run);
      this.around.delete(run);
      if (this.open === run) this.open = null;
    }
    this.moveEnds(run, before);
  }

  /** Stops observing; what is registered stays (the caller registers everything or clears). */
  disconnect(): void {
    this.observer.disconnect();
    this.queued.length = 0;
    this.queuedAt = 0;
    this.dropped.clear();
    this.movedEnds.clear();
    this.byAnchor.clear();
    this.runOf.clear();
    this.runs.clear();
    this.nearEnds.clear();
    this.around.clear();
    this.anchors.clear();
    this.open = null;
  }

  /** Notes that `run`'s ends may differ from `before`: observeEnds observes the new ones. */
  private moveEnds(run: Run, before: Element[]): void {
    if (!this.movedEnds.has(run)) this.movedEnds.set(run, before);
  }

  /**
   * Observes the ends of the runs changed since the last call, instead of the ends they had: called
   * after each batch of `add` and `remove`. Moved at each add, the last end of a growing run was
   * unobserved and observed again for every block: 17 ms of a 5 MB page's commit (traced).
   */
  observeEnds(): void {
    for (const [run, before] of this.movedEnds) {
      const now = this.runs.has(run) ? ends(run) : [];
      for (const end of before) {
        if (now.includes(end)) continue;
        this.observer.unobserve(end);
        this.nearEnds.delete(end);
      }
      // A newly observed end is reported in the next frame; until then the run keeps its state.
      for (const end of now) if (!before.includes(end)) this.observer.observe(end);
    }
    this.movedEnds.clear();
  }

  private update(entries: IntersectionObserverEntry[]): void {
    const runs = new Set<Run>(this.around);
    for (const entry of entries) {
      const run = this.runOf.get(entry.target);
      if (!run || !ends(run).includes(entry.target)) continue;
      const box = entry.boundingClientRect;
      if (entry.isIntersecting || (box.width === 0 && box.height === 0)) {
        this.nearEnds.add(entry.target);
      } else this.nearEnds.delete(entry.target);
      runs.add(run);
    }
    this.around = this.runsAroundView();
    this.around.forEach((run) => runs.add(run));
    runs.forEach((run) => this.judge(run));
  }

  /** The runs with no end near that begin above the view and end below it (layout reads). */
  private runsAroundView(): Set<Run> {
    const found = new Set<Run>();
    for (const run of this.runs) {
      if (this.endNear(run)) continue;
      const [first, last] = [run.anchors[0]!, run.anchors[run.anchors.length - 1]!];
      const top = first.getBoundingClientRect().top;
      if (top < innerHeight && last.getBoundingClientRect().bottom > 0) found.add(run);
    }
    return found;
  }

  private endNear(run: Run): boolean {
    return ends(run).some((end) => this.nearEnds.has(end));
  }

  /** Draws or erases `run`'s mentions as its ends say. */
  private judge(run: Run): void {
    const near = this.endNear(run) || this.around.has(run);
    if (near === run.near) return;
    run.near = near;
    for (const anchor of run.anchors) {
      for (const occurrence of this.byAnchor.get(anchor) ?? []) {
        if (near) this.draw(occurrence);
        else this.erase(occurrence);
      }
    }
  }

  private draw(occurrence: Occurrence): void {
    for (const range of rangesOf(occurrence)) this.highlight.add(range);
  }

  private erase(occurrence: Occurrence): void {
    for (const range of rangesOf(occurrence)) this.highlight.delete(range);
  }
}

function ends(run: Run): Element[] {
  const { anchors } = run;
  if (anchors.length <= 1) return [...anchors];
  return [anchors[0]!, anchors[anchors.length - 1]!];
}
