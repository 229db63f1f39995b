import { describe, expect, it } from 'vitest';
import { descendingRanks, midRanks, rankPercentiles, spearman } from '../../src/expertise/rank.js';

describe('ranking helpers', () => {
  it('mid-ranks share tied ranks, also within floating-point noise', () => {
    expect([...midRanks([10, 30, 20, 20])]).toEqual([1, 4, 2.5, 2.5]);
    expect([...midRanks([0.1 + 0.2, 0.3, 1])]).toEqual([1.5, 1.5, 3]);
  });

  it('rank percentiles: 0 for the lowest, 1 for the highest, 0.5 for a lone or all-tied value', () => {
    expect([...rankPercentiles([1, 5, 3])]).toEqual([0, 1, 0.5]);
    expect([...rankPercentiles([7])]).toEqual([0.5]);
    expect([...rankPercentiles([2, 2, 2])]).toEqual([0.5, 0.5, 0.5]);
  });

  it('Spearman with ties equals scipy', () => {
    // /usr/bin/python3: scipy.stats.spearmanr([1,2,2,3,5,4], [2,1,3,3,9,8]).correlation
    expect(spearman([1, 2, 2, 3, 5, 4], [2, 1, 3, 3, 9, 8])).toBeCloseTo(0.8676470588235294, 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(spearman([1, 1], [1, 2])).toBeNaN();
    expect(() => spearman([1], [1, 2])).toThrow(/lengths differ/);
  });

  it('descending ranks break ties by the next key, then by id', () => {
    expect([...descendingRanks(['c', 'a', 'b'], [[1, 1, 2]])]).toEqual([3, 2, 1]);
    expect([
      ...descendingRanks(
        ['c', 'a', 'b'],
        [
          [1, 1, 2],
          [5, 0, 0],
        ],
      ),
    ]).toEqual([2, 3, 1]);
  });
});
