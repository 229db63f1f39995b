import fc from 'fast-check';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { snapshotGraph } from '../../src/graph/snapshot.js';
import { PairSet } from '../../src/practice/pair-set.js';
import { DirectedRewirer } from '../../src/practice/rewire.js';
import { internalStrength, Marks, SetIndex } from '../../src/practice/sets.js';
import { StratifiedSampler } from '../../src/practice/strata.js';
import { createRng } from '../../src/random.js';

describe('PairSet', () => {
  it('agrees with a Set of strings under random adds and deletes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), {
          maxLength: 300,
        }),
        (ops) => {
          const set = new PairSet(2);
          const ref = new Set<string>();
          for (const [add, s, d] of ops) {
            const key = `${s},${d}`;
            if (add) expect(set.add(s, d)).toBe(!ref.has(key));
            else expect(set.delete(s, d)).toBe(ref.has(key));
            if (add) ref.add(key);
            else ref.delete(key);
            expect(set.size).toBe(ref.size);
          }
          for (let s = 0; s <= 12; s++) for (let d = 0; d <= 12; d++) expect(set.has(s, d)).toBe(ref.has(`${s},${d}`));
        },
      ),
    );
  });
});

describe('DirectedRewirer', () => {
  it('keeps every out- and in-degree, creates no self-loop or duplicate arc, and does move arcs', () => {
    const rng = createRng(1);
    const n = 30;
    const src: number[] = [];
    const dst: number[] = [];
    const seen = new Set<string>();
    while (src.length < 120) {
      const a = Math.floor(rng() * n);
      const b = Math.floor(rng() * n);
      if (a === b || seen.has(`${a},${b}`)) continue;
      seen.add(`${a},${b}`);
      src.push(a);
      dst.push(b);
    }
    // CSR order: arcs grouped by source
    const order = src.map((_, i) => i).sort((x, y) => (src[x] as number) - (src[y] as number) || x - y);
    const chain = new DirectedRewirer(
      order.map((i) => src[i] as number),
      order.map((i) => dst[i] as number),
      createRng(7),
    );
    expect(() => new DirectedRewirer([1, 0], [0, 1], createRng(1))).toThrow(/CSR order/);
    chain.step(2000);
    const deg = (xs: ArrayLike<number>) => {
      const d = new Array(n).fill(0);
      for (let i = 0; i < xs.length; i++) d[xs[i] as number]++;
      return d;
    };
    expect(deg(chain.src)).toEqual(deg(src));
    expect(deg(chain.dst)).toEqual(deg(dst));
    const after = new Set<string>();
    for (let e = 0; e < chain.m; e++) {
      expect(chain.src[e]).not.toBe(chain.dst[e]);
      after.add(`${chain.src[e]},${chain.dst[e]}`);
      expect(chain.has(chain.src[e] as number, chain.dst[e] as number)).toBe(true);
    }
    expect(after.size).toBe(120);
    expect(chain.accepted).toBeGreaterThan(500);
    const moved = [...after].filter((k) => !seen.has(k)).length;
    expect(moved).toBeGreaterThan(60);
  });

  it('cannot swap a directed 3-cycle (every swap would make a self-loop or a duplicate)', () => {
    const chain = new DirectedRewirer([0, 1, 2], [1, 2, 0], createRng(3));
    expect(chain.has(2, 0) && !chain.has(0, 2) && !chain.has(9, 0)).toBe(true);
    chain.step(100);
    expect(chain.accepted).toBe(0);
  });
});

describe('snapshotGraph', () => {
  it('arcs in CSR order with strengths and degrees; self-loops left out; undirected edges give two arcs', () => {
    const g = new DirectedGraph();
    g.mergeEdge('b', 'a', { weight: 2, count: 3 });
    g.mergeEdge('a', 'b', { weight: 1 });
    g.mergeEdge('a', 'c', { weight: 0.5 });
    g.mergeEdge('c', 'c', { weight: 9 });
    const s = snapshotGraph(g);
    expect(s.keys).toEqual(['b', 'a', 'c']);
    expect([...s.src]).toEqual([0, 1, 1]);
    expect([...s.dst]).toEqual([1, 0, 2]);
    expect([...s.count]).toEqual([3, 1, 1]);
    expect([...s.outStrength]).toEqual([2, 1.5, 0]);
    expect([...s.inStrength]).toEqual([1, 2, 0.5]);
    expect(s.totalWeight).toBe(3.5);
    expect(s.selfLoops).toBe(1);
    expect([...snapshotGraph(g, { getEdgeWeight: null }).weight]).toEqual([1, 1, 1]);
    const u = new UndirectedGraph();
    u.mergeEdge('x', 'y', { weight: 4 });
    expect(snapshotGraph(u).m).toBe(2);
    g.mergeEdge('c', 'a', { weight: -1 });
    expect(() => snapshotGraph(g)).toThrow(/finite number ≥ 0/);
  });
});

describe('SetIndex and internalStrength', () => {
  it('one pass gives every set its internal strength, equal to the per-set CSR sum (overlapping sets)', () => {
    const rng = createRng(5);
    const n = 40;
    const src: number[] = [];
    const dst: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i !== j && rng() < 0.15) {
          src.push(i);
          dst.push(j);
          w.push(1 + Math.floor(rng() * 3));
        }
      }
    }
    const offsets = new Int32Array(n + 1);
    for (const s of src) offsets[s + 1] = (offsets[s + 1] as number) + 1;
    for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
    const sets = [0, 1, 2, 3].map(() =>
      Int32Array.from(new Set(Array.from({ length: 12 }, () => Math.floor(rng() * n)))),
    );
    const index = new SetIndex(n, sets);
    const out = new Float64Array(sets.length);
    index.internalStrengths(Int32Array.from(src), Int32Array.from(dst), Float64Array.from(w), out);
    const marks = new Marks(n);
    sets.forEach((members, k) => {
      const inSet = new Set(members);
      let ref = 0;
      src.forEach((s, e) => {
        if (inSet.has(s) && inSet.has(dst[e] as number)) ref += w[e] as number;
      });
      expect(out[k]).toBe(ref);
      expect(internalStrength(members, offsets, Int32Array.from(dst), Float64Array.from(w), marks)).toBe(ref);
    });
  });
});

describe('StratifiedSampler', () => {
  it('draws sets with the group’s stratum profile, without repeats, reproducibly after reset', () => {
    const activity = Array.from({ length: 100 }, (_, i) => i);
    const sampler = new StratifiedSampler(activity, 10);
    expect(sampler.stratum[0]).toBe(0);
    expect(sampler.stratum[99]).toBe(9);
    const group = [95, 96, 50, 3];
    const profile = sampler.profile(group);
    const out = new Int32Array(4);
    const rng = createRng(2);
    for (let r = 0; r < 50; r++) {
      sampler.draw(profile, rng, out);
      expect(new Set(out).size).toBe(4);
      expect([...out].map((x) => sampler.stratum[x]).sort()).toEqual([0, 5, 9, 9]);
    }
    sampler.reset();
    const a = new Int32Array(4);
    sampler.draw(profile, createRng(9), a);
    sampler.reset();
    const b = new Int32Array(4);
    sampler.draw(profile, createRng(9), b);
    expect([...a]).toEqual([...b]);
  });
});
