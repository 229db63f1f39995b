import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairSet } from '../../src/practice/pair-set.js';
import { UndirectedRewirer } from '../../src/practice/rewire.js';
import {
  BIT_ADJACENCY_MAX_NODES,
  BitAdjacency,
  corePeriphery,
  transitivity,
  undirectedMeasures,
  undirectedPairs,
} from '../../src/practice/structure-measures.js';
import { createRng } from '../../src/random.js';

// The bit-row measures must give exactly (not approximately) what the neighbour-list measures give, on every
// graph and on every state of a rewiring chain, since the practice test's null distributions are made of them.
const graphArb = fc
  .integer({ min: 1, max: 70 })
  .chain((k) =>
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: k - 1 }), fc.integer({ min: 0, max: k - 1 })), { maxLength: 300 })
      .map((arcs) => ({ k, arcs })),
  );

function same(a: number, b: number): boolean {
  return Object.is(a, b);
}

describe('BitAdjacency', () => {
  it('gives exactly what transitivity and corePeriphery give (property, edges in either orientation)', () => {
    fc.assert(
      fc.property(graphArb, fc.boolean(), ({ k, arcs }, flip) => {
        const p = undirectedPairs(
          arcs.map((a) => a[0]),
          arcs.map((a) => a[1]),
        );
        const [u, v] = flip ? [p.v, p.u] : [p.u, p.v];
        const bits = new BitAdjacency(k);
        bits.load(u, v);
        expect(same(bits.transitivity(), transitivity(k, u, v))).toBe(true);
        const a = bits.corePeriphery();
        const b = corePeriphery(k, u, v);
        expect(same(a.fit, b.fit)).toBe(true);
        expect(a.coreSize).toBe(b.coreSize);
        expect(a.core).toEqual(b.core);
      }),
      { numRuns: 300 },
    );
  });

  it('reloads cleanly along a rewiring chain whose arrays change in place', () => {
    const k = 40;
    const rng = createRng(5);
    const arcs = Array.from({ length: 200 }, () => [Math.floor(rng() * k), Math.floor(rng() * k)] as const);
    const p = undirectedPairs(
      arcs.map((a) => a[0]),
      arcs.map((a) => a[1]),
    );
    const chain = new UndirectedRewirer(p.u, p.v, createRng(9));
    const measures = undirectedMeasures(k);
    for (let r = 0; r < 50; r++) {
      chain.step(p.u.length);
      measures.load(chain.u, chain.v);
      expect(same(measures.transitivity(), transitivity(k, chain.u, chain.v))).toBe(true);
      expect(same(measures.corePeriphery().fit, corePeriphery(k, chain.u, chain.v).fit)).toBe(true);
    }
  });

  it('falls back to the neighbour lists above BIT_ADJACENCY_MAX_NODES with the same results', () => {
    const k = BIT_ADJACENCY_MAX_NODES + 5;
    const rng = createRng(2);
    const p = undirectedPairs(
      Array.from({ length: 3000 }, () => Math.floor(rng() * k)),
      Array.from({ length: 3000 }, () => Math.floor(rng() * k)),
    );
    const measures = undirectedMeasures(k);
    expect(measures).not.toBeInstanceOf(BitAdjacency);
    measures.load(p.u, p.v);
    expect(same(measures.transitivity(), transitivity(k, p.u, p.v))).toBe(true);
    expect(same(measures.corePeriphery().fit, corePeriphery(k, p.u, p.v).fit)).toBe(true);
  });
});

/** The rewiring chain as it was written first (a hash set of edges), to check the bit-matrix chain against. */
class HashSetChain {
  readonly u: Int32Array;
  readonly v: Int32Array;
  private readonly edges = new PairSet();
  constructor(
    u: Int32Array,
    v: Int32Array,
    private readonly rng: () => number,
  ) {
    this.u = Int32Array.from(u);
    this.v = Int32Array.from(v);
    for (let e = 0; e < u.length; e++) this.key(this.u[e] as number, this.v[e] as number, 'add');
  }
  private key(a: number, b: number, op: 'add' | 'delete' | 'has'): boolean {
    return a < b ? this.edges[op](a, b) : this.edges[op](b, a);
  }
  step(k: number): void {
    const m = this.u.length;
    for (let t = 0; t < k; t++) {
      const e1 = Math.floor(this.rng() * m);
      const e2 = Math.floor(this.rng() * m);
      if (e1 === e2) continue;
      const a = this.u[e1] as number;
      const b = this.v[e1] as number;
      let c = this.u[e2] as number;
      let d = this.v[e2] as number;
      if (this.rng() < 0.5) [c, d] = [d, c];
      if (a === d || c === b || a === c || b === d) continue;
      if (this.key(a, d, 'has') || this.key(c, b, 'has')) continue;
      this.key(a, b, 'delete');
      this.key(c, d, 'delete');
      this.key(a, d, 'add');
      this.key(c, b, 'add');
      this.u[e1] = a;
      this.v[e1] = d;
      this.u[e2] = c;
      this.v[e2] = b;
    }
  }
}

describe('UndirectedRewirer with a bit matrix', () => {
  it('takes exactly the swaps of the hash-set chain for the same seed (property)', () => {
    fc.assert(
      fc.property(graphArb, fc.integer({ min: 0, max: 1000 }), ({ arcs }, seed) => {
        const p = undirectedPairs(
          arcs.map((a) => a[0]),
          arcs.map((a) => a[1]),
        );
        const chain = new UndirectedRewirer(p.u, p.v, createRng(seed));
        const reference = new HashSetChain(p.u, p.v, createRng(seed));
        chain.step(5 * p.u.length);
        reference.step(5 * p.u.length);
        expect([...chain.u]).toEqual([...reference.u]);
        expect([...chain.v]).toEqual([...reference.v]);
      }),
      { numRuns: 200 },
    );
  });
});
