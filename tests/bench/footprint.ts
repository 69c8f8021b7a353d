/**
 * What Gloss leaves in a page's memory (issue #14): the JS heap and the DOM objects of a page with
 * Gloss on, minus the same page on the host where Gloss is off (its scripts still load there, so
 * the difference is what a page session holds: matcher tables, marks, ranges, listeners).
 *
 * JS heap: Chromium's `JSHeapUsedSize` (Performance.getMetrics, bytes) after a forced garbage
 * collection; the page's main world and Gloss's isolated world share one heap. DOM objects:
 * `Memory.getDOMCounters` (nodes, documents, JS event listeners).
 */
import type { Page } from 'playwright-core';
import { BENCH_HOST, EXTENSION_HOST, type Session } from './setup.ts';
import { waitForGloss } from './extension.ts';

export interface Footprint {
  heapBytes: number;
  nodes: number;
  documents: number;
  listeners: number;
}

async function footprintOf(page: Page): Promise<Footprint> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const counters = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return {
    heapBytes: metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0,
    nodes: counters.nodes,
    documents: counters.documents,
    listeners: counters.jsEventListeners,
  };
}

/** A page holding one 1×1 ad-like frame with a line of text in it, nothing else. */
export const TINY_FRAME_PAGE = `<!doctype html><title>ad slot</title><body>
<iframe width="1" height="1" srcdoc="<p>Sponsored: a Tokyo hotel deal</p>"></iframe></body>`;

/**
 * Gloss's footprint on `file`, loaded on the Gloss-on host and on the Gloss-off host, each
 * `runs` times (median of the differences).
 */
export async function footprint(
  session: Session,
  file: string,
  runs: number,
  settled: (page: Page) => Promise<unknown> = (page) => waitForGloss(page),
): Promise<Footprint> {
  const diffs: Footprint[] = [];
  for (let run = 0; run < runs; run++) {
    const measure = async (host: string, on: boolean) => {
      const page = await session.context.newPage();
      page.setDefaultTimeout(180_000);
      await page.goto(session.url(file, host), { waitUntil: 'load' });
      if (on) await settled(page);
      else await page.waitForTimeout(1_000);
      const figures = await footprintOf(page);
      await page.close();
      return figures;
    };
    const withGloss = await measure(EXTENSION_HOST, true);
    const without = await measure(BENCH_HOST, false);
    diffs.push({
      heapBytes: withGloss.heapBytes - without.heapBytes,
      nodes: withGloss.nodes - without.nodes,
      documents: withGloss.documents - without.documents,
      listeners: withGloss.listeners - without.listeners,
    });
  }
  const mid = <K extends keyof Footprint>(key: K) =>
    diffs.map((d) => d[key]).sort((a, b) => a - b)[Math.floor(diffs.length / 2)]!;
  return {
    heapBytes: mid('heapBytes'),
    nodes: mid('nodes'),
    documents: mid('documents'),
    listeners: mid('listeners'),
  };
}
