/**
 * What an extension adds to a page's main-thread CPU: per page, its time minus the same page's
 * time with no extension, both read from Chromium's `Performance.getMetrics` (`TaskDuration`, ms)
 * over the same window. Pure, so the corpus runner's arithmetic is unit-tested.
 */
import { median, quantile } from '../tests/bench/stats.ts';

export interface AddedCpu {
  /** Per page, ms (can be negative: page scripts vary from run to run). */
  perPage: number[];
  median: number;
  p90: number;
  total: number;
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
    median: median(perPage),
    p90: quantile(perPage, 0.9),
    total: perPage.reduce((sum, ms) => sum + ms, 0),
  };
}
