import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, DEFAULT_SEED, deriveSeed, randomInt, shuffleInPlace } from '../src/random.js';
import { repoPath } from './data-path.js';

describe('createRng', () => {
  it('createRng(seed) gives the same stream for the same seed (values pinned: also checked under Deno)', () => {
    const a = createRng(42);
    // pinned output of SFC32 seeded through SplitMix32 from FNV-1a("42"); the Deno smoke test checks the first
    expect([a(), a(), a()]).toEqual([0.38155077095143497, 0.16792359482496977, 0.2963389246724546]);
    expect(createRng('team-a')()).toBe(0.8947907420806587);
  });

  it('createRng() uses DEFAULT_SEED', () => {
    expect(createRng()()).toBe(createRng(DEFAULT_SEED)());
  });

  it('createRng(seed) gives different streams for neighbouring seeds', () => {
    const a = createRng(1);
    const b = createRng(2);
    const xs = Array.from({ length: 8 }, () => a());
    const ys = Array.from({ length: 8 }, () => b());
    expect(xs).not.toEqual(ys);
  });

  it('createRng(seed) is uniform on [0, 1): chi-square over 10 bins at 100k draws', () => {
    const rng = createRng(7);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = rng();
      expect(x >= 0 && x < 1).toBe(true);
      bins[Math.floor(x * 10)]++;
    }
    const chi2 = bins.reduce((s, o) => s + (o - 10_000) ** 2 / 10_000, 0);
    // 99.9th percentile of chi-square with 9 degrees of freedom is 27.88
    expect(chi2).toBeLessThan(27.88);
  });

  it('randomInt and shuffleInPlace draw from the given rng', () => {
    const rng = createRng(3);
    for (let i = 0; i < 1000; i++) {
      const k = randomInt(rng, 5);
      expect(Number.isInteger(k) && k >= 0 && k < 5).toBe(true);
    }
    const xs = shuffleInPlace([1, 2, 3, 4, 5, 6, 7, 8], createRng(9));
    expect([...xs].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(shuffleInPlace([1, 2, 3, 4, 5, 6, 7, 8], createRng(9))).toEqual(xs);
  });

  it('deriveSeed gives distinct child seeds per label', () => {
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
  });
});

describe('no Math.random in src/', () => {
  it('every source file draws randomness from src/random.ts only', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /Math\.random\s*\(/.test(readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk(repoPath('src'));
    expect(offenders).toEqual([]);
  });
});
