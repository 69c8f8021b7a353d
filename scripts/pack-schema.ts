/**
 * Writes glossary/pack.schema.json, the pack format as JSON Schema, from the valibot schema in
 * glossary/schema.ts (the one source of truth), so pack authors get completion and checks in their
 * editor. Checks JSON Schema cannot say (word counts, duplicate ids, forbidden characters) are left
 * to Gloss's own validator. Run: `node scripts/pack-schema.ts`; a unit test keeps the file current.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { packSchema } from '../glossary/schema.ts';

export const PACK_SCHEMA_PATH = fileURLToPath(
  new URL('../glossary/pack.schema.json', import.meta.url),
);

type Lazy = { type: 'lazy'; getter: (input: unknown) => Parameters<typeof toJsonSchema>[0] };

function convert(schema: Parameters<typeof toJsonSchema>[0]): JsonSchema {
  const { $schema: _draft, ...rest } = toJsonSchema(schema, {
    errorMode: 'ignore',
    overrideSchema: ({ valibotSchema }) =>
      // An alias is chosen lazily by its input's type (so its errors name the right field); the
      // converter only sees one branch, so spell out both: a plain string or an alias object.
      valibotSchema.type === 'lazy'
        ? {
            anyOf: [
              convert((valibotSchema as unknown as Lazy).getter('')),
              convert((valibotSchema as unknown as Lazy).getter({})),
            ],
          }
        : undefined,
  });
  return rest;
}

/** The JSON Schema document, formatted as committed. */
export async function packJsonSchema(): Promise<string> {
  // The converter still files the lazy alias's first branch under $defs; nothing refers to it.
  const { $defs: _unusedLazyDefinitions, ...body } = convert(packSchema());
  if (JSON.stringify(body).includes('"$ref"')) throw new Error('pack schema refers to $defs');
  const document = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Gloss glossary pack',
    description:
      'Generated from glossary/schema.ts by scripts/pack-schema.ts; do not edit. Gloss checks more than this schema can say (word counts, duplicate ids, related ids, control characters).',
    ...body,
  };
  const options = (await prettier.resolveConfig(PACK_SCHEMA_PATH)) ?? {};
  return prettier.format(JSON.stringify(document), { ...options, parser: 'json' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(PACK_SCHEMA_PATH, await packJsonSchema());
  console.log(`wrote ${PACK_SCHEMA_PATH}`);
}
