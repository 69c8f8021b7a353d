/** Loads a page with Gloss under a Chrome trace and says which long tasks were Gloss's. */
import type { BrowserContext, Page } from 'playwright-core';
import {
  ATTRIBUTION_CATEGORIES,
  attributeLongTasks,
  type Attribution,
  type TraceEvent,
} from '../../scripts/long-task-attribution.ts';

export async function tracedLoad(
  context: BrowserContext,
  url: string,
  options: {
    extensionId: string;
    /** Until when the trace runs: called once the page has loaded (or failed to). */
    settle(page: Page): Promise<unknown>;
    timeoutMs?: number;
    longTaskMs?: number;
  },
): Promise<Attribution> {
  const page = await context.newPage();
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ATTRIBUTION_CATEGORIES },
    transferMode: 'ReportEvents',
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs ?? 30_000 });
  } catch {
    // A page that never fires load is measured as it is.
  }
  await options.settle(page);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  return attributeLongTasks(events, options.extensionId, options.longTaskMs ?? 50);
}
