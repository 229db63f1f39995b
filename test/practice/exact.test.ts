import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  discreteMeanSd,
  discretePTwoSided,
  discreteSignedPercentile,
  evenMixNull,
  hypergeometricNull,
} from '../../src/practice/exact.js';
import { bothShare } from '../../src/practice/help.js';
import { pTwoSided } from '../../src/practice/stats.js';
import { createRng, shuffleInPlace } from '../../src/random.js';

describe('exact null laws', () => {
  it('hypergeometric, hand computation: N = 5 members, K = 2 give, A = 2 ask', () => {
    // P(X = 0) = C(2,0)·C(3,2)/C(5,2) = 3/10; P(1) = C(2,1)·C(3,1)/10 = 6/10; P(2) = 1/10
    const law = hypergeometricNull(5, 2, 2);
    expect([...law.values]).toEqual([0, 0.2, 0.4]);
    expect(law.probs[0]).toBeCloseTo(0.3, 12);
    expect(law.probs[1]).toBeCloseTo(0.6, 12);
    expect(law.probs[2]).toBeCloseTo(0.1, 12);
    // mean A·K/N² = 0.16 as a share
    expect(discreteMeanSd(law).mean).toBeCloseTo(0.16, 12);
    // two-sided p of X = 2: 2 · P(X ≥ 2) = 0.2; of X = 1: 2 · min(0.7, 0.9) capped at 1
    expect(discretePTwoSided(0.4, law)).toBeCloseTo(0.2, 12);
    expect(discretePTwoSided(0.2, law)).toBe(1);
    expect(discreteSignedPercentile(0.4, law)).toBeCloseTo(0.9, 12);
  });

  it('everyone gives: a point mass at A / N, and any other value is impossible; p is never 0', () => {
    const law = hypergeometricNull(10, 10, 6);
    expect([...law.values]).toEqual([0.6]);
    expect(discreteMeanSd(law).sd).toBe(0);
    expect(discretePTwoSided(0.6, law)).toBe(1);
    // impossible under the null: the smallest positive p (p-values are never 0)
    expect(discretePTwoSided(0.5, law)).toBe(Number.MIN_VALUE);
    // a tail that underflows (4,000 threads, every one sharing) stays positive too
    expect(discretePTwoSided(1, evenMixNull(4000))).toBeGreaterThan(0);
  });

  it('even mix, hand computation: Binomial(4, ½)', () => {
    const law = evenMixNull(4);
    expect([...law.probs].map((p) => p * 16)).toEqual([1, 4, 6, 4, 1].map((x) => expect.closeTo(x, 10)));
    expect(discretePTwoSided(1, law)).toBeCloseTo(2 / 16, 12);
  });

  it('the hypergeometric law is the law of the answer permutation (Monte Carlo, 2,000 shuffles per case)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.nat(2)), { minLength: 2, maxLength: 25 }), (people) => {
        const asks = people.map((p) => p[0]);
        const gives = people.map((p) => p[1]);
        const law = hypergeometricNull(
          asks.length,
          gives.filter((g) => g > 0).length,
          asks.filter((a) => a > 0).length,
        );
        const { mean, sd } = discreteMeanSd(law);
        const rng = createRng(asks.length);
        const perm = Int32Array.from(gives);
        const draws = Array.from({ length: 2000 }, () => {
          shuffleInPlace(perm, rng);
          return bothShare(asks, perm);
        });
        const mc = draws.reduce((s, x) => s + x, 0) / draws.length;
        expect(Math.abs(mc - mean)).toBeLessThanOrEqual(5 * (sd / Math.sqrt(draws.length)) + 1e-12);
        const obs = bothShare(asks, gives);
        expect(Math.abs(pTwoSided(obs, draws) - discretePTwoSided(obs, law))).toBeLessThan(0.1);
      }),
      { numRuns: 10 },
    );
  });
});
