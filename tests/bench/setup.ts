/**
 * Shared setup of the browser benchmark: bundles, generated pages, the static servers and the one
 * Chromium session (with the built extension, switched off on the contenders' host).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rolldown } from 'rolldown';
import type { BrowserContext, Page } from 'playwright-core';
import { EXTENSION_DIR, launchChromium, serviceWorkerOf } from '../support/browser.ts';
import { startServer, type StaticServer } from '../support/static-server.ts';
import { newsPage, type Mentions } from './pages.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = path.join(ROOT, 'bench-results');
export const CORPUS_DIR = path.resolve(ROOT, '../shared/corpus/news');
/** Gloss is switched off on this host (the contenders run here) and on for EXTENSION_HOST. */
export const BENCH_HOST = '127.0.0.1';
export const EXTENSION_HOST = 'localhost';
export const HIGHLIGHT = 'gloss-term-background';

/** Bundles a page-side entry into an IIFE, resolving the `@/` alias to the repo root. */
export async function bundle(entry: string): Promise<string> {
  const build = await rolldown({
    input: path.join(ROOT, entry),
    resolve: { alias: { '@': ROOT } },
    platform: 'browser',
    logLevel: 'warn',
    // As in the production build (wxt.config.ts): no test probes in what is measured.
    transform: { define: { 'import.meta.env.GLOSS_TEST_BUILD': 'false' } },
  });
  const { output } = await build.generate({ format: 'iife' });
  await build.close();
  return output[0].code;
}

export interface Scripts {
  engine: string;
  search: string | null;
  searchError: string;
  markjs: string;
  advancedMark: string;
}

export async function loadScripts(): Promise<Scripts> {
  let search: string | null = null;
  let searchError = '';
  try {
    search = await bundle('tests/bench/search-entry.ts');
  } catch (error) {
    searchError = (error as Error).message.split('\n')[0]!;
  }
  return {
    engine: await bundle('tests/bench/engine-entry.ts'),
    search,
    searchError,
    markjs: readFileSync(path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
    advancedMark: readFileSync(
      path.join(ROOT, 'node_modules/advanced-mark.js/dist/mark.min.js'),
      'utf8',
    ),
  };
}

export interface BenchPage {
  name: string;
  file: string;
  /** Characters of text in the page source's text (synthetic) or bytes of HTML (corpus). */
  chars: number;
}

export const SYNTHETIC = [
  { name: '100 KB', chars: 100_000, seed: 1 },
  { name: '1 MB', chars: 1_000_000, seed: 2 },
  { name: '5 MB', chars: 5_000_000, seed: 3 },
] as const;

export function writePages(mentions: Mentions): BenchPage[] {
  const dir = path.join(RESULTS_DIR, 'pages');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'blank.html'), '<!doctype html><title>blank</title><body></body>');
  return SYNTHETIC.map((spec) => {
    const { html, chars } = newsPage(spec, mentions);
    const file = `page-${spec.name.replace(' ', '').toLowerCase()}.html`;
    writeFileSync(path.join(dir, file), html);
    return { name: spec.name, file, chars };
  });
}

export function corpusPages(): BenchPage[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.html$/, ''),
      file,
      chars: readFileSync(path.join(CORPUS_DIR, file)).length,
    }));
}

export interface Session {
  context: BrowserContext;
  pages: StaticServer;
  corpus: StaticServer | null;
  /** URL of a generated page on a host: BENCH_HOST (Gloss off) or EXTENSION_HOST (Gloss on). */
  url(file: string, host?: string): string;
  corpusUrl(file: string): string;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run GLOSS_OUT_DIR=… npx wxt build`);
  }
  const pages = await startServer(path.join(RESULTS_DIR, 'pages'));
  const corpus = existsSync(CORPUS_DIR) ? await startServer(CORPUS_DIR) : null;
  const context = await launchChromium({ withExtension: true });
  // The corpus pages reference remote scripts, images and ads: only our own servers answer.
  await context.route('**', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === BENCH_HOST || host === EXTENSION_HOST ? route.continue() : route.abort();
  });
  await setHoverDelay(context, 0);
  const port = (server: StaticServer) => new URL(server.origin).port;
  return {
    context,
    pages,
    corpus,
    url: (file, host = BENCH_HOST) => `http://${host}:${port(pages)}/${file}`,
    corpusUrl: (file) => `http://${BENCH_HOST}:${port(corpus!)}/${encodeURIComponent(file)}`,
    async close() {
      await context.close().catch(() => {});
      await pages.close();
      await corpus?.close();
    },
  };
}

/** Gloss's settings for the benchmark: every mention marked, off on the contenders' host. */
export async function setHoverDelay(context: BrowserContext, hoverDelayMs: number): Promise<void> {
  const worker = await serviceWorkerOf(context);
  await worker.evaluate(
    async ({ host, delay }) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(items: object): Promise<void> } } };
      };
      await chrome.storage.local.set({
        settings: { hoverDelayMs: delay, density: 'all', disabledSites: [host] },
        settings$: { v: 2 },
      });
    },
    { host: BENCH_HOST, delay: hoverDelayMs },
  );
}

/** A fresh page with `scripts` injected, after one frame so that load work is out of the way. */
export async function freshPage(
  session: Session,
  url: string,
  scripts: readonly string[],
): Promise<Page> {
  const page = await session.context.newPage();
  page.setDefaultTimeout(180_000);
  await page.goto(url, { waitUntil: 'load' });
  for (const content of scripts) {
    // A page's Content-Security-Policy may refuse inline scripts; evaluation bypasses it.
    await page.addScriptTag({ content }).catch(() => {});
  }
  if (
    scripts.length > 0 &&
    !(await page.evaluate(() => 'glossBench' in window || 'glossSearchBench' in window))
  ) {
    for (const content of scripts) await page.evaluate(content);
  }
  await settleFrame(page);
  return page;
}

export async function settleFrame(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(), 0))),
  );
}
