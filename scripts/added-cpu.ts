/**
 * What an extension adds to a page's main-thread CPU: per page, its time minus the same page's
 * time with no extension, both read from Chromium's `Performance.getMetrics` (`TaskDuration`, ms)
 * over the same window. Pure, so the corpus runner's arithmetic is unit-tested.
 */

export interface AddedCpu {
  /** Per page, ms (can be negative: page scripts vary from run to run). */
  perPage: number[];
  median: number;
  p90: number;
  total: number;
}

/** The value at quantile `q` (0–1) of `values`, nearest rank; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * `withExtension[i]` and `without[i]` are the same page's CPU ms. Throws if the lists differ in
 * length (a page measured in one context only cannot be compared).
 */
export function addedCpu(withExtension: readonly number[], without: readonly number[]): AddedCpu {
  if (withExtension.length !== without.length) {
    throw new Error(`added CPU: ${withExtension.length} pages with, ${without.length} without`);
  }
  const perPage = withExtension.map((ms, i) => ms - without[i]!);
  return {
    perPage,
    median: quantile(perPage, 0.5),
    p90: quantile(perPage, 0.9),
    total: perPage.reduce((sum, ms) => sum + ms, 0),
  };
}
