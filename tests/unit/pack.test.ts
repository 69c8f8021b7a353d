/**
 * Meta-tests on the bundled pack: it must validate, cover the essay, quote it exactly, and keep
 * the checked facts that stop a reader from being misinformed by the essay's errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aliasText, countWords, validatePack, type Pack, type Term } from '../../glossary/schema';
import { getBundledPack } from '../../utils/packs';
import { BUNDLED_PACK_ID } from '../../utils/bundled-pack-script';

const root = new URL('../../', import.meta.url);
const raw: unknown = JSON.parse(
  readFileSync(new URL('glossary/packs/japan-autonomy.json', root), 'utf8'),
);
const essay = readFileSync(
  new URL('glossary/sources/japan-strategic-autonomy-2026.txt', root),
  'utf8',
);

const CATEGORIES = (raw as Pack).categories ?? [];

const HEADINGS = [
  'The Dual Hedge Was Never a Strategy',
  'Takaichi Is Doing Something Abe Never Finished',
  'The Capital Flows Paradox',
  'The China-Taiwan Trilemma Driving Every Decision in Tokyo',
  'The Risk Analysis Worth Watching',
];

/**
 * Aliases deliberately shared by two terms, folded as in `fold`. Empty: every alias names one
 * term. Add an entry here only with a comment saying why both terms need it.
 */
const SHARED_ALIASES = new Set<string>([]);

/** Each paragraph of the essay with the heading it sits under ("Introduction" before the first). */
function paragraphsWithSections(text: string): { section: string; text: string }[] {
  let section = 'Introduction';
  const result: { section: string; text: string }[] = [];
  for (const line of text.split('\n')) {
    if (HEADINGS.includes(line.trim())) section = line.trim();
    else if (line.trim() !== '') result.push({ section, text: line });
  }
  return result;
}

/** Case and diacritics, plus the spacing and dashes the matcher folds anyway. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s\-\u2010-\u2015]+/g, ' ')
    .trim();
}

const result = validatePack(raw);
if (!result.ok) throw new Error(`bundled pack is invalid:\n${result.errors.join('\n')}`);
const pack: Pack = result.pack;
const byId = new Map(pack.terms.map((t) => [t.id, t]));

function term(id: string): Term {
  const t = byId.get(id);
  if (!t) throw new Error(`missing term ${id}`);
  return t;
}

describe('bundled pack japan-autonomy', () => {
  it('validates against the schema', () => {
    expect(validatePack(raw)).toMatchObject({ ok: true });
    expect(pack.id).toBe('japan-autonomy');
    expect(pack.asOf).toBe('2026-11-30');
  });

  it('is used as shipped: validation changes nothing in it (so pages need not validate it again)', () => {
    expect(pack).toEqual(raw);
  });

  it('is what the extension loads, under the id it is known by', async () => {
    expect(await getBundledPack()).toEqual(pack);
    expect(BUNDLED_PACK_ID).toBe(pack.id);
  });

  it('has at least 40 terms in the known categories', () => {
    expect(pack.terms.length).toBeGreaterThanOrEqual(40);
    for (const t of pack.terms) expect(CATEGORIES, t.id).toContain(t.category);
  });

  it('covers the people, places and ideas a reader of the essay needs', () => {
    const required = [
      'sanae-takaichi',
      'shinzo-abe',
      'donald-trump',
      'xi-jinping',
      'fumio-kishida',
      'strategic-autonomy',
      'dual-hedge',
      'hedging',
      'postwar-settlement',
      'pacifism',
      'constitution-of-japan',
      'normalization',
      'collective-self-defence',
      'two-percent-target',
      'constitutional-revision',
      'strategic-ambiguity',
      'deterrence',
      'extended-deterrence',
      'incrementalism',
      'decoupling',
      'china-taiwan-trilemma',
      'strategic-depth',
      'reciprocal-access-agreement',
      'japan-philippines-raa',
      'japan-australia-raa',
      'japan-uk-raa',
      'camp-david-trilateral',
      'us-japan-alliance',
      'powerr-asia',
      'uranos-ki',
      'senkaku-islands',
      'okinawa',
      'taiwan',
      'tokyo',
      'washington',
      'beijing',
      'manila',
      'canberra',
      'seoul',
      'capital-flows-paradox',
      'third-country-investment',
      'rare-earth-export-controls',
      'seafood-import-ban',
      'us-china-competition',
      'new-cold-war',
      'radar-lock-on',
      'exercises-around-okinawa',
      'iran-munitions-diversion',
      'taiwan-arms-sales',
      'national-diet',
      'diplomatic-bluebook',
      'self-defense-forces',
    ];
    expect(required.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('quotes every passage verbatim from the essay, under the right section', () => {
    const paragraphs = paragraphsWithSections(essay);
    for (const t of pack.terms) {
      expect(t.essay?.length ?? 0, `${t.id} has no essay passage`).toBeGreaterThanOrEqual(1);
      for (const { quote, section } of t.essay ?? []) {
        const found = paragraphs.filter((p) => p.text.includes(quote)).map((p) => p.section);
        expect(found, `${t.id}: not in the essay: ${quote}`).not.toEqual([]);
        expect(found, `${t.id}: wrong section for: ${quote}`).toContain(section);
        expect(countWords(quote)).toBeLessThanOrEqual(45);
      }
    }
  });

  it('keeps summaries short', () => {
    for (const t of pack.terms) {
      expect(countWords(t.summary), t.id).toBeLessThanOrEqual(60);
      expect(t.summary.length, t.id).toBeLessThanOrEqual(600);
    }
  });

  it('gives every alias to one term only (case- and diacritic-insensitively)', () => {
    const owners = new Map<string, string[]>();
    for (const t of pack.terms) {
      for (const a of new Set([t.title, ...t.aliases.map(aliasText)].map(fold))) {
        owners.set(a, [...(owners.get(a) ?? []), t.id]);
      }
    }
    const shared = [...owners]
      .filter(([alias, ids]) => ids.length > 1 && !SHARED_ALIASES.has(alias))
      .map(([alias, ids]) => `${alias}: ${ids.join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('lists no alias twice within a term', () => {
    for (const t of pack.terms) {
      const folded = t.aliases.map((a) => fold(aliasText(a)));
      expect(folded.length, t.id).toBe(new Set(folded).size);
    }
  });

  it('relates only to terms that exist, never to itself', () => {
    for (const t of pack.terms) {
      for (const r of t.related ?? []) {
        expect(byId.has(r), `${t.id} -> ${r}`).toBe(true);
        expect(r).not.toBe(t.id);
      }
    }
  });

  it('gives context words to short, ambiguous acronyms and names', () => {
    const risky = ['RAA', 'SDF', 'Xi', 'Abe', 'MOFA', 'Diet', 'LDP', 'PLA', 'ROC'];
    for (const t of pack.terms) {
      for (const a of t.aliases) {
        if (!risky.includes(aliasText(a))) continue;
        expect(typeof a, `${t.id}: ${aliasText(a)}`).toBe('object');
        if (typeof a === 'object') {
          expect(a.caseSensitive, `${t.id}: ${a.text}`).toBe(true);
          expect(a.needsContext, `${t.id}: ${a.text}`).toBeTruthy();
        }
      }
    }
  });

  describe('facts that protect readers from the essay’s errors', () => {
    it('credits the 2% target to Kishida, not Abe', () => {
      expect(term('shinzo-abe').background).toMatch(/Kishida/);
      expect(term('shinzo-abe').background).toMatch(/2%/);
      expect(term('two-percent-target').background).toMatch(/Kishida government/);
      expect(term('two-percent-target').background).toMatch(/December 2022/);
      expect(term('fumio-kishida').essay?.[0]?.quote).toMatch(/2% of GDP/);
    });

    it('says Abe is no longer alive, so the essay’s present tense is out of date', () => {
      expect(term('shinzo-abe').background).toMatch(/assassinated on 8 July 2022/);
    });

    it('says Takaichi is a woman and Japan’s first woman prime minister', () => {
      const t = term('sanae-takaichi');
      expect(t.summary).toMatch(/first woman/);
      expect(t.background).toMatch(/first woman prime minister/);
      expect(t.background).toMatch(/21 October 2025/);
      expect(t.summary).not.toMatch(/\b(he|him|his)\b/i);
    });

    it('says Uranos KI is a German Bundeswehr project with no known link to Japan', () => {
      const t = term('uranos-ki');
      expect(t.summary).toMatch(/German/);
      expect(t.background).toMatch(/Bundeswehr/);
      expect(t.background).toMatch(/No link to Japan/);
    });

    it('corrects the essay on the Japan–Philippines RAA', () => {
      const b = term('japan-philippines-raa').background ?? '';
      expect(b).toMatch(/third RAA/);
      expect(b).toMatch(/11 September 2025/);
      expect(b).toMatch(/does not station forces/);
      expect(b).toMatch(/since 1991/);
      expect(term('reciprocal-access-agreement').summary).toMatch(/does not set up bases/);
    });

    it('says the 2025 seafood easing was reversed', () => {
      expect(term('seafood-import-ban').background).toMatch(/19 November 2025/);
      expect(term('seafood-import-ban').summary).toMatch(/reimposed in November 2025/);
    });

    it('marks POWERR Asia as unverified, with no April 2026 launch found', () => {
      expect(term('powerr-asia').summary).toMatch(/could not be verified/);
      expect(term('powerr-asia').background).toMatch(/No April 2026 launch date/);
    });

    it('credits "dual hedge" to Heginbotham and Samuels, who called it deliberate', () => {
      const t = term('dual-hedge');
      expect(t.background).toMatch(/Heginbotham/);
      expect(t.background).toMatch(/Samuels/);
      expect(t.background).toMatch(/2002/);
      expect(t.background).toMatch(/deliberate strategy/);
    });

    it('gives the competing positions on the Senkakus and Taiwan', () => {
      const holders = (id: string) => term(id).contested?.map((c) => c.holder) ?? [];
      expect(holders('senkaku-islands')).toEqual(
        expect.arrayContaining([
          'Japan',
          "People's Republic of China",
          'Republic of China (Taiwan)',
        ]),
      );
      expect(holders('taiwan')).toEqual(
        expect.arrayContaining([
          "People's Republic of China",
          'Republic of China (Taiwan)',
          'United States',
          'Japan',
        ]),
      );
    });

    it('names the Senkakus by every name a page may use', () => {
      const names = term('senkaku-islands').aliases.map(aliasText);
      for (const n of ['Diaoyu', 'Diaoyutai', 'Tiaoyutai', '尖閣諸島', '钓鱼岛', '釣魚台']) {
        expect(names).toContain(n);
      }
    });

    it('explains capital cities as shorthand for governments', () => {
      for (const id of ['tokyo', 'washington', 'beijing', 'manila', 'canberra', 'seoul']) {
        expect(term(id).summary, id).toMatch(/shorthand for the government of/);
      }
    });
  });
});

describe('what the bundled pack says about itself', () => {
  const pack = raw as Pack;
  it('carries the essay exactly as glossary/sources keeps it, for "Read in context"', () => {
    expect(pack.sourceText).toBe(essay);
  });
  it('orders every category its terms use', () => {
    const used = new Set(pack.terms.map((t) => t.category));
    expect([...used].filter((c) => !pack.categories?.includes(c))).toEqual([]);
    expect(pack.quoteLabel).toBe('In the essay');
  });
});
