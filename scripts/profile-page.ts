/**
 * Where Gloss's time goes on one corpus page: V8's sampling profiler over load + 2 s, self time
 * summed per function for Gloss's scripts, plus GC and "(program)" for context.
 *
 * Usage: GLOSS_OUT_DIR=.output-bench node scripts/profile-page.ts <page substring> [top N]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/support/browser.ts';
import { startServer } from '../tests/support/static-server.ts';

const CORPUS_DIR = path.resolve(process.env.GLOSS_CORPUS_DIR ?? '../shared/corpus/news');
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
const manifest: { file: string }[] = JSON.parse(
  readFileSync(path.join(CORPUS_DIR, 'manifest.json'), 'utf8'),
);
const file = manifest.find((p) => p.file.includes(process.argv[2] ?? ''))!.file;
const top = Number(process.argv[3] ?? 25);
const server = await startServer(CORPUS_DIR);
const context = await launchChromium({ withExtension: true });
await context.route('**/*', (route) =>
  new URL(route.request().url()).hostname === '127.0.0.1'
    ? route.continue()
    : route.abort('blockedbyclient'),
);
try {
  const url = `${server.origin}/${encodeURIComponent(file)}`;
  for (let run = 0; run < 2; run++) {
    const page = await context.newPage();
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', {
      interval: Number(process.env.PROFILE_INTERVAL_US ?? 200),
    });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
    await page.waitForTimeout(2000);
    const { profile } = await cdp.send('Profiler.stop');
    await page.close();
    if (run === 0) continue; // warm-up
    const nodes = new Map<number, Node>(profile.nodes.map((n: Node) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes as Node[]) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let glossTotal = 0;
    const dts = profile.timeDeltas ?? [];
    profile.samples!.forEach((id: number, i: number) => {
      const dt = (dts[i + 1] ?? 0) / 1000;
      const n = nodes.get(id)!;
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.slice(f.url.lastIndexOf('/') + 1)}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      // Gloss on the stack anywhere?
      const seen = new Set<string>();
      let glossy = false;
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const cf = nodes.get(cur)!.callFrame;
        if (cf.url.startsWith('chrome-extension://')) {
          glossy = true;
          const k = `${cf.functionName || '(anon)'} ${cf.url.slice(cf.url.lastIndexOf('/') + 1)}:${cf.lineNumber}`;
          if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
          seen.add(k);
        }
      }
      if (glossy) glossTotal += dt;
    });
    console.log(`${file}: Gloss on stack ${glossTotal.toFixed(1)} ms`);
    console.log('top self time (all):');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
    }
    console.log('Gloss functions, inclusive:');
    for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
    }
  }
} finally {
  await context.close();
  await server.close();
}
