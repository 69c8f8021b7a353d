/**
 * glossary/fold-tables.data.ts is generated from the Unicode rules in glossary/fold-tables-slow.ts;
 * this keeps the committed data equal to them. If this fails (a rule changed, or a new Node brings
 * a new Unicode version), run `node scripts/fold-tables.ts` and commit the result.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FOLD_TABLES_PATH, foldTablesModule } from '../../scripts/fold-tables.ts';
import { buildTablesSlow } from '../../glossary/fold-tables-slow.ts';
import { foldTables } from '../../glossary/normalize.ts';

/** The first code unit where two tables differ, as hex, or null. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): string | null {
  if (a.length !== b.length) return `length ${a.length} ≠ ${b.length}`;
  for (let c = 0; c < a.length; c++) {
    if (a[c] !== b[c]) return `U+${c.toString(16)}: ${a[c]} ≠ ${b[c]}`;
  }
  return null;
}

describe('fold tables', () => {
  it('decode to exactly what the Unicode rules give', () => {
    const slow = buildTablesSlow();
    const fast = foldTables();
    const absolute = (step: Uint16Array) => step.map((s, c) => (c + s) & 0xffff);
    expect(firstDifference(absolute(fast.foldStep), slow.fold)).toBeNull();
    expect(firstDifference(absolute(fast.keepStep), slow.keep)).toBeNull();
    expect(firstDifference(fast.cls, slow.cls)).toBeNull();
  });

  it('are committed as scripts/fold-tables.ts generates them', async () => {
    expect(readFileSync(FOLD_TABLES_PATH, 'utf8')).toBe(await foldTablesModule());
  });
});
