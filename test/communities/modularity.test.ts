import fc from 'fast-check';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import metricsModularity from 'graphology-metrics/graph/modularity.js';
import { describe, expect, it } from 'vitest';
import { detectCommunities } from '../../src/communities/detect.js';
import { compactModularity, pairsModularityGraph } from '../../src/communities/modularity-graph.js';
import { aggregate } from '../../src/communities/optimize.js';
import { GraphError, modularity, modularityGraph, toUndirected } from '../../src/index.js';
import { createRng } from '../../src/random.js';
import { denseModularity, karate, randomGraph } from './graphs.js';

describe('modularityGraph', () => {
  it('sums reciprocal strengths exactly as toUndirected does', () => {
    const g = new DirectedGraph();
    g.mergeEdge('a', 'b', { weight: 2 });
    g.mergeEdge('b', 'a', { weight: 3 });
    g.mergeEdge('b', 'c', { weight: 1.5 });
    g.mergeEdge('c', 'c', { weight: 4 });
    g.addNode('lonely');
    const view = modularityGraph(g);
    const u = toUndirected(g);
    const index = new Map(view.keys.map((k, i) => [k, i]));
    u.forEachEdge((_e, attrs, s, t) => {
      const i = index.get(s) as number;
      const j = index.get(t) as number;
      if (i === j) expect(view.selfLoop[i]).toBe(2 * attrs.weight);
      else {
        const at = view.targets.subarray(view.offsets[i], view.offsets[i + 1]).indexOf(j);
        expect(view.weights[(view.offsets[i] as number) + at]).toBe(attrs.weight);
      }
    });
    expect(view.keys).toEqual(['a', 'b', 'c', 'lonely']);
    expect(view.total).toBe(2 * (2 + 3 + 1.5 + 4));
    expect(Array.from(view.kOut)).toEqual([5, 6.5, 9.5, 0]);
  });

  it('counts each connected pair once when unweighted (NetworkX to_undirected of an unweighted graph)', () => {
    const g = new DirectedGraph();
    g.mergeEdge('a', 'b', { weight: 7 });
    g.mergeEdge('b', 'a', { weight: 7 });
    g.mergeEdge('b', 'c');
    const view = modularityGraph(g, { getEdgeWeight: null });
    expect(view.total).toBe(4);
    expect(Array.from(view.weights)).toEqual([1, 1, 1, 1]);
  });

  it('pairsModularityGraph gives the view of the same undirected graph without building it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const rng = createRng(seed);
        const keys = Array.from({ length: 12 }, (_, i) => `n${i}`);
        const g = new UndirectedGraph();
        for (const k of keys) g.addNode(k);
        const u: number[] = [];
        const v: number[] = [];
        const w: number[] = [];
        for (let a = 0; a < 12; a++) {
          for (let b = a + 1; b < 12; b++) {
            if (rng() > 0.3) continue;
            const x = 1 + Math.floor(rng() * 5);
            // pairs in either orientation
            const flip = rng() < 0.5;
            u.push(flip ? b : a);
            v.push(flip ? a : b);
            w.push(x);
            g.addEdge(keys[a] as string, keys[b] as string, { weight: x });
          }
        }
        const view = pairsModularityGraph(keys, Int32Array.from(u), Int32Array.from(v), Float64Array.from(w));
        const ref = modularityGraph(g);
        expect(view.total).toBe(ref.total);
        expect(Array.from(view.kOut)).toEqual(Array.from(ref.kOut));
        const rows = (x: typeof view) =>
          x.keys.map((_, i) =>
            Array.from(x.targets.subarray(x.offsets[i], x.offsets[i + 1]), (t, e) => [
              t,
              x.weights[(x.offsets[i] as number) + e],
            ]).sort((p, q) => (p[0] as number) - (q[0] as number)),
          );
        expect(rows(view)).toEqual(rows(ref));
        // and detection on it is detection on the graph
        expect(detectCommunities(view, { seed: 3 }).assignment).toEqual(detectCommunities(g, { seed: 3 }).assignment);
      }),
      { numRuns: 20 },
    );
  });

  it('rejects negative strengths', () => {
    const g = new UndirectedGraph();
    g.mergeEdge('a', 'b', { weight: -1 });
    expect(() => modularityGraph(g)).toThrow(GraphError);
    expect(() => modularityGraph(g)).toThrow(/negative strength/);
  });
});

describe('modularity', () => {
  // Reference values: NetworkX 2.8.8 (Debian python3-networkx), on karate_edges.csv read into nx.Graph with
  // weight=int(w), parts = the two `faction` sets of karate_nodes.csv:
  //   nx.community.modularity(G, parts, weight=None)                 -> 0.37146614069691
  //   nx.community.modularity(G, parts, weight='weight')             -> 0.40362811791383213
  //   nx.community.modularity(G, parts, weight='weight', resolution=2) -> -0.09750566893424045
  it('matches NetworkX on the karate factions', () => {
    const { graph, faction } = karate();
    expect(modularity(graph, faction, { getEdgeWeight: null })).toBeCloseTo(0.37146614069691, 12);
    expect(modularity(graph, faction)).toBeCloseTo(0.40362811791383213, 12);
    expect(modularity(graph, faction, { resolution: 2 })).toBeCloseTo(-0.09750566893424045, 12);
  });

  it('reads a node attribute as the partition', () => {
    const { graph, faction } = karate();
    graph.forEachNode((n) => {
      graph.setNodeAttribute(n, 'faction', faction[n]);
    });
    expect(modularity(graph, 'faction')).toBeCloseTo(modularity(graph, faction), 14);
  });

  it('equals graphology-metrics and the dense matrix formula on random graphs and partitions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.boolean(),
        fc.constantFrom(0.5, 1, 2),
        fc.integer({ min: 1, max: 5 }),
        (seed, directed, resolution, k) => {
          const rng = createRng(seed);
          const g = randomGraph(14, 0.25, rng, { directed, weighted: true, loops: true });
          if (g.size === 0) return;
          const label = new Map(g.nodes().map((n) => [n, Math.floor(rng() * k)]));
          g.forEachNode((n) => {
            g.setNodeAttribute(n, 'community', label.get(n));
          });
          const model = directed ? 'directed' : 'undirected';
          const ours = modularity(g, Object.fromEntries(label), { model, resolution });
          expect(ours).toBeCloseTo(metricsModularity(g, { resolution }), 12);
          expect(ours).toBeCloseTo(
            denseModularity(g, (n) => label.get(n) as number, resolution, directed),
            12,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is unchanged when communities are collapsed into nodes (aggregation)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.boolean(), (seed, directed) => {
        const rng = createRng(seed);
        const g = randomGraph(20, 0.2, rng, { directed, weighted: true, loops: true });
        const view = modularityGraph(g, { model: directed ? 'directed' : 'undirected' });
        const membership = Int32Array.from({ length: view.n }, () => Math.floor(rng() * 4));
        // dense ids 0..C-1
        const ids = new Map<number, number>();
        for (let i = 0; i < membership.length; i++) {
          const c = membership[i] as number;
          if (!ids.has(c)) ids.set(c, ids.size);
          membership[i] = ids.get(c) as number;
        }
        const agg = aggregate(view, membership, ids.size);
        const singletons = Int32Array.from({ length: ids.size }, (_, i) => i);
        expect(agg.total).toBeCloseTo(view.total, 12);
        expect(compactModularity(agg, singletons, 1.5)).toBeCloseTo(compactModularity(view, membership, 1.5), 12);
      }),
      { numRuns: 40 },
    );
  });

  it('is 0 on an edgeless or empty graph, and rejects partitions that miss a node', () => {
    const g = new UndirectedGraph();
    expect(modularity(g, {})).toBe(0);
    g.addNode('a');
    g.addNode('b');
    expect(modularity(g, { a: 0, b: 0 })).toBe(0);
    g.addEdge('a', 'b');
    expect(() => modularity(g, { a: 0 })).toThrow(GraphError);
    expect(() => modularity(g, { a: 0 })).toThrow(/node "b" has no community/);
    expect(() => modularity(g, 'community')).toThrow(/set the node attribute `community`/);
    expect(() => modularity(g, { a: 0, b: Number.NaN })).toThrow(/no valid community label/);
    expect(() => modularity(g, { a: 0, b: 1 }, { resolution: -1 })).toThrow(/`resolution` must be a finite number ≥ 0/);
  });
});
