/**
 * One page session: switching Gloss off for a site ends everything it ran on the page; switching
 * it on starts one fresh session. Proved with the probes of the test build (utils/test-probe.ts):
 * User Timing marks that the page's own world can read.
 */
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { markedTexts, settledMarks } from './page-helpers';
import { setSettings } from './settings-helpers';

const HOST = '127.0.0.1';

interface NavigationLike {
  addEventListener(
    type: 'navigate',
    listener: (event: { intercept(options: { handler: () => Promise<void> }): void }) => void,
    options: { once: boolean },
  ): void;
  navigate(url: string): { finished: Promise<unknown> };
}

/** The details of every `gloss:<name>` probe so far, oldest first. */
function probes(page: Page, name: string): Promise<Record<string, number>[]> {
  return page.evaluate(
    (n) =>
      performance
        .getEntriesByName(`gloss:${n}`)
        .map((entry) => ((entry as PerformanceMark).detail ?? {}) as Record<string, number>),
    name,
  );
}

/** Waits until there are `count` probes called `name`, and returns the last one's detail. */
async function probeCount(page: Page, name: string, count: number) {
  await page.waitForFunction(({ n, c }) => performance.getEntriesByName(`gloss:${n}`).length >= c, {
    n: name,
    c: count,
  });
  const all = await probes(page, name);
  expect(all).toHaveLength(count);
  return all.at(-1)!;
}

async function switchSite(background: Worker, on: boolean) {
  await setSettings(background, on ? {} : { disabledSites: [HOST] });
}

/**
 * Navigates within the document in the three ways single-page apps do, and returns once the page
 * itself has seen the last one complete (its own `navigatesuccess`), plus one more task, by which
 * time any listener Gloss had on these events would have run.
 */
async function navigateWithinPage(page: Page, step: number) {
  await page.evaluate(async (n) => {
    location.hash = `#section-${n}`;
    history.pushState({}, '', `?pushed=${n}`);
    // What a single-page app's router does: intercept the navigation and render in place.
    const nav = (globalThis as unknown as { navigation: NavigationLike }).navigation;
    nav.addEventListener('navigate', (event) => event.intercept({ handler: async () => {} }), {
      once: true,
    });
    await nav.navigate(`?navigated=${n}`).finished;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }, step);
}

test('switching a site off and on, again and again: marks follow, and off means nothing runs', async ({
  background,
  openFixture,
}) => {
  const page = await openFixture('essay-article.html');
  expect(await probeCount(page, 'session-started', 1)).toEqual({ live: 1 });
  const marked = (await settledMarks(page, 5)).length;

  // While on, a same-document navigation rescans (the positive control for the checks below).
  const scansBefore = (await probes(page, 'scan')).length;
  await navigateWithinPage(page, 0);
  await probeCount(page, 'scan', scansBefore + 1);

  for (let round = 1; round <= 3; round++) {
    await switchSite(background, false);
    const ended = await probeCount(page, 'session-ended', round);
    expect(ended).toEqual({ live: 0, held: 0 });
    await page.waitForFunction(() => !CSS.highlights.has('gloss-term-background'));

    // Off: navigating within the page runs no scan and starts no session.
    const scans = (await probes(page, 'scan')).length;
    await navigateWithinPage(page, round);
    expect(await probes(page, 'scan')).toHaveLength(scans);
    expect(await probes(page, 'session-started')).toHaveLength(round);
    expect(await markedTexts(page)).toEqual([]);

    await switchSite(background, true);
    expect(await probeCount(page, 'session-started', round + 1)).toEqual({ live: 1 });
    expect(await settledMarks(page, marked)).toHaveLength(marked);
  }
});
