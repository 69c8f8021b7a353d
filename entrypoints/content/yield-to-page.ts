/**
 * How Gloss's page work shares the main thread with the page: slices of a few milliseconds, each
 * followed by a turn for the page's own tasks.
 */

/** The longest a slice of Gloss's page work runs before it yields (ms). */
export const SLICE_MS = 4;

type Scheduler = {
  postTask?: (callback: () => void, options: { priority: 'background' }) => Promise<void>;
};

/**
 * Gives the page's own tasks (input, timers, rendering) a turn. Background priority, not
 * `scheduler.yield()`: a yield continuation runs ahead of the page's timers, and a long scan would
 * starve the page it is reading.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => {}, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}
