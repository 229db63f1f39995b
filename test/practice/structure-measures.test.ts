import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arcReciprocity, corePeriphery, transitivity, undirectedPairs } from '../../src/practice/structure-measures.js';

/** Slow, obvious transitivity: count closed and connected triples over all node triples. */
function slowTransitivity(k: number, pairs: [number, number][]): number {
  const adj = Array.from({ length: k }, () => new Set<number>());
  for (const [a, b] of pairs) {
    adj[a]?.add(b);
    adj[b]?.add(a);
  }
  let closed = 0;
  let triples = 0;
  for (let c = 0; c < k; c++) {
    const nb = [...(adj[c] as Set<number>)];
    for (let i = 0; i < nb.length; i++)
      for (let j = i + 1; j < nb.length; j++) {
        triples++;
        if (adj[nb[i] as number]?.has(nb[j] as number)) closed++;
      }
  }
  return triples === 0 ? Number.NaN : closed / triples;
}

/** Slow core–periphery: every top-c core by degree, correlation computed over all pairs explicitly. */
function slowCorePeriphery(k: number, pairs: [number, number][]): { fit: number; coreSize: number } {
  const adj = Array.from({ length: k }, () => new Set<number>());
  for (const [a, b] of pairs) {
    adj[a]?.add(b);
    adj[b]?.add(a);
  }
  const order = Array.from({ length: k }, (_, i) => i).sort(
    (a, b) => (adj[b] as Set<number>).size - (adj[a] as Set<number>).size || a - b,
  );
  let best = { fit: Number.NEGATIVE_INFINITY, coreSize: 0 };
  for (let c = 1; c < k; c++) {
    const core = new Set(order.slice(0, c));
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < k; i++)
      for (let j = i + 1; j < k; j++) {
        x.push(adj[i]?.has(j) ? 1 : 0);
        y.push(core.has(i) || core.has(j) ? 1 : 0);
      }
    const mx = x.reduce((s, v) => s + v, 0) / x.length;
    const my = y.reduce((s, v) => s + v, 0) / y.length;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    x.forEach((v, i) => {
      sxy += (v - mx) * ((y[i] as number) - my);
      sxx += (v - mx) ** 2;
      syy += ((y[i] as number) - my) ** 2;
    });
    if (sxx === 0 || syy === 0) continue;
    const r = sxy / Math.sqrt(sxx * syy);
    if (r > best.fit + 1e-12) best = { fit: r, coreSize: c };
  }
  return best;
}

const graphArb = fc
  .integer({ min: 3, max: 12 })
  .chain((k) =>
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: k - 1 }), fc.integer({ min: 0, max: k - 1 })), { maxLength: 40 })
      .map((arcs) => ({ k, arcs })),
  );

describe('structure measures', () => {
  it('undirected projection keeps each unordered pair once and drops self-pairs', () => {
    const { u, v } = undirectedPairs([0, 1, 2, 2, 3], [1, 0, 2, 0, 1]);
    expect([...u]).toEqual([0, 0, 1]);
    expect([...v]).toEqual([1, 2, 3]);
  });

  it('reciprocity: share of arcs whose reverse exists (hand: 0→1, 1→0, 1→2 → 2/3)', () => {
    const arcs = new Set(['0,1', '1,0', '1,2']);
    expect(arcReciprocity([0, 1, 1], [1, 0, 2], (s, d) => arcs.has(`${s},${d}`))).toBeCloseTo(2 / 3, 12);
    expect(arcReciprocity([], [], () => false)).toBeNaN();
  });

  it('transitivity: a triangle with a pendant (hand: 3·1 / 5 = 0.6) and the slow reference (property)', () => {
    const { u, v } = undirectedPairs([0, 1, 2, 2], [1, 2, 0, 3]);
    expect(transitivity(4, u, v)).toBeCloseTo(0.6, 12);
    fc.assert(
      fc.property(graphArb, ({ k, arcs }) => {
        const { u, v } = undirectedPairs(
          arcs.map((a) => a[0]),
          arcs.map((a) => a[1]),
        );
        const pairs = [...u].map((a, i) => [a, v[i]] as [number, number]);
        const fast = transitivity(k, u, v);
        const slow = slowTransitivity(k, pairs);
        if (Number.isNaN(slow)) expect(fast).toBeNaN();
        else expect(fast).toBeCloseTo(slow, 12);
      }),
    );
  });

  it('core–periphery: a star fits perfectly with a core of one; the slow reference agrees (property)', () => {
    const { u, v } = undirectedPairs([0, 0, 0, 0], [1, 2, 3, 4]);
    expect(corePeriphery(5, u, v)).toMatchObject({ fit: 1, coreSize: 1, core: [0] });
    // two hubs joined to each other and to all of 4 leaves: core {0, 1} is the ideal pattern exactly
    const two = undirectedPairs([0, 0, 0, 0, 0, 1, 1, 1, 1], [1, 2, 3, 4, 5, 2, 3, 4, 5]);
    expect(corePeriphery(6, two.u, two.v)).toMatchObject({ fit: 1, coreSize: 2 });
    fc.assert(
      fc.property(graphArb, ({ k, arcs }) => {
        const { u, v } = undirectedPairs(
          arcs.map((a) => a[0]),
          arcs.map((a) => a[1]),
        );
        const fast = corePeriphery(k, u, v);
        const slow = slowCorePeriphery(
          k,
          [...u].map((a, i) => [a, v[i]] as [number, number]),
        );
        if (Number.isNaN(fast.fit))
          expect(slow.coreSize === 0 || u.length === 0 || u.length === (k * (k - 1)) / 2).toBe(true);
        else {
          expect(fast.fit).toBeCloseTo(slow.fit, 10);
          expect(fast.coreSize).toBe(slow.coreSize);
        }
      }),
    );
  });
});

describe('transitivity with edges in either orientation', () => {
  it('gives the same value when edge endpoints are swapped (rewired states are not sorted)', () => {
    const { u, v } = undirectedPairs([0, 1, 2, 2, 3, 1], [1, 2, 0, 3, 1, 3]);
    expect(transitivity(4, v, u)).toBeCloseTo(transitivity(4, u, v), 12);
  });
});
