/** The catalogue takes what is pack-specific from the packs: category order, quote label, source. */
import { describe, expect, it } from 'vitest';
import { Catalog } from '@/glossary/catalog';
import type { Pack } from '@/glossary/schema';
import { groupByCategory } from '@/entrypoints/glossary/categories';

function pack(id: string, extra: Partial<Pack>, categories: string[]): Pack {
  return {
    id,
    title: id,
    version: '1.0.0',
    language: 'en',
    asOf: '2026-11-01',
    terms: categories.map((category, i) => ({
      id: `${id}-${i}`,
      title: `${id} ${i}`,
      category,
      aliases: [`${id} term ${i}`],
      summary: 'A summary.',
    })),
    ...extra,
  };
}

describe('a catalogue of two packs', () => {
  const first = pack('first', { categories: ['zeta', 'alpha'], quoteLabel: 'In the report' }, [
    'alpha',
    'zeta',
  ]);
  const second = pack('second', { categories: ['beta', 'alpha'], sourceText: 'One.\nTwo.' }, [
    'beta',
    'gamma',
  ]);
  const catalog = new Catalog([first, second]);

  it('orders categories as the higher-priority pack says, then the other pack, then A–Z', () => {
    const groups = groupByCategory(catalog.entries.values(), catalog.categoryOrder);
    expect(groups.map((g) => g.category)).toEqual(['zeta', 'alpha', 'beta', 'gamma']);
  });

  it("labels each entry's quotes with its own pack's label, and keeps each pack's source", () => {
    expect(catalog.get('first-0')?.quoteLabel).toBe('In the report');
    expect(catalog.get('second-0')?.quoteLabel).toBeUndefined();
    expect(catalog.sourceTexts.get('second')).toBe('One.\nTwo.');
    expect(catalog.sourceTexts.has('first')).toBe(false);
  });
});
