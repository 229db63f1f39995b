import { describe, expect, it } from 'vitest';
import { detectCommunities, matchGroups, OptionError } from '../../src/index.js';
import { createRng } from '../../src/random.js';
import { emailEuCore } from './graphs.js';

const partition = { a: 0, b: 0, c: 0, d: 0, e: 1, f: 1, g: 1, h: 1, i: 2, j: 2 };

/** Exact E[max_C J(R, C)] over every 3-subset R of the 10 people (slow, obvious reference). */
function exactExpectedJaccard(size: number): number {
  const people = Object.keys(partition);
  const sizes = [4, 4, 2];
  let total = 0;
  let count = 0;
  const pick = (start: number, chosen: string[]) => {
    if (chosen.length === size) {
      let best = 0;
      for (let c = 0; c < 3; c++) {
        const x = chosen.filter((p) => partition[p as keyof typeof partition] === c).length;
        best = Math.max(best, x / (size + (sizes[c] as number) - x));
      }
      total += best;
      count++;
      return;
    }
    for (let k = start; k < people.length; k++) pick(k + 1, [...chosen, people[k] as string]);
  };
  pick(0, []);
  return total / count;
}

describe('matchGroups', () => {
  it('finds the best-matching community and its Jaccard index (hand case)', () => {
    const r = matchGroups({ guild: ['a', 'b', 'c', 'zed'], pair: ['i', 'e'], ghosts: ['nobody'] }, partition, {
      seed: 1,
    });
    expect(r.groups.map((g) => g.group)).toEqual(['ghosts', 'guild', 'pair']);
    expect(r.groups[1]).toMatchObject({ group: 'guild', size: 3, missing: 1, community: 0, overlap: 3, jaccard: 0.75 });
    // pair {i, e}: J with {i, j} = 1/3, with {e..h} = 1/5 → community 2
    expect(r.groups[2]).toMatchObject({ community: 2, overlap: 1 });
    expect(r.groups[2]?.jaccard).toBeCloseTo(1 / 3, 14);
    expect(r.groups[0]).toMatchObject({ size: 0, missing: 1, community: null, jaccard: 0, ratio: null });
    expect(r.meanJaccard).toBeCloseTo((0.75 + 1 / 3) / 2, 14);
  });

  it('estimates the expected Jaccard of a random same-size set (checked against full enumeration)', () => {
    const exact = exactExpectedJaccard(3);
    const r = matchGroups({ guild: ['a', 'b', 'c'] }, partition, { samples: 20000, seed: 4 });
    expect(r.groups[0]?.expectedJaccard).toBeCloseTo(exact, 2);
    expect(r.groups[0]?.ratio).toBeCloseTo(0.75 / (r.groups[0]?.expectedJaccard ?? 1), 12);
  });

  it('separates departments from random labels on email-Eu-core', async () => {
    const { graph, department } = await emailEuCore();
    const detection = detectCommunities(graph, { seed: 2, getEdgeWeight: null });
    const real = matchGroups(department, detection, { seed: 3, samples: 100 });
    expect(real.groups.length).toBe(42);
    const rng = createRng(5);
    const shuffled = Object.fromEntries(Object.keys(department).map((p) => [p, Math.floor(rng() * 42)]));
    const random = matchGroups(shuffled, detection, { seed: 3, samples: 100 });
    const meanRatio = (m: typeof real) => {
      const rs = m.groups.filter((g) => g.size >= 10).map((g) => g.ratio ?? 0);
      return rs.reduce((a, b) => a + b, 0) / rs.length;
    };
    expect(meanRatio(real)).toBeGreaterThan(2.5);
    expect(meanRatio(random)).toBeGreaterThan(0.7);
    expect(meanRatio(random)).toBeLessThan(1.4);
    expect(real.meanJaccard).toBeGreaterThan(random.meanJaccard);
    expect(JSON.stringify(real)).toBe(JSON.stringify(matchGroups(department, detection, { seed: 3, samples: 100 })));
  });

  it('validates its options', () => {
    expect(() => matchGroups({ g: ['a'] }, partition, { samples: 0 })).toThrow(OptionError);
    expect(() => matchGroups({ g: ['a'] }, partition, { seed: Number.NaN })).toThrow(/`seed`/);
    expect(matchGroups({}, partition).groups).toEqual([]);
  });
});
