/**
 * Real pages, with and without Gloss: does Gloss ever break a news page?
 *
 * Loads every page of ../shared/corpus/news (40 saved news articles, up to 2.5 MB) from 127.0.0.1
 * in Chromium, once with the built extension and once without, with every request that is not to
 * 127.0.0.1 aborted (the pages reference remote scripts and ads). Per page it reports errors from
 * the extension, whether the page's text changed, elements added, marks made, marks that cut a word
 * or sit in code/form fields/editable regions, long tasks Gloss caused and the CPU cost ratio.
 *
 * Long tasks are attributed, not counted and subtracted: a third load with Gloss is traced (V8's
 * sampling profiler included) and a long task is Gloss's when it would not have been long without
 * Gloss's own share of it (scripts/long-task-attribution.ts).
 *
 * Page scripts can be nondeterministic (timestamps, random ids, rotating teasers): a difference
 * between the with-Gloss and without-Gloss runs is only blamed on Gloss when a second run without
 * Gloss reproduces the first exactly, and a second run with Gloss reproduces the first with Gloss
 * exactly and differs from both runs without.
 *
 * CPU (issue #14): a separate pass loads each page with no extension, with an empty-content-script
 * extension and with Gloss, and reports the main-thread CPU each extension adds (scripts/corpus-cpu.ts).
 *
 * Usage: GLOSS_OUT_DIR=.output-rel node scripts/corpus.ts [--cpu-only] [page substring]
 * (after `wxt build`; CORPUS_CPU_RUNS loads per page and variant, default 2). Writes
 * corpus-results/corpus.json. Exits 1 on any extension error or text change caused by Gloss.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { EXTENSION_DIR, launchChromium, serviceWorkerOf } from '../tests/support/browser.ts';
import { startServer } from '../tests/support/static-server.ts';
import { tracedLoad } from '../tests/support/traced-load.ts';
import { measurePageCpu, summariseCpu, type PageCpu } from './corpus-cpu.ts';
import { makeEmptyExtension } from './empty-extension.ts';
import {
  gateScores,
  labelFor,
  measureStory,
  packRole,
  provisionalRole,
  type StoryResult,
} from './corpus-story-run.ts';
import type { PageLabel } from './corpus-story.ts';

const CORPUS_DIR = path.resolve(process.env.GLOSS_CORPUS_DIR ?? '../shared/corpus/news');
const RESULTS_DIR = path.resolve('corpus-results');
const LOAD_TIMEOUT_MS = 20_000;
/** After `load`: how long the page must stay quiet (no new marks, no DOM changes) to be settled. */
const QUIET_MS = 500;
const SETTLE_MAX_MS = 4_000;
const LONG_TASK_MS = 50;

/**
 * More loads without Gloss, when two with it agree on a text that two without it did not show:
 * each may show the page's own variant that the loads with Gloss happened to pick.
 */
const EXTRA_LOADS_WITHOUT = 4;

interface Snapshot {
  innerText: string;
  textContent: string;
  /** Tag names of all elements in document order, Gloss's host left out. */
  elements: string[];
  glossHosts: number;
  marks: MarkInfo[];
  longTasks: number[];
  taskMs: number;
  scriptMs: number;
  errors: string[];
  /** With Gloss and a label: the story measures (issue #13). */
  story?: StoryResult;
  /** "Gloss: story <rule> in <ms> ms", logged by the content script. */
  storyLog?: string;
  /** Without Gloss: what cloning the document costs (Readability's first step), ms. */
  cloneMs?: number;
}

interface MarkInfo {
  text: string;
  partialWord: boolean;
  excluded: boolean;
}

interface PageResult {
  file: string;
  language: string;
  bytes: number;
  extensionErrors: string[];
  textIdentical: boolean | 'nondeterministic';
  /** For a text difference: where the with-Gloss text first differs from the without-Gloss one. */
  textDifference?: string;
  /** innerText equal too (informational: it also depends on load timing, see sameText). */
  renderedTextSame: boolean;
  elementsAdded: number;
  glossHosts: number;
  marks: number;
  markedTexts: string[];
  partialWordMarks: string[];
  excludedRegionMarks: string[];
  /** Long tasks the page's Long Tasks API saw, with and without Gloss (context, not a verdict). */
  longTasksWith: number;
  longTasksWithout: number;
  longTaskMsWith: number[];
  /**
   * From the traced load: long tasks that Gloss's share made long, as [task ms, Gloss ms, where]
   * (`start content.js`: compiling and starting that script; else the Gloss script that ran).
   */
  longTasksCausedByGloss: number;
  longTasksCausedByGlossMs: [number, number, string][];
  /** Long tasks Gloss ran in that were long without it. */
  longTasksSharedWithPage: number;
  /** The most time Gloss took in one task on this page, and in which script (see above). */
  longestGlossTaskMs: number;
  longestGlossTaskScript: string;
  story?: StoryResult;
  storyFinder: string;
  cloneMs: number;
  cpuRatio: number;
  taskMsWith: number;
  taskMsWithout: number;
  /** The CPU pass: main-thread ms with no extension, the empty one and Gloss (least of runs). */
  cpu?: PageCpu;
  seconds: number;
}

// Runs in the page before its own scripts: records long tasks, and makes Math.random repeatable
// so that two loads of the same page are more likely to render the same text.
function initScript(longTaskMs: number): void {
  const w = window as unknown as { __corpusLongTasks: number[] };
  w.__corpusLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.duration > longTaskMs) w.__corpusLongTasks.push(Math.round(entry.duration));
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: counts stay 0 for both runs.
  }
  let seed = 0x2f6b3a1;
  Math.random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 4_294_967_296;
  };
}

/** Everything measured from inside the page once it has settled. */
function measure(): Omit<Snapshot, 'taskMs' | 'scriptMs' | 'errors'> {
  const HOST = 'GLOSS-POPOVER';
  const EXCLUDED = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'SELECT', 'CODE', 'PRE']);
  const WORD = /[\p{Script=Latin}\p{N}]/u;
  const elements = [...document.getElementsByTagName('*')]
    .map((el) => el.tagName)
    .filter((tag) => tag !== HOST);
  const blockOf = (node: Node): Node => {
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (!getComputedStyle(el).display.startsWith('inline')) return el;
    }
    return node.getRootNode();
  };
  const inExcluded = (node: Node): boolean => {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
      if (n.nodeType !== Node.ELEMENT_NODE) continue;
      const el = n as HTMLElement;
      if (EXCLUDED.has(el.tagName) || el.isContentEditable) return true;
    }
    return false;
  };
  const highlight = CSS.highlights.get('gloss-term-background');
  const marks = [...(highlight?.keys() ?? [])].map((item) => {
    const r = item as AbstractRange;
    const range = new Range();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const text = range.toString();
    // The characters just before and after the mark, within its block.
    const before = new Range();
    before.setStart(blockOf(r.startContainer), 0);
    before.setEnd(r.startContainer, r.startOffset);
    const after = new Range();
    after.setStart(r.endContainer, r.endOffset);
    const endBlock = blockOf(r.endContainer);
    after.setEnd(endBlock, endBlock.childNodes.length);
    const prev = before.toString().slice(-1);
    const next = after.toString().slice(0, 1);
    const partialWord =
      (WORD.test(prev) && WORD.test(text.slice(0, 1))) ||
      (WORD.test(next) && WORD.test(text.slice(-1)));
    return { text, partialWord, excluded: inExcluded(r.startContainer) };
  });
  return {
    innerText: document.body?.innerText ?? '',
    textContent: document.body?.textContent ?? '',
    elements,
    glossHosts: document.querySelectorAll('gloss-popover').length,
    marks,
    longTasks: (window as unknown as { __corpusLongTasks?: number[] }).__corpusLongTasks ?? [],
  };
}

async function settle(page: Page): Promise<void> {
  // Quiet = the DOM and the mark count unchanged for QUIET_MS (Gloss scans in slices after load).
  await page
    .evaluate(
      ({ quietMs, maxMs }) =>
        new Promise<void>((resolve) => {
          let last = performance.now();
          let marks = -1;
          const observer = new MutationObserver(() => (last = performance.now()));
          observer.observe(document, { childList: true, subtree: true, characterData: true });
          const started = performance.now();
          const tick = () => {
            const now = performance.now();
            const size = CSS.highlights.get('gloss-term-background')?.size ?? 0;
            if (size !== marks) {
              marks = size;
              last = now;
            }
            if (now - last >= quietMs || now - started >= maxMs) {
              observer.disconnect();
              resolve();
            } else setTimeout(tick, 50);
          };
          tick();
        }),
      { quietMs: QUIET_MS, maxMs: SETTLE_MAX_MS },
    )
    .catch(() => undefined);
}

async function load(
  context: BrowserContext,
  url: string,
  withGloss: boolean,
  label?: PageLabel,
): Promise<Snapshot> {
  const page = await context.newPage();
  const errors: string[] = [];
  let storyLog: string | undefined;
  page.on('console', (message) => {
    if (message.type() === 'debug' && message.text().startsWith('Gloss: story')) {
      storyLog = message.text().slice('Gloss: story '.length);
    }
  });
  page.on('pageerror', (error) => {
    const where = `${error.stack ?? ''}`;
    if (where.includes('chrome-extension://') || /gloss/i.test(error.message)) {
      errors.push(`pageerror: ${error.message} ${where.split('\n')[1] ?? ''}`.trim());
    }
  });
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const text = message.text();
    const from = message.location().url;
    if (from.startsWith('chrome-extension://') || /\bgloss\b/i.test(text)) {
      errors.push(`console.${message.type()}: ${text}`);
    }
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  } catch {
    // A page that never fires load (a hung iframe) is measured as it is.
  }
  await settle(page);
  const snapshot = await page.evaluate(measure);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  // After the metrics: hovering and cloning are the measurement's work, not the page's.
  const story = withGloss && label ? await measureStory(page, label) : undefined;
  const cloneMs = withGloss ? undefined : await page.evaluate(cloneCost);
  await page.close();
  if (!withGloss && snapshot.glossHosts > 0) throw new Error('Gloss ran in the context without it');
  return {
    ...snapshot,
    taskMs: metric('TaskDuration'),
    scriptMs: metric('ScriptDuration'),
    errors,
    ...(story ? { story } : {}),
    ...(storyLog ? { storyLog } : {}),
    ...(cloneMs !== undefined ? { cloneMs } : {}),
  };
}

/** The median of three deep clones of the document: a lower bound of what Readability costs. */
function cloneCost(): number {
  const times: number[] = [];
  const root = document.documentElement;
  if (!root) return 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    root.cloneNode(true);
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[1]! * 10) / 10;
}

/** Where two texts first differ, with some context: what a reader would see changed. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  return `at ${i}: with Gloss ${around(a)} / without ${around(b)}`;
}

/**
 * The page's text is its DOM text. innerText also depends on what is rendered at the moment of
 * reading: pages that hide their body until a timer fires (anti-flicker snippets, as on the Japan
 * Times page) read as empty or full depending on load timing alone, so it is reported, not judged.
 */
function sameText(a: Snapshot, b: Snapshot): boolean {
  return a.textContent === b.textContent;
}

/** Elements in `a` beyond those in `b` (multiset difference by tag name). */
function extraElements(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const tag of b) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  let extra = 0;
  for (const tag of a) {
    const n = counts.get(tag) ?? 0;
    if (n > 0) counts.set(tag, n - 1);
    else extra++;
  }
  return extra;
}

async function blockRemote(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:'
      ? route.continue()
      : route.abort('blockedbyclient');
  });
}

/** Totals of the story measures, and the topic gate's precision and recall on the labels. */
function storySummary(results: readonly PageResult[], labels: readonly PageLabel[]) {
  const stories = results.flatMap((r) => (r.story ? [r.story] : []));
  // Labels and stories come in the same order: a page has a story result exactly when labelled.
  const gated = labels.map((label, i) => ({ ...label, topicWords: stories[i]?.topicWords ?? [] }));
  const sum = (f: (s: StoryResult) => number) => stories.reduce((n, s) => n + f(s), 0);
  const clones = results.map((r) => r.cloneMs).sort((a, b) => a - b);
  const finder = results.map((r) => Number(/in ([\d.]+) ms/.exec(r.storyFinder)?.[1] ?? NaN));
  const found = finder.filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b);
  return {
    labelledPages: stories.length,
    storyMentions: sum((s) => s.storyMentions),
    marksOutsideStory: sum((s) => s.marksOutsideStory.length),
    marksWrongSense: sum((s) => s.marksWrongSense.length),
    marksUnlabelled: sum((s) => s.marksUnlabelled.length),
    mentionsThatShouldAnswer: sum((s) => s.shouldAnswer),
    mentionsUnanswered: sum((s) => s.unanswered.length),
    mentionsNotLocated: sum((s) => s.notLocated.length),
    storyFinderMsMedian: found[Math.floor(found.length / 2)] ?? null,
    storyFinderMsMax: found[found.length - 1] ?? null,
    documentCloneMsMedian: clones[Math.floor(clones.length / 2)] ?? null,
    documentCloneMsMax: clones[clones.length - 1] ?? null,
    topicGate: {
      packRoles: gateScores(gated, packRole, false),
      provisionalRoles: gateScores(gated, provisionalRole, false),
      provisionalRolesRightSenseOnly: gateScores(gated, provisionalRole, true),
    },
  };
}

function pad(value: string | number, width: number): string {
  return String(value).padStart(width);
}

/** A ratio for the report; "—" where none is meaningful (see CpuSummary). */
const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—');

/** Loads per page and variant in the CPU pass (the least is kept; see corpus-cpu.ts). */
const CPU_RUNS = Number(process.env.CORPUS_CPU_RUNS ?? 2);

/**
 * The CPU pass over `files` (in three fresh browsers: none, empty extension, Gloss): prints each
 * page's figures and the totals, and returns them.
 */
async function cpuPass(files: readonly string[]) {
  const server = await startServer(CORPUS_DIR);
  const empty = makeEmptyExtension();
  const contexts = {
    none: await launchChromium({ withExtension: false }),
    empty: await launchChromium({ extensionDir: empty.dir }),
    gloss: await launchChromium({ withExtension: true }),
  };
  const pages: (PageCpu & { file: string })[] = [];
  try {
    for (const context of Object.values(contexts)) {
      await blockRemote(context);
      await context.addInitScript(initScript, LONG_TASK_MS);
    }
    const urlOf = (file: string) => `${server.origin}/${encodeURIComponent(file)}`;
    // Warm-up, as in the main pass: a fresh browser's first load compiles Chromium's own code.
    if (files[0]) await measurePageCpu(contexts, urlOf(files[0]), 1, LOAD_TIMEOUT_MS);
    console.log('\nCPU pass: main-thread ms over load + 2 s, least of', CPU_RUNS, 'loads');
    console.log(
      'page                                         none   empty   Gloss  +empty  +Gloss',
    );
    for (const file of files) {
      const cpu = await measurePageCpu(contexts, urlOf(file), CPU_RUNS, LOAD_TIMEOUT_MS);
      pages.push({ file, ...cpu });
      const cell = (ms: number) => pad(Math.round(ms), 7);
      console.log(
        `${file.slice(0, 42).padEnd(42)} ${cell(cpu.none)} ${cell(cpu.empty)} ${cell(cpu.gloss)} ${cell(cpu.empty - cpu.none)} ${cell(cpu.gloss - cpu.none)}`,
      );
    }
  } finally {
    for (const context of Object.values(contexts)) await context.close();
    await server.close();
    empty.remove();
  }
  const summary = summariseCpu(pages, CPU_RUNS);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  console.log(
    `added main-thread CPU per page: empty extension median ${round(summary.empty.median)} ms, p90 ${round(summary.empty.p90)} ms, total ${round(summary.empty.total)} ms; ` +
      `Gloss median ${round(summary.gloss.median)} ms, p90 ${round(summary.gloss.p90)} ms, total ${round(summary.gloss.total)} ms ` +
      `(median ${times(summary.medianRatio)}, p90 ${times(summary.p90Ratio)} the empty extension's)`,
  );
  return { summary, pages };
}

async function main(): Promise<number> {
  if (!existsSync(CORPUS_DIR)) {
    console.log(`corpus: ${CORPUS_DIR} is absent; nothing to check.`);
    return 0;
  }
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`corpus: no build at ${EXTENSION_DIR}; run \`wxt build\` first.`);
    return 1;
  }
  const manifestFile = path.join(CORPUS_DIR, 'manifest.json');
  const manifest: { file: string; language?: string; bytes?: number }[] = existsSync(manifestFile)
    ? JSON.parse(readFileSync(manifestFile, 'utf8'))
    : readdirSync(CORPUS_DIR)
        .filter((f) => f.endsWith('.html'))
        .map((file) => ({ file }));
  const args = process.argv.slice(2);
  const cpuOnly = args.includes('--cpu-only');
  const only = args.find((a) => !a.startsWith('--'));
  const pages = manifest.filter((p) => !only || p.file.includes(only));
  if (cpuOnly) {
    const cpu = await cpuPass(pages.map((p) => p.file));
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, 'cpu.json'), JSON.stringify(cpu, null, 2));
    return 0;
  }

  const started = Date.now();
  const server = await startServer(CORPUS_DIR);
  const withGloss = await launchChromium({ withExtension: true });
  const withoutGloss = await launchChromium({ withExtension: false });
  const background = await serviceWorkerOf(withGloss);
  const extensionId = new URL(background.url()).host;
  const backgroundErrors: string[] = [];
  background.on('console', (m) => {
    if (m.type() === 'error') backgroundErrors.push(`background: ${m.text()}`);
  });
  for (const context of [withGloss, withoutGloss]) {
    await blockRemote(context);
    await context.addInitScript(initScript, LONG_TASK_MS);
  }

  // Warm-up: the first load in a fresh browser compiles everything (Chromium's and Gloss's code);
  // that one-off cost is not what a reader pays on each page.
  if (pages[0]) {
    const url = `${server.origin}/${encodeURIComponent(pages[0].file)}`;
    await load(withGloss, url, true);
    await load(withoutGloss, url, false);
  }

  const results: PageResult[] = [];
  const labels: PageLabel[] = [];
  console.log(
    'page                                       marks partial excl  text  +elts errs  LT w/wo  Gloss:LT max-ms  CPU ratio',
  );
  try {
    for (const entry of pages) {
      const pageStarted = Date.now();
      const url = `${server.origin}/${encodeURIComponent(entry.file)}`;
      const label = labelFor(entry.file);
      if (label) labels.push(label);
      const a = await load(withGloss, url, true, label ?? undefined);
      const b = await load(withoutGloss, url, false);
      let textIdentical: PageResult['textIdentical'] = sameText(a, b);
      let elementsAdded = extraElements(a.elements, b.elements);
      let textDifference: string | undefined;
      // Only a difference that a second run without Gloss does not show is Gloss's.
      if (!textIdentical || elementsAdded > 0) {
        const c = await load(withoutGloss, url, false);
        if (!textIdentical) {
          textIdentical = sameText(a, c) ? true : sameText(b, c) ? false : 'nondeterministic';
          // Two identical runs without Gloss: confirm with a second run with Gloss, so that a
          // one-off (a clock crossing a minute, a race in the page's scripts) is not blamed on it.
          // A change Gloss made would be made alike both times: two runs with Gloss that differ
          // from each other are the page's own randomness (asahi's ad slots rotate among a few
          // variants, so two runs without Gloss sometimes happen to match).
          if (textIdentical === false) {
            const again = await load(withGloss, url, true);
            if (sameText(again, b) || !sameText(again, a)) textIdentical = 'nondeterministic';
          }
          // Gloss draws with highlights and never writes text: a text the page also shows in a load
          // without Gloss is the page's own. Asahi's ad slots pick among a few variants in an
          // order that depends on which of its scripts runs first; CI once saw two loads with Gloss
          // pick one variant and two without pick another.
          for (let extra = 0; textIdentical === false && extra < EXTRA_LOADS_WITHOUT; extra++) {
            if (sameText(await load(withoutGloss, url, false), a))
              textIdentical = 'nondeterministic';
          }
          if (textIdentical !== true) {
            textDifference = `textContent ${firstDifference(a.textContent, b.textContent)}`;
          }
        }
        if (elementsAdded > 0) {
          const again = extraElements(a.elements, c.elements);
          elementsAdded =
            extraElements(c.elements, b.elements) > 0 ? Math.min(elementsAdded, again) : again;
        }
      }
      const traced = await tracedLoad(withGloss, url, {
        extensionId,
        settle,
        timeoutMs: LOAD_TIMEOUT_MS,
        longTaskMs: LONG_TASK_MS,
      });
      const result: PageResult = {
        file: entry.file,
        language: entry.language ?? '',
        bytes: entry.bytes ?? 0,
        extensionErrors: a.errors,
        textIdentical,
        ...(textDifference ? { textDifference } : {}),
        renderedTextSame: a.innerText === b.innerText,
        elementsAdded,
        glossHosts: a.glossHosts,
        marks: a.marks.length,
        markedTexts: a.marks.map((m) => m.text),
        partialWordMarks: a.marks.filter((m) => m.partialWord).map((m) => m.text),
        excludedRegionMarks: a.marks.filter((m) => m.excluded).map((m) => m.text),
        longTasksWith: a.longTasks.length,
        longTasksWithout: b.longTasks.length,
        longTaskMsWith: a.longTasks,
        longTasksCausedByGloss: traced.causedByGloss.length,
        longTasksCausedByGlossMs: traced.causedByGloss.map((t) => [
          Math.round(t.durationMs),
          Math.round(t.glossMs),
          t.script,
        ]),
        longTasksSharedWithPage: traced.sharedWithPage.length,
        longestGlossTaskMs: Math.round(traced.longestGlossMs * 10) / 10,
        ...(a.story ? { story: a.story } : {}),
        storyFinder: a.storyLog ?? '',
        cloneMs: b.cloneMs ?? 0,
        longestGlossTaskScript:
          traced.tasks.reduce<(typeof traced.tasks)[number] | null>(
            (a, b) => (a && a.glossMs >= b.glossMs ? a : b),
            null,
          )?.script ?? '',
        cpuRatio: b.taskMs > 0 ? a.taskMs / b.taskMs : 1,
        taskMsWith: Math.round(a.taskMs),
        taskMsWithout: Math.round(b.taskMs),
        seconds: (Date.now() - pageStarted) / 1000,
      };
      results.push(result);
      const text =
        result.textIdentical === true ? 'same' : result.textIdentical === false ? 'DIFF' : 'nondet';
      console.log(
        `${entry.file.slice(0, 42).padEnd(42)} ${pad(result.marks, 5)} ${pad(result.partialWordMarks.length, 7)} ${pad(result.excludedRegionMarks.length, 4)} ${pad(text, 6)} ${pad(result.elementsAdded, 5)} ${pad(result.extensionErrors.length, 4)}  ${pad(`${result.longTasksWith}/${result.longTasksWithout}`, 7)}  ${pad(result.longTasksCausedByGloss, 8)} ${pad(result.longestGlossTaskMs.toFixed(1), 6)}  ${pad(result.cpuRatio.toFixed(2), 8)}`,
      );
      if (result.story) {
        const s = result.story;
        console.log(
          `  story: ${result.storyFinder || 'not found'}; clone ${result.cloneMs} ms; outside ${s.marksOutsideStory.length}, wrong sense ${s.marksWrongSense.length}, unlabelled ${s.marksUnlabelled.length}, unanswered ${s.unanswered.length}/${s.shouldAnswer}${s.notLocated.length ? `, not located ${s.notLocated.length}` : ''}; topic words ${s.topicWords.length}`,
        );
      }
    }
  } finally {
    await withGloss.close();
    await withoutGloss.close();
    await server.close();
  }

  const cpu = await cpuPass(results.map((r) => r.file));
  for (const page of cpu.pages) {
    const result = results.find((r) => r.file === page.file);
    if (result) result.cpu = { none: page.none, empty: page.empty, gloss: page.gloss };
  }
  const sum = (f: (r: PageResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const ratios = results.map((r) => r.cpuRatio).sort((x, y) => x - y);
  const taskWith = sum((r) => r.taskMsWith);
  const taskWithout = sum((r) => r.taskMsWithout);
  const summary = {
    pages: results.length,
    seconds: (Date.now() - started) / 1000,
    extensionErrors: sum((r) => r.extensionErrors.length) + backgroundErrors.length,
    textChangedByGloss: results.filter((r) => r.textIdentical === false).length,
    textNondeterministic: results.filter((r) => r.textIdentical === 'nondeterministic').length,
    elementsAdded: sum((r) => r.elementsAdded),
    glossHostsWithoutHover: sum((r) => r.glossHosts),
    marks: sum((r) => r.marks),
    pagesWithMarks: results.filter((r) => r.marks > 0).length,
    partialWordMarks: sum((r) => r.partialWordMarks.length),
    excludedRegionMarks: sum((r) => r.excludedRegionMarks.length),
    longTasksCausedByGloss: sum((r) => r.longTasksCausedByGloss),
    // Which page, how long, and which Gloss script: enough to tell start-up from a scan.
    longTasksCausedByGlossWhere: results.flatMap((r) =>
      r.longTasksCausedByGlossMs.map(([ms, , where]) => `${r.file}: ${ms} ms, ${where}`),
    ),
    longTasksSharedWithPage: sum((r) => r.longTasksSharedWithPage),
    longestGlossTaskMs: Math.max(0, ...results.map((r) => r.longestGlossTaskMs)),
    cpuRatioMedian: ratios.length ? ratios[Math.floor(ratios.length / 2)]! : 1,
    cpuRatioMax: ratios.length ? ratios[ratios.length - 1]! : 1,
    cpuRatioTotal: taskWithout > 0 ? taskWith / taskWithout : 1,
    story: storySummary(results, labels),
    addedCpu: {
      ...cpu.summary,
      empty: { ...cpu.summary.empty, perPage: undefined },
      gloss: { ...cpu.summary.gloss, perPage: undefined },
    },
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    path.join(RESULTS_DIR, 'corpus.json'),
    JSON.stringify({ summary, backgroundErrors, results }, null, 2),
  );
  console.log('\nsummary', JSON.stringify(summary, null, 2));
  for (const r of results) {
    for (const e of r.extensionErrors) console.error(`${r.file}: ${e}`);
    if (r.textIdentical === false) {
      console.error(`${r.file}: Gloss changed the page's text: ${r.textDifference ?? ''}`);
    }
  }
  for (const e of backgroundErrors) console.error(e);
  console.log(`wrote ${path.relative(process.cwd(), path.join(RESULTS_DIR, 'corpus.json'))}`);
  return summary.extensionErrors > 0 || summary.textChangedByGloss > 0 ? 1 : 0;
}

process.exitCode = await main();
