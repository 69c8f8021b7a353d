/**
 * Firefox smoke test: the Firefox MV3 build, installed as a temporary add-on in headless Firefox ESR
 * (driven over WebDriver BiDi by puppeteer-core), marks terms on a page served from 127.0.0.1 and
 * opens its popover when a mark is hovered.
 *
 * Usage: GLOSS_OUT_DIR=.output-rel node scripts/firefox-smoke.ts (after `wxt build -b firefox --mv3`)
 * Exits 0 with a "SKIPPED:" line when Firefox is not installed (CI provisions it when it can);
 * any other failure is a real failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { countMarkPixels } from '../tests/support/amber-pixels.ts';
import { startServer } from '../tests/support/static-server.ts';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const OUTPUT_DIR = path.resolve(process.env.GLOSS_OUT_DIR ?? '.output');
const EXTENSION_DIR = path.join(OUTPUT_DIR, 'firefox-mv3');
const TIMEOUT_MS = 20_000;

function skip(why: string): never {
  console.log(`SKIPPED: Firefox smoke test: ${why}`);
  process.exit(0);
}

function fail(why: string): never {
  console.error(`FAIL: Firefox smoke test: ${why}`);
  process.exit(1);
}

/** The visible text of each range in one of our highlights, read from the page's own world. */
async function marked(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('gloss-term-background');
    return [...(highlight?.keys() ?? [])].map((item) => {
      const r = item as AbstractRange;
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | false>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function run(browser: Browser, origin: string): Promise<void> {
  const id = await browser.installExtension(EXTENSION_DIR);
  console.log(`installed ${id} from ${path.relative(process.cwd(), EXTENSION_DIR)}`);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${origin}/marking.html`);

  const texts = await waitFor('marks', async () => {
    const found = await marked(page);
    return found.length > 0 && found;
  });
  console.log(`marks: ${texts.length} (${texts.slice(0, 6).join(', ')}…)`);
  if (!texts.includes('Tokyo')) fail(`"Tokyo" was not marked; marks were ${texts.join(', ')}`);

  const box = await page.evaluate(() => {
    const item = [...(CSS.highlights.get('gloss-term-background')?.keys() ?? [])][0] as
      AbstractRange | undefined;
    if (!item) return null;
    const range = new Range();
    range.setStart(item.startContainer, item.startOffset);
    range.setEnd(item.endContainer, item.endOffset);
    const r = range.getClientRects()[0];
    return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
  });
  if (!box) fail('the first mark has no client rect');
  // Drawn, not only registered: Firefox's build keeps the marks' rules on every element (it has no
  // highlight inheritance; wxt.config.ts), and the soft amber background shows behind the word.
  const word = await page.screenshot({
    clip: { x: box.x, y: box.y, width: box.width, height: box.height },
    encoding: 'base64',
  });
  const tinted = await tintPixels(browser, word);
  const share = tinted / Math.max(1, Math.round(box.width) * Math.round(box.height));
  console.log(
    `background: ${tinted} tinted pixels (${(share * 100).toFixed(0)}% of the word's box)`,
  );
  if (share <= 0.3) fail('the first mark has no amber background on screen');

  // Hover the first mark and wait past the default 300 ms dwell.
  const rect = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // Approach from below (inside the viewport: WebDriver refuses moves outside it).
  await page.mouse.move(rect.x, rect.y + 80);
  await page.mouse.move(rect.x, rect.y, { steps: 4 });
  const title = await waitFor('the popover', () =>
    page.evaluate(() => {
      const host = document.querySelector('gloss-popover');
      const card = host?.shadowRoot?.querySelector('.gloss-popover');
      if (!card || !host || getComputedStyle(host).display === 'none') return null;
      return card.querySelector('.gloss-card__title')?.textContent ?? '(untitled)';
    }),
  );
  console.log(`popover: "${title}"`);
  if (errors.length > 0) fail(`page errors: ${errors.join('; ')}`);
}

/** Pixels of the marks' tint in a base64 PNG (countMarkPixels), decoded in a page of its own. */
async function tintPixels(browser: Browser, png: string): Promise<number> {
  const viewer = await browser.newPage();
  try {
    return await viewer.evaluate(countMarkPixels, { base64: png, colour: 'tint' as const });
  } finally {
    await viewer.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(FIREFOX_PATH)) skip(`no Firefox at ${FIREFOX_PATH} (set FIREFOX_PATH)`);
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    fail(`no build at ${EXTENSION_DIR}: run \`wxt build -b firefox --mv3\` first`);
  }
  const server = await startServer(path.resolve('tests/fixtures'));
  const profile = mkdtempSync(path.join(tmpdir(), 'gloss-firefox-'));
  let browser: Browser | null = null;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
    });
    await run(browser, server.origin);
    console.log('PASS: Firefox smoke test');
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => fail(String((error as Error).stack ?? error)));
