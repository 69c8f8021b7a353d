/**
 * The page-level contenders, each on a fresh load of the page: the floor (read every text node,
 * same skip rules), Gloss's engine (synchronous phases, and the sliced Scanner), mark.js and
 * advanced-mark.js. Every function returns the figures of one run.
 */
import type { Page } from 'playwright-core';
import type { GlossTiming } from './engine-entry.ts';
import { freshPage, type Scripts, type Session } from './setup.ts';

export interface PackInput {
  name: string;
  /** JSON of the pack's terms, for the engine. */
  termsJson: string;
  /** Alias texts, for the mark.js family. */
  aliases: string[];
}

type Bench = {
  glossBench: {
    setTerms(json: string): { compileMs: number; aliasCount: number };
    floor(): { ms: number; textNodes: number; chars: number };
    gloss(density: 'all' | 'first'): Promise<GlossTiming>;
    scanner(density: 'all' | 'first'): Promise<ScannerTiming>;
    markArray(aliases: string[]): Promise<MarkTiming>;
    markRegExp(aliases: string[]): Promise<MarkTiming>;
  };
};

export interface ScannerTiming {
  wallMs: number;
  occurrences: number;
  shown: number;
  longTasks: number;
  maxTaskMs: number;
}

export interface MarkTiming {
  ms: number;
  matches: number;
}

async function withPage<T>(
  session: Session,
  url: string,
  scripts: readonly string[],
  run: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await freshPage(session, url, scripts);
  try {
    return await run(page);
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => {});
  }
}

export function floor(session: Session, scripts: Scripts, url: string) {
  return withPage(session, url, [scripts.engine], (page) =>
    page.evaluate(() => (window as unknown as Bench).glossBench.floor()),
  );
}

export function gloss(
  session: Session,
  scripts: Scripts,
  url: string,
  pack: PackInput,
  density: 'all' | 'first' = 'all',
) {
  return withPage(session, url, [scripts.engine], async (page) => {
    const compiled = await page.evaluate(
      (json) => (window as unknown as Bench).glossBench.setTerms(json),
      pack.termsJson,
    );
    const timing = await page.evaluate(
      (d) => (window as unknown as Bench).glossBench.gloss(d),
      density,
    );
    return { ...timing, ...compiled };
  });
}

export function scanner(
  session: Session,
  scripts: Scripts,
  url: string,
  pack: PackInput,
  density: 'all' | 'first' = 'all',
) {
  return withPage(session, url, [scripts.engine], async (page) => {
    await page.evaluate(
      (json) => (window as unknown as Bench).glossBench.setTerms(json),
      pack.termsJson,
    );
    return page.evaluate((d) => (window as unknown as Bench).glossBench.scanner(d), density);
  });
}

export type MarkContender = 'markjs-array' | 'markjs-regexp' | 'advanced-regexp';

/**
 * One mark.js-family run; `null` when it did not finish within `timeoutMs` (the page is closed,
 * which stops the script).
 */
export function markRun(
  session: Session,
  scripts: Scripts,
  url: string,
  aliases: string[],
  contender: MarkContender,
  timeoutMs: number,
): Promise<MarkTiming | null> {
  const library = contender === 'advanced-regexp' ? scripts.advancedMark : scripts.markjs;
  return withPage(session, url, [scripts.engine, library], async (page) => {
    const run = page.evaluate(
      ({ list, array }) => {
        const bench = (window as unknown as Bench).glossBench;
        return array ? bench.markArray(list) : bench.markRegExp(list);
      },
      { list: aliases, array: contender === 'markjs-array' },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    const result = await Promise.race([run, timeout]);
    clearTimeout(timer);
    if (result === null) run.catch(() => {});
    return result;
  });
}
