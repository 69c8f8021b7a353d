/**
 * Timing sanity check for the matcher, outside the unit tests (no timed assertions there):
 *   node tests/bench/matcher-node.ts
 * First the startup costs in fresh processes: the fold tables' first use and the first and later
 * `compile` of the browser benchmark's packs (tests/bench/packs.ts). Then builds 1 MB of news-like
 * English text and synthetic packs of 100, 1,000 and 10,000 aliases in two styles (see `Style`),
 * and prints ms/MB for fold and find.
 * Node strips the types itself, so only erasable TypeScript here.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compile, type MatchableTerm } from '../../glossary/matcher.ts';
import { fold, foldTables } from '../../glossary/normalize.ts';
import type { Alias } from '../../glossary/schema.ts';
import { benchPacks, type BenchPacks } from './packs.ts';

type PackName = 'bundled' | 'aliases1k' | 'aliases10k';
const STARTUP_PACKS: readonly PackName[] = ['bundled', 'aliases1k', 'aliases10k'];

/**
 * Child mode (`--startup <pack>`): in a fresh process, the fold tables' first use, then the first
 * compile of a browser-benchmark pack, then the median of later compiles; printed as JSON.
 */
if (process.argv[2] === '--startup') {
  const terms = benchPacks()[process.argv[3] as keyof BenchPacks].terms;
  // Building the packs leaves garbage that a page loading its one pack would not have.
  (globalThis as { gc?: () => void }).gc?.();
  const tablesStart = performance.now();
  foldTables();
  const tables = performance.now() - tablesStart;
  const coldStart = performance.now();
  compile(terms);
  const cold = performance.now() - coldStart;
  const warm: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    compile(terms);
    warm.push(performance.now() - start);
  }
  warm.sort((a, b) => a - b);
  console.log(JSON.stringify({ tables, cold, warm: warm[7] }));
  process.exit(0);
}

const MB = 1 << 20;

/** Deterministic PRNG (mulberry32), so every run measures the same text. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const COMMON = (
  'the of and to a in that is was for on with as by at from his her it be are have has had ' +
  'not but said would this which they their an were been will more after also its who than ' +
  'new two one first state minister government defence defense security military china japan ' +
  'japanese chinese united states president prime forces islands sea east south north west ' +
  'policy foreign trade economic agreement talks official officials year years week country ' +
  'countries region regional alliance border coast guard ships vessels exercise exercises'
).split(' ');
const SYLLABLES =
  'ka ri to mi na se o shi ta ku ro ma be ni sa yo ha lu de an er in on st re'.split(' ');
const RARE = Array.from({ length: 4000 }, () => {
  let word = '';
  const syllables = 2 + Math.floor(random() * 3);
  for (let i = 0; i < syllables; i++) word += pick(SYLLABLES);
  return word;
});
const word = () => (random() < 0.6 ? pick(COMMON) : pick(RARE));
/** Names only glossaries use: they share prefixes with the text's words but rarely match whole. */
const NAME = () => pick(RARE) + pick(SYLLABLES) + pick(SYLLABLES);
/** Real glossary aliases that the text mentions now and then. */
const MENTIONS = [
  'Senkaku Islands',
  'reciprocal access agreement',
  'collective self-defence',
  'East China Sea',
  'Diet',
  'RAA',
  '尖閣諸島',
];

function newsText(size: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const words = Array.from({ length: 8 + Math.floor(random() * 22) }, word);
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    if (random() < 0.3) words[3] = `“${words[3]}”`;
    if (random() < 0.3) words[5] = `${words[5]}’s`;
    if (random() < 0.2) words[2] = `${words[2]},`;
    if (random() < 0.1) words.push(String(Math.floor(random() * 2030)));
    if (random() < 0.3) words.splice(4, 0, pick(MENTIONS));
    const sentence = words.join(' ') + (random() < 0.1 ? '.\n\n' : '. ');
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join('').slice(0, size);
}

/**
 * 'phrases': two-thirds of the aliases start with the text's commonest words, so walks go deep
 * (a worst case). 'names': proper-noun-like aliases, closer to a real glossary.
 */
type Style = 'phrases' | 'names';

function aliasText(style: Style): string {
  if (style === 'names' || random() < 0.33) {
    return Array.from({ length: 1 + Math.floor(random() * 2) }, NAME).join(' ');
  }
  return Array.from({ length: 2 + Math.floor(random() * 3) }, word).join(' ') + ' ' + NAME();
}

function pack(aliasCount: number, style: Style): MatchableTerm[] {
  const terms: MatchableTerm[] = [{ id: 'mentions', aliases: MENTIONS }];
  for (let t = 0; terms.length * 3 < aliasCount; t++) {
    const aliases: Alias[] = [];
    for (let a = 0; a < 3; a++) {
      const text = aliasText(style);
      const roll = random();
      if (roll < 0.05) aliases.push({ text: text.toUpperCase(), caseSensitive: true });
      else if (roll < 0.08) aliases.push({ text, needsContext: [NAME(), `${word()} ${NAME()}`] });
      else if (roll < 0.1) aliases.push({ text, notIn: [`${word()} ${text}`] });
      else if (roll < 0.15) aliases.push(`尖閣${t}諸島`);
      else aliases.push(text);
    }
    terms.push({ id: `term-${t}`, aliases });
  }
  return terms;
}

function median(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Startup costs of the browser-benchmark packs, each in fresh processes: medians of `runs`. */
function startup(runs: number): void {
  console.log(
    `startup, median of ${runs} fresh processes (fold tables, first compile, warm compile):`,
  );
  for (const name of STARTUP_PACKS) {
    const rows = Array.from(
      { length: runs },
      () =>
        JSON.parse(
          execFileSync(
            process.execPath,
            ['--expose-gc', fileURLToPath(import.meta.url), '--startup', name],
            {
              encoding: 'utf8',
            },
          ),
        ) as { tables: number; cold: number; warm: number },
    );
    const mid = (key: 'tables' | 'cold' | 'warm') =>
      rows.map((row) => row[key]).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    console.log(
      `  ${name.padEnd(10)} tables ${mid('tables').toFixed(1)} ms, compile cold ` +
        `${mid('cold').toFixed(1)} ms, warm ${mid('warm').toFixed(1)} ms`,
    );
  }
}

startup(5);

const tableStart = performance.now();
foldTables();
console.log(`fold tables ready: ${(performance.now() - tableStart).toFixed(1)} ms`);

const text = newsText(MB);
median(3, () => fold(text));
console.log(`fold(text) alone: ${median(10, () => fold(text)).toFixed(1)} ms/MB`);

for (const style of ['phrases', 'names'] as const) {
  console.log(`${style}:`);
  for (const size of [100, 1_000, 10_000]) {
    const terms = pack(size, style);
    const compileStart = performance.now();
    const matcher = compile(terms);
    const compileMs = performance.now() - compileStart;
    let matches = 0;
    median(3, () => (matches = matcher.find(text).length));
    const ms = median(15, () => matcher.find(text));
    console.log(
      `${String(matcher.aliasCount).padStart(7)} aliases: find ${ms.toFixed(1)} ms/MB ` +
        `(folds on the fly), ${matches} matches, compile ${compileMs.toFixed(0)} ms`,
    );
  }
}
