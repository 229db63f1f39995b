import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelNmi } from '../../src/communities/compare.js';
import { comparePartitions, GraphError } from '../../src/index.js';

const asRecord = (labels: readonly (number | string)[]) => Object.fromEntries(labels.map((l, i) => [`p${i}`, l]));

describe('comparePartitions', () => {
  it('scores hand-computed cases', () => {
    // identical up to relabelling: everything perfect, VI 0
    const same = comparePartitions(asRecord([0, 0, 1, 1]), asRecord(['x', 'x', 'y', 'y']));
    expect(same).toMatchObject({ nmi: 1, ari: 1, people: 4, countA: 2, countB: 2, onlyInA: 0, onlyInB: 0 });
    expect(same.ami).toBeCloseTo(1, 12);
    expect(same.vi).toBeCloseTo(0, 12);
    // A = {ab}{cd}, B = {ac}{bd}: independent. MI = 0, H = ln 2 each, VI = 2 ln 2.
    // ARI: Σ C(n_ij,2) = 0, Σ C(a_i,2) = Σ C(b_j,2) = 2, E = 2·2/6 = 2/3, max = 2 → (0 − 2/3)/(2 − 2/3) = −0.5
    const indep = comparePartitions(asRecord([0, 0, 1, 1]), asRecord([0, 1, 0, 1]));
    expect(indep.mutualInformation).toBeCloseTo(0, 12);
    expect(indep.nmi).toBeCloseTo(0, 12);
    expect(indep.vi).toBeCloseTo(2 * Math.LN2, 12);
    expect(indep.ari).toBeCloseTo(-0.5, 12);
    // one community vs two halves: MI 0, NMI 0, ARI 0
    const coarse = comparePartitions(asRecord([0, 0, 0, 0]), asRecord([0, 0, 1, 1]));
    expect(coarse.nmi).toBe(0);
    expect(coarse.ari).toBe(0);
    expect(coarse.vi).toBeCloseTo(Math.LN2, 12);
  });

  // Reference values from scikit-learn 1.2.1 and python-igraph 0.10.2 (Debian python3-sklearn,
  // python3-igraph) with /usr/bin/python3:
  //   from sklearn.metrics import normalized_mutual_info_score as nmi, adjusted_mutual_info_score as ami,
  //        adjusted_rand_score as ari, mutual_info_score as mi
  //   import igraph as ig; ig.compare_communities(A, B, method='vi')
  it.each([
    {
      a: [0, 0, 0, 1, 1, 1, 2, 2, 2, 2],
      b: [0, 0, 1, 1, 1, 2, 2, 2, 0, 0],
      nmi: 0.39464837163589433,
      ami: 0.1715242354007287,
      ari: 0.09090909090909091,
      mi: 0.42973260214435804,
      vi: 1.3183347464017314,
    },
    {
      a: [1, 1, 0, 0, 2, 2, 2, 3, 3, 3, 3, 0],
      b: [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3],
      nmi: 0.525796007012684,
      ami: 0.23229786459882965,
      ari: 0.16143497757847533,
      mi: undefined,
      vi: 1.3013448427221923,
    },
  ])('matches scikit-learn and igraph on fixed inputs', ({ a, b, nmi, ami, ari, mi, vi }) => {
    const r = comparePartitions(asRecord(a), asRecord(b));
    expect(r.nmi).toBeCloseTo(nmi, 12);
    expect(r.ami).toBeCloseTo(ami, 12);
    expect(r.ari).toBeCloseTo(ari, 12);
    expect(r.vi).toBeCloseTo(vi, 12);
    if (mi !== undefined) expect(r.mutualInformation).toBeCloseTo(mi, 12);
  });

  it('follows scikit-learn on degenerate partitions', () => {
    // sklearn: nmi 0.46275642631951835, ami ≈ 1e-15, ari 0.0 for singletons vs two halves
    const r = comparePartitions(asRecord([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), asRecord([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]));
    expect(r.nmi).toBeCloseTo(0.46275642631951835, 12);
    expect(r.ami).toBeCloseTo(0, 12);
    expect(r.ari).toBeCloseTo(0, 12);
    // identical trivial partitions and the empty comparison score 1 (nothing disagrees)
    expect(comparePartitions(asRecord([0, 0, 0]), asRecord([5, 5, 5]))).toMatchObject({ nmi: 1, ami: 1, ari: 1 });
    expect(comparePartitions(asRecord([0, 1, 2]), asRecord([2, 1, 0]))).toMatchObject({ nmi: 1, ami: 1, ari: 1 });
    expect(comparePartitions({}, {})).toMatchObject({ people: 0, nmi: 1, ami: 1, ari: 1, vi: 0 });
  });

  it('compares the people both partitions know and counts the others', () => {
    const r = comparePartitions(
      { a: 0, b: 0, c: 1, x: 1 },
      new Map<string, number | string>([
        ['a', 'u'],
        ['b', 'u'],
        ['c', 'v'],
        ['y', 'v'],
        ['z', 'w'],
      ]),
    );
    expect(r).toMatchObject({ people: 3, onlyInA: 1, onlyInB: 2, nmi: 1 });
    expect(comparePartitions({ assignment: { a: 0, b: 1 } }, { a: 'x', b: 'y' }).nmi).toBe(1);
    expect(() => comparePartitions({ a: Number.NaN }, { a: 1 })).toThrow(GraphError);
  });

  it('is symmetric, label-invariant and bounded (property)', () => {
    const labels = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 40 });
    fc.assert(
      fc.property(labels, fc.infiniteStream(fc.integer({ min: 0, max: 5 })), (a, stream) => {
        const b = a.map(() => stream.next().value as number);
        const ab = comparePartitions(asRecord(a), asRecord(b));
        const ba = comparePartitions(asRecord(b), asRecord(a));
        expect(ab.nmi).toBeCloseTo(ba.nmi, 12);
        expect(ab.ami).toBeCloseTo(ba.ami, 12);
        expect(ab.ari).toBeCloseTo(ba.ari, 12);
        expect(ab.vi).toBeCloseTo(ba.vi, 12);
        expect(ab.nmi).toBeGreaterThanOrEqual(0);
        expect(ab.nmi).toBeLessThanOrEqual(1 + 1e-12);
        expect(ab.ari).toBeLessThanOrEqual(1 + 1e-12);
        expect(ab.vi).toBeGreaterThanOrEqual(0);
        expect(ab.vi).toBeLessThanOrEqual(Math.log(a.length) + 1e-12);
        // relabelling A (x → 7 − x, as strings) changes nothing
        const relabelled = comparePartitions(asRecord(a.map((x) => `c${7 - x}`)), asRecord(b));
        expect(relabelled.nmi).toBeCloseTo(ab.nmi, 12);
        expect(relabelled.ari).toBeCloseTo(ab.ari, 12);
        expect(labelNmi(Int32Array.from(a), Int32Array.from(b))).toBeCloseTo(ab.nmi, 12);
        // a partition against itself
        const self = comparePartitions(asRecord(a), asRecord(a));
        expect(self.nmi).toBeCloseTo(1, 12);
        expect(self.ari).toBeCloseTo(1, 12);
        expect(self.vi).toBeCloseTo(0, 12);
      }),
      { numRuns: 200 },
    );
  });
});
