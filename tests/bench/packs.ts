/**
 * Glossaries for the browser benchmark: the bundled pack, and synthetic packs of about 1,000 and
 * 10,000 aliases (and a 10,000-term pack for the popup search) that contain the bundled pack's
 * terms, so that matches on the same page stay comparable. Deterministic: the same seed always
 * gives the same packs. Node strips the types itself, so only erasable TypeScript here.
 */
import { readFileSync } from 'node:fs';
import { aliasText, validatePack, type Pack, type Term } from '../../glossary/schema.ts';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function picker(random: () => number) {
  return <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
}

/** Words of security and diplomacy news: the page text and the synthetic aliases share them. */
export const TOPIC_WORDS = (
  'maritime security defence defense strategic joint regional national naval coast guard ' +
  'alliance council agreement treaty framework dialogue partnership initiative command ' +
  'forces island islands strait sea border trade economic supply chain export control ' +
  'nuclear missile deterrence cooperation exercise summit ministry office agency bureau ' +
  'doctrine policy reform accord pact zone corridor fleet squadron brigade task force ' +
  'intelligence cyber space energy resilience investment fund bank development order'
).split(' ');

const SYLLABLES = 'ka ri to mi na se o shi ta ku ro ma be ni sa yo ha lu de an er in su ho'.split(
  ' ',
);
const HAN = '東西南北中国日本海島防衛安全保障協力同盟条約戦略経済貿易政策軍事外交会議'.split('');

function syntheticName(random: () => number): string {
  const pick = picker(random);
  let word = '';
  const count = 2 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) word += pick(SYLLABLES);
  return word[0]!.toUpperCase() + word.slice(1);
}

/** A realistic alias: a proper name, a named institution or a multi-word policy phrase. */
function syntheticAlias(random: () => number): string {
  const pick = picker(random);
  const roll = random();
  if (roll < 0.3) return `${syntheticName(random)} ${syntheticName(random)}`;
  if (roll < 0.55) return `${syntheticName(random)} ${pick(TOPIC_WORDS)} ${pick(TOPIC_WORDS)}`;
  if (roll < 0.8) {
    const words = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(TOPIC_WORDS));
    return `${words.join(' ')} ${syntheticName(random)}`;
  }
  if (roll < 0.9) return `${pick(TOPIC_WORDS)} ${syntheticName(random)}`;
  return Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(HAN)).join('');
}

export const BUNDLED_PACK_PATH = 'glossary/packs/japan-autonomy.json';

export function loadBundledPack(): Pack {
  const result = validatePack(JSON.parse(readFileSync(BUNDLED_PACK_PATH, 'utf8')));
  if (!result.ok) throw new Error(`bundled pack is invalid: ${result.errors.join('; ')}`);
  return result.pack;
}

export function aliasCountOf(terms: readonly Term[]): number {
  return terms.reduce((sum, term) => sum + term.aliases.length, 0);
}

/**
 * The bundled pack's terms followed by synthetic ones: a stream cut either at an alias count
 * (matching) or at a term count (search). The 1,000-alias pack is a prefix of the 10,000 one.
 */
function syntheticTerms(bundled: Pack, seed: number, until: (terms: Term[]) => boolean): Term[] {
  const random = rng(seed);
  const pick = picker(random);
  const terms: Term[] = [...bundled.terms];
  const seen = new Set(terms.flatMap((t) => t.aliases.map((a) => aliasText(a).toLowerCase())));
  for (let t = 0; !until(terms); t++) {
    const aliases: string[] = [];
    const count = 1 + Math.floor(random() * 3);
    while (aliases.length < count) {
      const alias = syntheticAlias(random);
      if (seen.has(alias.toLowerCase())) continue;
      seen.add(alias.toLowerCase());
      aliases.push(alias);
    }
    const summary = Array.from({ length: 12 + Math.floor(random() * 20) }, () =>
      pick(TOPIC_WORDS),
    ).join(' ');
    terms.push({
      id: `synthetic-${t}`,
      title: aliases[0]!,
      category: pick(['people', 'places', 'policy', 'institutions', 'agreements']),
      aliases,
      summary: `${summary[0]!.toUpperCase()}${summary.slice(1)}.`,
    });
  }
  return terms;
}

function asPack(bundled: Pack, id: string, terms: Term[]): Pack {
  const result = validatePack({ ...bundled, id, title: id, terms });
  if (!result.ok) throw new Error(`${id} is invalid: ${result.errors.slice(0, 3).join('; ')}`);
  return result.pack;
}

export interface BenchPacks {
  bundled: Pack;
  aliases1k: Pack;
  aliases10k: Pack;
  terms10k: Pack;
}

export function benchPacks(seed = 20261125): BenchPacks {
  const bundled = loadBundledPack();
  const byAliases = (n: number) => (terms: Term[]) => aliasCountOf(terms) >= n;
  return {
    bundled,
    aliases1k: asPack(bundled, 'synthetic-1k', syntheticTerms(bundled, seed, byAliases(1_000))),
    aliases10k: asPack(bundled, 'synthetic-10k', syntheticTerms(bundled, seed, byAliases(10_000))),
    terms10k: asPack(
      bundled,
      'synthetic-10k-terms',
      syntheticTerms(bundled, seed, (terms) => terms.length >= 10_000),
    ),
  };
}

/** Every alias text of a pack (for the mark.js contenders, which know no alias rules). */
export function aliasTexts(pack: Pack): string[] {
  return [...new Set(pack.terms.flatMap((t) => t.aliases.map(aliasText)))];
}
