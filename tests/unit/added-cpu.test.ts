import { describe, expect, it } from 'vitest';
import { addedCpu, quantile } from '../../scripts/added-cpu.ts';

describe('added CPU per page', () => {
  it('subtracts page by page and summarises with nearest-rank quantiles', () => {
    const added = addedCpu([12, 30, 8, 100, 20], [10, 10, 10, 10, 10]);
    expect(added.perPage).toEqual([2, 20, -2, 90, 10]);
    expect(added.median).toBe(10);
    expect(added.p90).toBe(90);
    expect(added.total).toBe(120);
  });

  it('refuses lists of different pages', () => {
    expect(() => addedCpu([1, 2], [1])).toThrow('2 pages with, 1 without');
  });

  it('quantiles of ten values', () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(quantile(values, 0.5)).toBe(5);
    expect(quantile(values, 0.9)).toBe(9);
    expect(quantile(values, 1)).toBe(10);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
