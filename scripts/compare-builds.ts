/**
 * Before/after figures for the corpus's CPU measure (scripts/corpus-cpu.ts): the main-thread CPU
 * that several extension builds add to corpus pages, all in one run (pages in turn, each loaded
 * with no extension, the empty-content-script extension and every build, the least of N loads;
 * each load round starts one variant later, so that with as many loads as variants each variant
 * takes every place in the round once).
 * A development aid: the corpus runner (`npm run corpus`) measures Gloss's own build.
 *
 * Usage: node scripts/compare-builds.ts <runs> <page substrings, comma-separated; '' for all>
 *          <name=unpacked extension dir>...
 */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { buildComparisonArgs } from './build-comparison-args.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { startServer } from '../tests/support/static-server.ts';
import { addedCpu } from './added-cpu.ts';
import { taskMs } from './corpus-cpu.ts';
import { makeEmptyExtension } from './empty-extension.ts';

const {
  corpusDir: CORPUS_DIR,
  runs,
  files,
  builds,
} = buildComparisonArgs('compare-builds.ts', process.argv.slice(2));
const server = await startServer(CORPUS_DIR);
const empty = makeEmptyExtension();
const variants: [string, BrowserContext][] = [
  ['none', await launchChromium({ withExtension: false })],
  ['empty', await launchChromium({ extensionDir: empty.dir })],
];
for (const build of builds) {
  const [name, dir] = build.split('=') as [string, string];
  variants.push([name, await launchChromium({ extensionDir: path.resolve(dir) })]);
}
for (const [, context] of variants) {
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1'
      ? route.continue()
      : route.abort('blockedbyclient'),
  );
}
const least: Record<string, number[]> = Object.fromEntries(variants.map(([name]) => [name, []]));
try {
  const urlOf = (file: string) => `${server.origin}/${encodeURIComponent(file)}`;
  for (const [, context] of variants) await taskMs(context, urlOf(files[0]!), 20_000);
  for (const file of files) {
    const page: Record<string, number> = {};
    for (let run = 0; run < runs; run++) {
      // Each run starts with the next variant: a load is cheaper or dearer by its place in the
      // round (on cnn-alito the build loaded third added 47 and 48 ms, the one loaded fourth 131
      // and 132, whichever build it was), so each should take every place.
      for (let i = 0; i < variants.length; i++) {
        const [name, context] = variants[(run + i) % variants.length]!;
        page[name] = Math.min(page[name] ?? Infinity, await taskMs(context, urlOf(file), 20_000));
      }
    }
    for (const [name] of variants) least[name]!.push(page[name]!);
    const cells = variants
      .slice(1)
      .map(([name]) => `${name} ${Math.round(page[name]! - page.none!)}`);
    console.log(`${file.slice(0, 40).padEnd(40)} ${cells.join('  ')}`);
  }
} finally {
  for (const [, context] of variants) await context.close();
  await server.close();
  empty.remove();
}
for (const [name] of variants.slice(1)) {
  const added = addedCpu(least[name]!, least.none!);
  console.log(
    `${name}: added median ${added.median.toFixed(1)} ms, p90 ${added.p90.toFixed(1)} ms, total ${added.total.toFixed(0)} ms over ${files.length} pages`,
  );
}
