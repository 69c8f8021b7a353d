/**
 * Timing sanity check for the matcher, outside the unit tests (no timed assertions there):
 *   node tests/bench/matcher-node.ts
 * Builds 1 MB of news-like English text and synthetic packs of 100, 1,000 and 10,000 aliases
 * in two styles (see `Style`), and prints ms/MB for fold and find.
 * Node strips the types itself, so only erasable TypeScript here.
 */
import { compile, type MatchableTerm } from '../../glossary/matcher.ts';
import { fold, foldTables } from '../../glossary/normalize.ts';
import type { Alias } from '../../glossary/schema.ts';

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

const tableStart = performance.now();
foldTables();
console.log(`fold tables built once: ${(performance.now() - tableStart).toFixed(1)} ms`);

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
