/**
 * `npm run demo`: opens Chromium with the freshly built Gloss on the bundled sample article (the
 * essay laid out as a news page). With a display it stays open for you to try; without one (CI,
 * a server) it runs headless and writes demo.png with the marks and one open popover.
 */
import path from 'node:path';
import { launchChromium } from '../tests/support/browser.ts';
import { startServer } from '../tests/support/static-server.ts';

const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const server = await startServer(path.resolve('tests/fixtures'));
const context = await launchChromium({ headless, viewport: { width: 1100, height: 760 } });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${server.origin}/essay-article.html`);
await page.waitForFunction(
  () => (CSS.highlights.get('gloss-term-background')?.size ?? 0) > 0,
  null,
  {
    timeout: 15_000,
  },
);
const marks = await page.evaluate(() => CSS.highlights.get('gloss-term-background')?.size ?? 0);

// Scroll to the first marked term in the RAA paragraph and rest the pointer on it.
const target = await page.evaluate(() => {
  const ranges = [
    ...(CSS.highlights.get('gloss-term-background')?.keys() ?? []),
  ] as AbstractRange[];
  const pick =
    ranges.find((r) => {
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return /reciprocal access/i.test(range.toString());
    }) ?? ranges[0];
  if (!pick) return null;
  const range = new Range();
  range.setStart(pick.startContainer, pick.startOffset);
  range.setEnd(pick.endContainer, pick.endOffset);
  (pick.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
  const rect = range.getClientRects()[0]!;
  return { x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2 };
});
if (target) {
  await page.mouse.move(target.x - 200, target.y - 120);
  await page.mouse.move(target.x, target.y, { steps: 8 });
  await page
    .locator('gloss-popover')
    .waitFor({ state: 'attached', timeout: 3_000 })
    .catch(() => undefined);
  await page.waitForTimeout(800);
}

if (headless) {
  const file = path.resolve('demo.png');
  await page.screenshot({ path: file });
  console.log(`Gloss marked ${marks} terms on the sample article. Screenshot: ${file}`);
  await context.close();
  await server.close();
} else {
  console.log(
    `Gloss is running on ${server.origin}/essay-article.html — close the browser to stop.`,
  );
  await new Promise((resolve) => context.on('close', resolve));
  await server.close();
}
