/**
 * The built code must never turn text into markup or code. ESLint forbids these sinks in Gloss's
 * sources; this scans what actually ships, libraries included. The one allowed exception is
 * Preact's own `dangerouslySetInnerHTML` branch in its DOM diff, which only runs when a component
 * passes that prop — and Gloss's sources cannot (the lint rule forbids it).
 */
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from '../support/browser.ts';

const SINKS: Record<string, RegExp> = {
  innerHTML: /\binnerHTML\b/g,
  outerHTML: /\bouterHTML\b/g,
  insertAdjacentHTML: /\binsertAdjacentHTML\b/g,
  'document.write': /\bdocument\.write(?:ln)?\b/g,
  'eval(': /(?<![\w$.])eval\s*\(/g,
  'new Function': /\bnew\s+Function\b/g,
  setTimeoutString: /\bset(?:Timeout|Interval)\(\s*["'`]/g,
};

/**
 * Preact's diffElementNodes, minified: the only innerHTML uses are
 *   `f.__html==p.__html||f.__html==e.innerHTML`   (compare old and new dangerouslySetInnerHTML)
 *   `e.innerHTML=f.__html`                         (set it)
 *   `p&&(e.innerHTML=``)`                          (clear it when the prop goes away)
 * all within a few hundred characters after `dangerouslySetInnerHTML`.
 */
const PREACT_INNER_HTML = [
  /\.__html==[\w$]+\.innerHTML\b/g,
  /[\w$]+\.innerHTML=[\w$]+\.__html\b/g,
  /[\w$]+\.innerHTML=(?:``|""|'')/g,
];
const PREACT_WINDOW = 600;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

/** innerHTML uses that are exactly Preact's guarded dangerouslySetInnerHTML branch. */
function preactUses(text: string): number {
  let allowed = 0;
  for (const pattern of PREACT_INNER_HTML) {
    for (const match of text.matchAll(pattern)) {
      const before = text.slice(Math.max(0, match.index - PREACT_WINDOW), match.index);
      if (
        before.includes('`dangerouslySetInnerHTML`') ||
        before.includes('"dangerouslySetInnerHTML"')
      )
        allowed++;
    }
  }
  return allowed;
}

test.describe('shipped JavaScript has no HTML or code sinks', () => {
  test.skip(!existsSync(EXTENSION_DIR), `${EXTENSION_DIR} not built`);

  test('each sink appears only in Preact’s dangerouslySetInnerHTML branch', () => {
    const files = jsFiles(EXTENSION_DIR);
    expect(files.length).toBeGreaterThan(0);
    const found: Record<string, Record<string, number>> = {};
    let preactCopies = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const name = path.relative(EXTENSION_DIR, file);
      const copies = count(text, /dangerouslySetInnerHTML/g) > 0 ? 1 : 0;
      for (const [sink, pattern] of Object.entries(SINKS)) {
        let n = count(text, pattern);
        if (sink === 'innerHTML') {
          const allowed = preactUses(text);
          // Each bundled copy of Preact's diff has exactly three uses; any other is Gloss's own.
          expect(allowed, `${name}: Preact's innerHTML uses`).toBe(3 * copies);
          preactCopies += copies;
          n -= allowed;
        }
        if (n > 0) (found[name] ??= {})[sink] = n;
      }
    }
    expect(found).toEqual({});
    // The content script and the extension pages each render with Preact.
    expect(preactCopies).toBeGreaterThanOrEqual(2);
  });

  test('the content script never feeds dangerouslySetInnerHTML', () => {
    const text = readFileSync(path.join(EXTENSION_DIR, 'content-scripts/content.js'), 'utf8');
    // Preact's diff reads the prop by name once; a JSX use would add `dangerouslySetInnerHTML:`.
    expect(count(text, /dangerouslySetInnerHTML\s*:/g)).toBe(0);
    expect(count(text, /__html\s*:/g)).toBe(0);
  });
});
