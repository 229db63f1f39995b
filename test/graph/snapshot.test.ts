import fc from 'fast-check';
import Graph, { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { type GraphSnapshot, snapshotGraph, transposeSnapshot } from '../../src/graph/snapshot.js';

/**
 * The slow, obvious reference: every edge read once through graphology (both ways when undirected or
 * symmetric), self-loops and non-connections dropped, parallels merged with a Map, rows sorted by head.
 */
function reference(
  graph: Graph,
  options: { attr: string | null; kind: 'strength' | 'distance'; symmetric: boolean },
): { rows: [number, number, number, number][]; skipped: number; selfLoops: number } {
  const keys = graph.nodes();
  const idx = new Map(keys.map((k, i) => [k, i]));
  const merged = new Map<string, [number, number, number, number]>();
  let skipped = 0;
  let selfLoops = 0;
  graph.forEachEdge((_e, a, s, t, _sa, _ta, undirected) => {
    if (s === t) {
      selfLoops++;
      return;
    }
    const w = options.attr === null ? 1 : (a[options.attr] as number);
    const c = typeof a.count === 'number' && a.count > 0 ? a.count : 1;
    const arcs: [number, number][] = [[idx.get(s) as number, idx.get(t) as number]];
    if (undirected || options.symmetric) arcs.push([idx.get(t) as number, idx.get(s) as number]);
    for (const [u, v] of arcs) {
      if (w === (options.kind === 'distance' ? Number.POSITIVE_INFINITY : 0)) {
        skipped++;
        continue;
      }
      const key = `${u},${v}`;
      const old = merged.get(key);
      if (!old) merged.set(key, [u, v, w, c]);
      else {
        old[2] = options.kind === 'distance' ? Math.min(old[2], w) : old[2] + w;
        old[3] += c;
      }
    }
  });
  const rows = [...merged.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { rows, skipped, selfLoops };
}

function arcsOf(s: GraphSnapshot): [number, number, number, number][] {
  return Array.from(s.dst, (v, e) => [s.src[e] as number, v, s.weight[e] as number, s.count[e] as number]);
}

describe('snapshotGraph (shared CSR snapshot)', () => {
  it('hand example: rows sorted by head, parallels merged, strengths and degrees', () => {
    // multi directed graph: a→c (2), a→b (1), a→b (3, count 4), b→a (5), c→c (self-loop), c→a (0: no tie)
    const g = new Graph({ type: 'directed', multi: true });
    for (const k of ['a', 'b', 'c']) g.addNode(k);
    g.addEdge('a', 'c', { weight: 2 });
    g.addEdge('a', 'b', { weight: 1 });
    g.addEdge('a', 'b', { weight: 3, count: 4 });
    g.addEdge('b', 'a', { weight: 5 });
    g.addEdge('c', 'c', { weight: 7 });
    g.addEdge('c', 'a', { weight: 0 });
    const s = snapshotGraph(g);
    expect(s.directed).toBe(true);
    expect([...s.offsets]).toEqual([0, 2, 3, 3]);
    expect([...s.src]).toEqual([0, 0, 1]);
    expect([...s.dst]).toEqual([1, 2, 0]);
    expect([...s.weight]).toEqual([4, 2, 5]);
    expect([...s.count]).toEqual([5, 1, 1]);
    expect([...s.outStrength]).toEqual([6, 5, 0]);
    expect([...s.inStrength]).toEqual([5, 4, 2]);
    expect([...s.outDegree]).toEqual([2, 1, 0]);
    expect([...s.inDegree]).toEqual([1, 1, 1]);
    expect(s.totalWeight).toBe(11);
    expect(s.selfLoops).toBe(1);
    expect(s.skipped).toBe(1);
    // distances: parallels keep the shortest; symmetric reading stores every edge both ways
    const d = snapshotGraph(g, {
      getEdgeWeight: (_e, a) => (a.weight === 0 ? Number.POSITIVE_INFINITY : 1 / a.weight),
      valueKind: 'distance',
      symmetric: true,
    });
    expect(d.directed).toBe(false);
    expect(arcsOf(d).map(([u, v, w]) => [u, v, w])).toEqual([
      [0, 1, 0.2],
      [0, 2, 0.5],
      [1, 0, 0.2],
      [2, 0, 0.5],
    ]);
  });

  it('rejects missing, negative or (for distances) zero values', () => {
    const g = new UndirectedGraph();
    g.mergeEdge('a', 'b', { weight: 1 });
    expect(() => snapshotGraph(g, { getEdgeWeight: 'distance', valueKind: 'distance' })).toThrow(/no valid distance/);
    g.setEdgeAttribute('a', 'b', 'distance', 0);
    expect(() => snapshotGraph(g, { getEdgeWeight: 'distance', valueKind: 'distance' })).toThrow(/> 0/);
    g.setEdgeAttribute('a', 'b', 'weight', -1);
    expect(() => snapshotGraph(g)).toThrow(/finite number ≥ 0/);
  });

  it('equals the reference on random mixed multigraphs, with long rows (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(
          fc.record({
            s: fc.nat(29),
            t: fc.nat(29),
            w: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 })),
            c: fc.integer({ min: 0, max: 3 }),
            undirected: fc.boolean(),
          }),
          { maxLength: 120 },
        ),
        fc.boolean(),
        fc.constantFrom('strength', 'distance'),
        (n, edges, symmetric, kind) => {
          const g = new Graph({ type: 'mixed', multi: true });
          for (let i = n - 1; i >= 0; i--) g.addNode(`n${i}`);
          for (const e of edges) {
            const a = `n${e.s % n}`;
            const b = `n${e.t % n}`;
            const w = kind === 'distance' ? (e.w === 0 ? Number.POSITIVE_INFINITY : e.w) : e.w;
            const attrs = { weight: w, count: e.c };
            if (e.undirected) g.addUndirectedEdge(a, b, attrs);
            else g.addDirectedEdge(a, b, attrs);
          }
          const s = snapshotGraph(g, { valueKind: kind as 'strength' | 'distance', symmetric });
          const ref = reference(g, { attr: 'weight', kind: kind as 'strength' | 'distance', symmetric });
          expect(arcsOf(s)).toEqual(ref.rows);
          expect(s.skipped).toBe(ref.skipped);
          expect(s.selfLoops).toBe(ref.selfLoops);
          // the transpose holds the same arcs reversed, rows sorted by tail
          const t = transposeSnapshot(s);
          const reversed = ref.rows
            .map(([u, v, w, c]): [number, number, number, number] => [v, u, w, c])
            .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
          expect(arcsOf(t)).toEqual(reversed);
          expect([...t.outStrength]).toEqual([...s.inStrength]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
