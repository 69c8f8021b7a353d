/**
 * glossary/pack.schema.json is generated from the valibot schema; this keeps the committed file in
 * step with it. If this fails, run `node scripts/pack-schema.ts` and commit the result.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACK_SCHEMA_PATH, packJsonSchema } from '../../scripts/pack-schema.ts';
import { validatePack } from '@/glossary/schema';

const examplePack = JSON.parse(
  readFileSync(new URL('../../glossary/packs/examples/example-pack.json', import.meta.url), 'utf8'),
) as unknown;

describe('pack.schema.json', () => {
  it('is up to date with glossary/schema.ts', async () => {
    expect(readFileSync(PACK_SCHEMA_PATH, 'utf8')).toBe(await packJsonSchema());
  });

  it('describes aliases as a string or an alias object', async () => {
    const schema = JSON.parse(await packJsonSchema()) as {
      properties: { terms: { items: { properties: { aliases: { items: unknown } } } } };
    };
    const alias = schema.properties.terms.items.properties.aliases.items as {
      anyOf: { type: string; properties?: Record<string, unknown> }[];
    };
    expect(alias.anyOf.map((option) => option.type)).toEqual(['string', 'object']);
    expect(Object.keys(alias.anyOf[1]!.properties!)).toEqual([
      'text',
      'caseSensitive',
      'needsContext',
      'notIn',
      'notBefore',
      'notAfter',
      'skipIn',
      'inLanguage',
    ]);
  });
});

describe('the example pack', () => {
  it('is valid and points at the schema', () => {
    expect(validatePack(examplePack)).toMatchObject({ ok: true });
    expect((examplePack as { $schema: string }).$schema).toBe('../../pack.schema.json');
  });
});
