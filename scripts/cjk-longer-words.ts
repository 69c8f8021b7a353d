/**
 * Candidates for tests/fixtures/cjk-longer-words.json: every place a Chinese or Japanese alias of
 * the bundled pack occurs inside a longer run of Han/Kana in the CJK pages of the shared news
 * corpus, printed as the alias with up to three characters on each side. A person sorts them into
 * "other" (a word that means something else) and "same" (the term inside a compound), so the
 * fixture, not this script, is what the tests read.
 *
 *   node scripts/cjk-longer-words.ts [corpus dir]          print candidates
 *   node scripts/cjk-longer-words.ts [corpus dir] --bench  time find() and the word-boundary checks
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isCJ, onCJWordBoundaries } from '../glossary/cjk-words.ts';
import { compile } from '../glossary/matcher.ts';
import { aliasText, validatePack } from '../glossary/schema.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus/news';
const pack = validatePack(
  JSON.parse(
    readFileSync(new URL('../glossary/packs/japan-autonomy.json', import.meta.url), 'utf8'),
  ),
);
if (!pack.ok) throw new Error(pack.errors.join('\n'));

/** Visible-ish text of a page, one line per tag boundary: enough to find words, not to render. */
function pageText(html: string): string[] {
  return html
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, '\n')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const blocks = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .flatMap((f) => pageText(readFileSync(join(dir, f), 'utf8')))
  .filter((line) => [...line].some((_, i) => isCJ(line, i)));

const cjAliases = pack.pack.terms.flatMap((t) =>
  t.aliases.map(aliasText).filter((a) => isCJ(a, 0) || isCJ(a, a.length - 1)),
);

if (args.includes('--bench')) {
  const matcher = compile(pack.pack.terms);
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  const time = (run: () => void) => {
    run();
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) run();
    return (performance.now() - t0) / 20;
  };
  const findMs = time(() => blocks.forEach((b) => matcher.find(b)));
  // Every occurrence of a CJK alias glued to other Han/Kana is one boundary check in find().
  const spots: [string, number, number][] = [];
  for (const b of blocks)
    for (const a of cjAliases)
      for (let i = b.indexOf(a); i >= 0; i = b.indexOf(a, i + 1)) spots.push([b, i, i + a.length]);
  const checkMs = time(() => spots.forEach(([b, s, e]) => onCJWordBoundaries(b, s, e, true, true)));
  console.log(
    `${(chars / 1e6).toFixed(2)} M chars of CJK blocks: find() ${findMs.toFixed(2)} ms ` +
      `(${(findMs / (chars / 1e6)).toFixed(1)} ms per M chars); ${spots.length} alias spots, ` +
      `boundary checks ${checkMs.toFixed(2)} ms (${((checkMs / spots.length) * 1000).toFixed(1)} µs each)`,
  );
} else {
  const seen = new Map<string, Set<string>>();
  for (const b of blocks)
    for (const a of cjAliases)
      for (let i = b.indexOf(a); i >= 0; i = b.indexOf(a, i + 1)) {
        let from = i;
        while (from > 0 && i - from < 3 && isCJ(b, from - 1)) from--;
        let to = i + a.length;
        while (to < b.length && to - i - a.length < 3 && isCJ(b, to)) to++;
        if (from === i && to === i + a.length) continue;
        const set = seen.get(a) ?? new Set<string>();
        set.add(b.slice(from, to));
        seen.set(a, set);
      }
  for (const [a, words] of seen) console.log(`${a}\t${[...words].join(' ')}`);
}
