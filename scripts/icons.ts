/**
 * `node scripts/icons.ts`: draws the toolbar and store icons (public/icon/{16,32,48,96,128}.png,
 * which WXT puts in the manifest) in headless Chromium from the brand's amber bar and "G", so they
 * can be redrawn instead of edited by hand.
 */
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/browser.ts';

const SIZES = [16, 32, 48, 96, 128];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  mkdirSync('public/icon', { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<body style="margin:0;background:transparent">
      <div id="icon" style="width:${size}px;height:${size}px;box-sizing:border-box;
        border-radius:${size * 0.22}px;background:#1d1d1f;display:grid;place-items:center;
        border-left:${Math.max(2, size * 0.12)}px solid #e0a33a;
        font:700 ${size * 0.62}px/1 system-ui, sans-serif;color:#fffefb">G</div></body>`);
    await page
      .locator('#icon')
      .screenshot({ path: path.join('public/icon', `${size}.png`), omitBackground: true });
  }
} finally {
  await browser.close();
}
