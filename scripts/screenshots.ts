/**
 * `npm run build && node scripts/screenshots.ts`: the store and README screenshots, 1280×800, light
 * and dark, into docs/: the popover on the sample article, the popup (shown at its real size on
 * the article it was opened over) and the glossary page. Deterministic inputs only: the bundled
 * pack and the article in tests/fixtures.
 */
import { markPoint } from '../tests/e2e/page-helpers.ts';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, EXTENSION_DIR } from '../tests/support/browser.ts';
import { startServer } from '../tests/support/static-server.ts';

const SIZE = { width: 1280, height: 800 };
const POPUP = { width: 360, height: 560 };

async function launch(scheme: 'light' | 'dark', profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    colorScheme: scheme,
    viewport: SIZE,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--lang=en-US',
      ...CHROMIUM_ARGS,
    ],
  });
}

/** Rests the pointer on the first mark reading `text` and waits for its popover. */
async function openPopover(page: Page, text: string) {
  const point = await markPoint(page, text);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await page.waitForFunction(() => {
    const card = document
      .querySelector('gloss-popover')
      ?.shadowRoot?.querySelector('.gloss-popover');
    return !!card && getComputedStyle(card).visibility !== 'hidden';
  });
  // Let the popover's fade-in finish.
  await page.waitForTimeout(400);
}

async function article(context: BrowserContext, origin: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/essay-article.html`);
  await page.waitForFunction(() => (CSS.highlights.get('gloss-term-background')?.size ?? 0) > 20);
  return page;
}

async function shoot(scheme: 'light' | 'dark', origin: string) {
  const profile = mkdtempSync(path.join(tmpdir(), 'gloss-shots-'));
  const context = await launch(scheme, profile);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extension = `chrome-extension://${new URL(worker.url()).host}`;
    const out = (name: string) => path.resolve('docs', `screenshot-${name}-${scheme}.png`);

    const page = await article(context, origin);
    await openPopover(page, 'Senkakus');
    await page.screenshot({ path: out('popover') });

    // The popup as the toolbar shows it: its own page at its own size, over the article.
    const popup = await context.newPage();
    await popup.setViewportSize(POPUP);
    await popup.goto(`${extension}/popup.html`);
    await popup.getByRole('combobox').fill('reciprocal');
    await popup.getByRole('option').first().waitFor();
    const popupPng = await popup.screenshot();
    await popup.close();
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.evaluate(
      (src) => {
        const img = document.createElement('img');
        img.src = src;
        img.alt = '';
        img.style.cssText =
          'position:fixed;top:8px;right:16px;border-radius:10px;z-index:2147483647;' +
          'box-shadow:0 10px 40px rgb(0 0 0 / 35%);border:1px solid rgb(128 128 128 / 40%)';
        document.body.append(img);
        return img.decode();
      },
      `data:image/png;base64,${popupPng.toString('base64')}`,
    );
    await page.screenshot({ path: out('popup') });

    const glossary = await context.newPage();
    await glossary.goto(`${extension}/glossary.html#senkaku-islands`);
    await glossary.locator('#senkaku-islands').waitFor();
    await glossary.waitForTimeout(300);
    await glossary.screenshot({ path: out('glossary') });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

readFileSync(path.join(EXTENSION_DIR, 'manifest.json')); // Fails plainly when not built yet.
const server = await startServer(path.resolve('tests/fixtures'));
try {
  for (const scheme of ['light', 'dark'] as const) await shoot(scheme, server.origin);
  console.log('Screenshots written to docs/screenshot-{popover,popup,glossary}-{light,dark}.png');
} finally {
  await server.close();
}
