import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  holm,
  meanSd,
  pLower,
  pTwoSided,
  pUpper,
  signedPercentile,
} from '../../src/practice/stats.js';

describe('Monte Carlo p-values', () => {
  it('(1 + #{null ≥ obs}) / (1 + R), never 0, ties count for the null', () => {
    // hand computation: R = 4, nulls 1, 2, 3, 3; obs 3 → #{≥ 3} = 2 → 3/5
    expect(pUpper(3, [1, 2, 3, 3])).toBeCloseTo(3 / 5, 12);
    expect(pUpper(10, [1, 2, 3, 3])).toBeCloseTo(1 / 5, 12);
    expect(pLower(1, [1, 2, 3, 3])).toBeCloseTo(2 / 5, 12);
    expect(pTwoSided(10, [1, 2, 3, 3])).toBeCloseTo(2 / 5, 12);
    expect(pTwoSided(2, [1, 2, 3, 3])).toBe(1);
  });

  it('lie in (0, 1] for any observed value and null sample (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.array(fc.double({ noNaN: true }), { maxLength: 50 }), (o, xs) => {
        for (const p of [pUpper(o, xs), pLower(o, xs), pTwoSided(o, xs)]) {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('signed percentile: +1 above every null value, −1 below, 0 in the middle', () => {
    expect(signedPercentile(5, [1, 2, 3])).toBe(1);
    expect(signedPercentile(0, [1, 2, 3])).toBe(-1);
    expect(signedPercentile(2, [1, 2, 3])).toBe(0);
  });

  it('mean and sample standard deviation of the finite values', () => {
    expect(meanSd([1, 2, 3, Number.NaN])).toEqual({ mean: 2, sd: 1, n: 3 });
    expect(meanSd([]).n).toBe(0);
  });
});

describe('multiple testing', () => {
  it('Benjamini–Hochberg: hand-computed example (m = 5)', () => {
    // sorted p 0.01, 0.02, 0.03, 0.04, 0.5 → (m/i)·p = 0.05, 0.05, 0.05, 0.05, 0.5; step-up min keeps them
    const q = benjaminiHochberg([0.03, 0.5, 0.01, 0.04, 0.02]);
    expect(q.map((x) => Number(x.toFixed(6)))).toEqual([0.05, 0.5, 0.05, 0.05, 0.05]);
    expect(benjaminiHochberg([0.2, Number.NaN])).toEqual([0.2, Number.NaN]);
  });

  it('Holm: hand-computed example (m = 3)', () => {
    // sorted 0.01, 0.02, 0.04 → 3·0.01 = 0.03, 2·0.02 = 0.04, 1·0.04 = 0.04 (monotone)
    expect(holm([0.04, 0.01, 0.02]).map((x) => Number(x.toFixed(6)))).toEqual([0.04, 0.03, 0.04]);
    expect(holm([0.5, 0.6]).map((x) => Number(x.toFixed(6)))).toEqual([1, 1]);
  });

  it('adjusted values are ≥ the raw ones and ≤ 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), (ps) => {
        const q = benjaminiHochberg(ps);
        const h = holm(ps);
        ps.forEach((p, i) => {
          expect(q[i]).toBeGreaterThanOrEqual(p - 1e-15);
          expect(h[i]).toBeGreaterThanOrEqual((q[i] as number) - 1e-12);
          expect(h[i]).toBeLessThanOrEqual(1);
        });
      }),
    );
  });
});
