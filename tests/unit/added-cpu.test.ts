import { describe, expect, it } from 'vitest';
import { addedCpu } from '../../scripts/added-cpu.ts';

describe('added CPU per page', () => {
  it('subtracts page by page and summarises them (median, p90, total)', () => {
    const added = addedCpu([12, 30, 8, 100, 20], [10, 10, 10, 10, 10]);
    expect(added.perPage).toEqual([2, 20, -2, 90, 10]);
    expect(added.median).toBe(10);
    expect(added.p90).toBe(90);
    expect(added.total).toBe(120);
  });

  it('refuses lists of different pages', () => {
    expect(() => addedCpu([1, 2], [1])).toThrow('2 pages with, 1 without');
  });
});
