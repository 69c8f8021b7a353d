/**
 * The corpus's CPU pass (issue #14): what Gloss adds to each page's main-thread CPU, against what
 * an extension whose content script is empty adds, measured in the same run.
 *
 * Each page is loaded with no extension, with the empty extension (scripts/empty-extension.ts)
 * and with Gloss, in that order, RUNS times over. One load = `goto` until `load`, then 2 s, then
 * Chromium's `Performance.getMetrics` `TaskDuration` (the renderer main thread's busy time since
 * the page's target was created, ms). Per page and variant the smallest of the RUNS loads is
 * kept: page scripts only ever add noise (timers, rotating teasers), never take time away.
 */
import type { BrowserContext } from 'playwright-core';
import { addedCpu, type AddedCpu } from './added-cpu.ts';

/** The window after `load` (ms): the "load plus 2 s". */
export const AFTER_LOAD_MS = 2_000;

export type Variant = 'none' | 'empty' | 'gloss';

export interface CpuContexts {
  none: BrowserContext;
  empty: BrowserContext;
  gloss: BrowserContext;
}

/** One page's main-thread CPU (ms), the least of its loads, per variant. */
export type PageCpu = Record<Variant, number>;

export interface CpuSummary {
  pages: number;
  runsPerPage: number;
  /** Added by the empty-content-script extension: per page (ms), median, p90, total. */
  empty: AddedCpu;
  /** Added by Gloss. */
  gloss: AddedCpu;
  /** Gloss's median added ms over the empty extension's (target ≤ 2, issue #14); NaN when the
   * empty extension's median is 0 or below. */
  medianRatio: number;
  /** The same for p90 (target ≤ 2). */
  p90Ratio: number;
}

/**
 * One load of `url` in `context`: the renderer main thread's busy ms (`TaskDuration`) over load
 * + AFTER_LOAD_MS. Retried twice when the page closes itself or the load crashes.
 */
export async function taskMs(
  context: BrowserContext,
  url: string,
  timeoutMs: number,
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await taskMsOnce(context, url, timeoutMs);
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

async function taskMsOnce(context: BrowserContext, url: string, timeoutMs: number) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs }).catch(() => undefined);
    await page.waitForTimeout(AFTER_LOAD_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  } finally {
    await page.close();
  }
}

/** Loads `url` `runs` times in each context, interleaved; the least ms per variant. */
export async function measurePageCpu(
  contexts: CpuContexts,
  url: string,
  runs: number,
  timeoutMs = 20_000,
): Promise<PageCpu> {
  const least: PageCpu = { none: Infinity, empty: Infinity, gloss: Infinity };
  for (let run = 0; run < runs; run++) {
    for (const variant of ['none', 'empty', 'gloss'] as const) {
      least[variant] = Math.min(least[variant], await taskMs(contexts[variant], url, timeoutMs));
    }
  }
  return least;
}

/** The pass's totals over the pages measured. */
export function summariseCpu(pages: readonly PageCpu[], runsPerPage: number): CpuSummary {
  const none = pages.map((p) => p.none);
  const empty = addedCpu(
    pages.map((p) => p.empty),
    none,
  );
  const gloss = addedCpu(
    pages.map((p) => p.gloss),
    none,
  );
  return {
    pages: pages.length,
    runsPerPage,
    empty,
    gloss,
    // An empty extension can measure at 0 or below (page noise): no ratio is meaningful then.
    medianRatio: empty.median > 0 ? gloss.median / empty.median : NaN,
    p90Ratio: empty.p90 > 0 ? gloss.p90 / empty.p90 : NaN,
  };
}
