/**
 * The bundled pack as a reader meets it in a popover (issue #16): short summaries, one account of
 * each fact, a date on every entry, a role on every entry, and every concept of the essay answering
 * on the essay's own words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, counts, cues } from '../../glossary/matcher';
import { countWords, validatePack, type Pack } from '../../glossary/schema';

const root = new URL('../../', import.meta.url);
const result = validatePack(
  JSON.parse(readFileSync(new URL('glossary/packs/japan-autonomy.json', root), 'utf8')),
);
if (!result.ok) throw new Error(result.errors.join('\n'));
const pack: Pack = result.pack;
const essay = readFileSync(
  new URL('glossary/sources/japan-strategic-autonomy-2026.txt', root),
  'utf8',
);

/** Sentences end with . ! or ? before a space or the end ("D.C.," or "2.5" do not end one). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

describe('written for a popover', () => {
  it('keeps every summary to two sentences and 40 words', () => {
    const long = pack.terms
      .filter((t) => sentences(t.summary).length > 2 || countWords(t.summary) > 40)
      .map(
        (t) => `${t.id}: ${sentences(t.summary).length} sentences, ${countWords(t.summary)} words`,
      );
    expect(long).toEqual([]);
  });

  it('averages about 30 words a summary', () => {
    const words = pack.terms.map((t) => countWords(t.summary));
    expect(words.reduce((a, b) => a + b, 0) / words.length).toBeLessThanOrEqual(32);
  });

  it('tells each fact once: no two entries share a background sentence', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const t of pack.terms)
      for (const s of sentences(t.background ?? '')) {
        const key = s.toLowerCase();
        const other = owner.get(key);
        if (other && other !== t.id) shared.push(`${other} and ${t.id}: ${s}`);
        owner.set(key, t.id);
      }
    expect(shared).toEqual([]);
  });
});

describe('dates and roles', () => {
  it('dates every entry, never later than the pack', () => {
    const undated = pack.terms.filter((t) => !t.checked || t.checked > pack.asOf).map((t) => t.id);
    expect(undated).toEqual([]);
  });

  it('says of every entry whether it is a key term or a context entry', () => {
    expect(pack.terms.filter((t) => t.role === undefined).map((t) => t.id)).toEqual([]);
    const context = pack.terms.filter((t) => t.role === 'context').map((t) => t.id);
    for (const id of ['tokyo', 'washington', 'beijing', 'seoul', 'xi-jinping', 'donald-trump'])
      expect(context).toContain(id);
    for (const id of [
      'dual-hedge',
      'reciprocal-access-agreement',
      'senkaku-islands',
      'national-diet',
    ])
      expect(context).not.toContain(id);
  });
});

describe('the essay', () => {
  /** Entries that explain the essay's background but that its words never name. */
  const NOT_NAMED = new Map([
    ['fumio-kishida', 'the essay credits his 2% target to Abe'],
    ['mutually-beneficial-relationship', 'the formula behind the "diplomatic language downgrade"'],
    ['japan-uk-raa', 'one of "its reciprocal access agreements"'],
    ['azec', 'part of "its energy diplomacy"'],
    ['ryukyu-islands', 'the chain the essay calls "around Okinawa"'],
    ['ministry-of-foreign-affairs', 'publishes the Bluebook'],
    ['liberal-democratic-party', 'Takaichi’s party'],
    ['survival-threatening-situation', 'the legal basis of the Taiwan debate'],
    ['takaichi-taiwan-remarks', 'behind "quieter rhetoric on Taiwan"'],
    ['nippon-ishin', 'half of the "bare parliamentary majority"'],
    ['komeito', 'the partner whose exit fragmented the Diet'],
  ]);

  it('has every other entry answer on the essay’s own words', () => {
    const matcher = compile(pack.terms);
    const all = essay.split('\n').flatMap((paragraph) => matcher.find(paragraph));
    const cued = new Set(all.filter(cues).map((m) => m.termId));
    const found = new Set(all.filter((m) => counts(m, cued)).map((m) => m.termId));
    const missing = pack.terms.filter((t) => !found.has(t.id)).map((t) => t.id);
    expect(missing.sort()).toEqual([...NOT_NAMED.keys()].sort());
  });
});
