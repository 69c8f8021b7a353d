/**
 * Where Gloss's main-thread time goes on corpus pages, per script, from traces (the attribution of
 * scripts/long-task-attribution.ts summed over every task, not only long ones). Far less noisy than
 * the with/without difference the corpus reports, so it can tell small changes apart; but it sees
 * only Gloss's JavaScript and script start-up, not the style, layout or paint its marks cause.
 * The least of N traced loads per page. A development aid. Each line gives that in tasks, then
 * Gloss's sampled time anywhere on the main thread (without compiling): on pages where the main
 * script runs, much of its work is sampled outside task spans (see Attribution.sampledGlossMs).
 *
 * Usage: node scripts/gloss-share.ts <runs> <page substrings, comma-separated; '' for all>
 *          <name=unpacked extension dir>...
 */
import path from 'node:path';
import { buildComparisonArgs } from './build-comparison-args.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { startServer } from '../tests/support/static-server.ts';
import { tracedLoad } from '../tests/support/traced-load.ts';

const {
  corpusDir: CORPUS_DIR,
  runs,
  files,
  builds,
} = buildComparisonArgs('gloss-share.ts', process.argv.slice(2));
const server = await startServer(CORPUS_DIR);
const totals: Record<string, number[]> = {};
/** Gloss on the stack anywhere, tasks or not (Attribution.sampledGlossMs), of the same loads. */
const sampledTotals: Record<string, number[]> = {};
try {
  for (const build of builds) {
    const [name, dir] = build.split('=') as [string, string];
    const context = await launchChromium({ extensionDir: path.resolve(dir) });
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1'
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    totals[name] = [];
    for (const file of files) {
      let best: { total: number; sampled: number; per: Map<string, number> } | null = null;
      for (let run = 0; run < runs; run++) {
        const traced = await tracedLoad(context, `${server.origin}/${encodeURIComponent(file)}`, {
          extensionId,
          settle: (page) => page.waitForTimeout(2000),
          timeoutMs: 20_000,
        });
        const per = new Map<string, number>();
        for (const t of traced.tasks) per.set(t.script, (per.get(t.script) ?? 0) + t.glossMs);
        const total = [...per.values()].reduce((a, b) => a + b, 0);
        if (!best || total < best.total) best = { total, sampled: traced.sampledGlossMs, per };
      }
      totals[name]!.push(best!.total);
      (sampledTotals[name] ??= []).push(best!.sampled);
      const parts = [...best!.per]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ');
      console.log(
        `${name.padEnd(10)} ${file.padEnd(42)} ${best!.total.toFixed(1).padStart(6)} ${best!.sampled.toFixed(1).padStart(6)}  ${parts}`,
      );
    }
    await context.close();
  }
} finally {
  await server.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
for (const [name, xs] of Object.entries(totals)) {
  console.log(
    `${name}: median ${median(xs).toFixed(1)} ms, total ${xs.reduce((a, b) => a + b, 0).toFixed(0)} ms over ${xs.length} pages; sampled anywhere: median ${median(sampledTotals[name]!).toFixed(1)} ms`,
  );
}
