import fc from 'fast-check';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { describe, expect, it } from 'vitest';
import { betweenness, betweennessValues } from '../../src/expertise/betweenness.js';
import { BrandesWorkspace } from '../../src/expertise/brandes.js';
import { spearman } from '../../src/expertise/rank.js';
import { snapshotGraph, transposeSnapshot } from '../../src/graph/snapshot.js';
import { toUndirected } from '../../src/graph/undirected.js';
import { createRng } from '../../src/random.js';
import { communityGraph, directedFrom, U_EDGES, undirectedFrom } from './graphs.js';

const at = (a: ArrayLike<number>, i: number): number => a[i] as number;

const byPerson = (r: ReturnType<typeof betweenness>) =>
  Object.fromEntries(r.people.map((p) => [p.person, p.betweenness])) as Record<string, number>;

/**
 * The obvious O(n³) definition, independent of Brandes' recursion: shortest distances by repeated
 * relaxation, path counts σ_st in order of distance, then c(v) = Σ_{s≠v≠t} σ_sv σ_vt / σ_st over the
 * triples with d(s,v) + d(v,t) = d(s,t). Raw (ordered pairs, not halved, not normalised).
 */
function slowBetweenness(n: number, arcs: Array<[number, number, number]>): number[] {
  const eq = (x: number, y: number) => Number.isFinite(y) && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
  const d: number[][] = [];
  const sigma: number[][] = [];
  for (let s = 0; s < n; s++) {
    const dist = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    dist[s] = 0;
    for (let changed = true; changed; ) {
      changed = false;
      for (const [u, v, l] of arcs) {
        const alt = at(dist, u) + l;
        if (alt < at(dist, v) && !eq(alt, at(dist, v))) {
          dist[v] = alt;
          changed = true;
        }
      }
    }
    const order = [...dist.keys()].filter((v) => Number.isFinite(dist[v])).sort((a, b) => at(dist, a) - at(dist, b));
    const count = new Array<number>(n).fill(0);
    count[s] = 1;
    for (const t of order) {
      if (t === s) continue;
      for (const [u, v, l] of arcs)
        if (v === t && eq(at(dist, u) + l, at(dist, t))) count[t] = at(count, t) + at(count, u);
    }
    d.push(dist);
    sigma.push(count);
  }
  const c = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    const ds = d[s] as number[];
    const ss = sigma[s] as number[];
    for (let t = 0; t < n; t++) {
      for (let v = 0; v < n; v++) {
        if (s === t || v === s || v === t || !Number.isFinite(at(ds, t))) continue;
        const dv = d[v] as number[];
        const sv = sigma[v] as number[];
        if (eq(at(ds, v) + at(dv, t), at(ds, t))) c[v] = at(c, v) + (at(ss, v) * at(sv, t)) / at(ss, t);
      }
    }
  }
  return c;
}

describe('betweenness: hand-computed cases', () => {
  it('path a–b–c: b lies on both ordered paths between a and c', () => {
    // hand computation: raw undirected = 1 (one unordered pair); normalised = 2 / ((3−1)(3−2)) = 1
    const g = undirectedFrom([
      ['a', 'b', 1],
      ['b', 'c', 1],
    ]);
    expect(byPerson(betweenness(g))).toEqual({ a: 0, b: 1, c: 0 });
    expect(byPerson(betweenness(g, { normalized: false }))).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('star with 4 leaves: the centre brokers all C(4,2) = 6 leaf pairs', () => {
    const g = undirectedFrom([
      ['hub', 'l1', 1],
      ['hub', 'l2', 1],
      ['hub', 'l3', 1],
      ['hub', 'l4', 1],
    ]);
    const raw = byPerson(betweenness(g, { normalized: false }));
    expect(raw.hub).toBe(6);
    // normalised: 12 ordered pairs / ((5−1)(5−2)) = 1
    expect(byPerson(betweenness(g)).hub).toBe(1);
  });

  it('reads distances, not strengths: a strong two-step detour beats a weak direct tie', () => {
    // a–b and b–c are strong (weight 4, distance 0.25), a–c weak (weight 1, distance 1):
    // the shortest a–c path is a–b–c (0.5 < 1), so b brokers the pair. Reading weight as a length
    // (the graphology trap) would make a–c direct (1 < 8) and b's betweenness 0.
    const g = new UndirectedGraph();
    g.mergeEdge('a', 'b', { weight: 4, distance: 0.25 });
    g.mergeEdge('b', 'c', { weight: 4, distance: 0.25 });
    g.mergeEdge('a', 'c', { weight: 1, distance: 1 });
    expect(byPerson(betweenness(g, { normalized: false })).b).toBe(1);
    expect(betweennessCentrality(g, { getEdgeWeight: 'weight', normalized: false }).b).toBe(0);
    expect(() => betweenness(g, { getEdgeDistance: 'weight' })).toThrow(/distances/);
  });

  it('splits a pair between two equal shortest paths', () => {
    // square a–b–d and a–c–d: b and c each carry half of the a–d and d–a paths: raw undirected 0.5 each
    const g = undirectedFrom([
      ['a', 'b', 1],
      ['b', 'd', 1],
      ['a', 'c', 1],
      ['c', 'd', 1],
    ]);
    expect(byPerson(betweenness(g, { normalized: false }))).toEqual({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
  });
});

describe('betweenness: cross-checks against NetworkX 2.8.8', () => {
  // Values from /usr/bin/python3 (Debian python3-networkx 2.8.8):
  //   G = nx.Graph(); G.add_weighted_edges_from(U_EDGES, weight='distance')
  //   nx.betweenness_centrality(G, weight='distance', normalized=True)   (and normalized=False, weight=None)
  //   H = nx.DiGraph(); H.add_weighted_edges_from(U_EDGES, weight='distance')
  //   nx.betweenness_centrality(H, weight='distance', normalized=False)
  it('undirected, on distances, normalised and raw', () => {
    const g = undirectedFrom(U_EDGES);
    const norm = byPerson(betweenness(g));
    const expected = { a: 0, b: 0.111111111111, c: 0.388888888889, d: 0.416666666667, e: 0, f: 0.583333333333 };
    for (const [k, v] of Object.entries(expected)) expect(norm[k]).toBeCloseTo(v, 11);
    expect(norm.g).toBeCloseTo(0.5, 11);
    expect(norm.h).toBeCloseTo(0.402777777778, 11);
    expect(byPerson(betweenness(g, { normalized: false }))).toEqual({
      a: 0,
      b: 4,
      c: 14,
      d: 15,
      e: 0,
      f: 21,
      g: 18,
      h: 14.5,
      i: 0,
      j: 0,
    });
  });

  it('undirected, hop counts (getEdgeDistance: null)', () => {
    const hops = byPerson(betweenness(undirectedFrom(U_EDGES), { getEdgeDistance: null }));
    const expected = { b: 0.023148148148, c: 0.268518518519, d: 0.115740740741, e: 0.300925925926 };
    for (const [k, v] of Object.entries(expected)) expect(hops[k]).toBeCloseTo(v, 11);
    expect(hops.f).toBeCloseTo(0.180555555556, 11);
    expect(hops.h).toBeCloseTo(0.388888888889, 11);
  });

  it('directed, on distances', () => {
    expect(byPerson(betweenness(directedFrom(U_EDGES), { normalized: false }))).toEqual({
      a: 0,
      b: 4,
      c: 14,
      d: 15,
      e: 0,
      f: 20,
      g: 18,
      h: 14,
      i: 0,
      j: 0,
    });
  });

  it('agrees with graphology-metrics given the same lengths', () => {
    // integer lengths (1–5), so that equal-length paths are exactly equal for graphology's exact comparison
    const g = communityGraph(150, 3);
    g.updateEachEdgeAttributes((_e, a) => ({ ...a, length: a.weight }));
    const ours = byPerson(betweenness(g, { getEdgeDistance: 'length' }));
    const theirs = betweennessCentrality(g, { getEdgeWeight: 'length' });
    for (const node of g.nodes()) expect(ours[node]).toBeCloseTo(theirs[node] as number, 10);
  });
});

describe('betweenness: against the O(n³) definition (property)', () => {
  const arbGraph = fc
    .record({
      n: fc.integer({ min: 2, max: 9 }),
      edges: fc.array(fc.tuple(fc.nat(8), fc.nat(8), fc.integer({ min: 1, max: 3 })), { maxLength: 24 }),
      directed: fc.boolean(),
      unit: fc.boolean(),
    })
    .map(({ n, edges, directed, unit }) => ({
      n,
      directed,
      unit,
      edges: edges.map(([s, t, l]) => [s % n, t % n, l] as [number, number, number]).filter(([s, t]) => s !== t),
    }));

  it('Brandes (Dijkstra and BFS) equals the definition on random small graphs', () => {
    fc.assert(
      fc.property(arbGraph, ({ n, edges, directed, unit }) => {
        const g = directed ? new DirectedGraph() : new UndirectedGraph();
        for (let i = 0; i < n; i++) g.addNode(String(i));
        for (const [s, t, l] of edges)
          if (!g.hasEdge(String(s), String(t))) g.mergeEdge(String(s), String(t), { distance: l });
        const arcs: Array<[number, number, number]> = [];
        g.forEachEdge((_e, a, s, t) => {
          const l = unit ? 1 : (a.distance as number);
          arcs.push([Number(s), Number(t), l]);
          if (!directed) arcs.push([Number(t), Number(s), l]);
        });
        const expected = slowBetweenness(n, arcs);
        const got = byPerson(betweenness(g, { normalized: false, getEdgeDistance: unit ? null : 'distance' }));
        for (let v = 0; v < n; v++) {
          const want = directed ? at(expected, v) : at(expected, v) / 2;
          expect(got[String(v)]).toBeCloseTo(want, 9);
        }
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});

describe('sampled betweenness (Brandes–Pich)', () => {
  it('is deterministic for a seed and changes with it', () => {
    const g = communityGraph(400, 11);
    const a = betweenness(g, { samples: 32, exactMaxNodes: 0, seed: 9 });
    const b = betweenness(g, { samples: 32, exactMaxNodes: 0, seed: 9 });
    const c = betweenness(g, { samples: 32, exactMaxNodes: 0, seed: 10 });
    expect(a.method).toBe('brandes-pich');
    expect(a.seed).toBe(9);
    expect(a.params.samples).toBe(32);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(a.people.every((p) => typeof p.standardError === 'number' && p.standardError >= 0)).toBe(true);
  });

  it('is exact when k ≥ n, or when the graph is under the threshold', () => {
    const g = undirectedFrom(U_EDGES);
    expect(betweenness(g, { samples: 10, exactMaxNodes: 0 }).method).toBe('brandes');
    const small = betweenness(g, { samples: 3 });
    expect(small.method).toBe('brandes');
    expect(small.seed).toBeNull();
    expect(small.people[0]?.standardError).toBeUndefined();
  });

  for (const [name, directed, estimator] of [
    ['undirected, linear scaling', false, 'linear-scaling'],
    ['undirected, uniform', false, 'uniform'],
    ['directed, linear scaling', true, 'linear-scaling'],
    ['directed, uniform', true, 'uniform'],
  ] as const) {
    it(`is unbiased (${name}): the mean over many seeds approaches the exact value`, () => {
      // k = 3 of n = 10 sources: each run is noisy; the mean of 600 runs is within 4 standard errors
      const snapshot = snapshotGraph(directed ? directedFrom(U_EDGES) : undirectedFrom(U_EDGES), {
        getEdgeWeight: 'distance',
        valueKind: 'distance',
      });
      const exact = betweennessValues(snapshot).values;
      const runs = 600;
      const sum = new Float64Array(10);
      const sumSq = new Float64Array(10);
      for (let r = 0; r < runs; r++) {
        const { values } = betweennessValues(snapshot, { samples: 3, rng: createRng(r), estimator });
        for (let v = 0; v < 10; v++) {
          sum[v] = at(sum, v) + at(values, v);
          sumSq[v] = at(sumSq, v) + at(values, v) ** 2;
        }
      }
      for (let v = 0; v < 10; v++) {
        const mean = at(sum, v) / runs;
        const sd = Math.sqrt(Math.max(0, at(sumSq, v) / runs - mean * mean));
        expect(Math.abs(mean - at(exact, v))).toBeLessThanOrEqual(4 * (sd / Math.sqrt(runs)) + 1e-12);
      }
    });
  }

  it('linear scaling sums to exact betweenness over all sources (directed: forward + backward)', () => {
    // the identity behind unbiasedness, checked without sampling: Σ_s x_s(v) = c_B(v)
    for (const graph of [directedFrom(U_EDGES), undirectedFrom(U_EDGES), communityGraph(120, 4)]) {
      const snap = snapshotGraph(graph, { getEdgeWeight: 'distance', valueKind: 'distance' });
      const n = snap.n;
      const exact = betweennessValues(snap, { normalized: false }).values;
      const sum = new Float64Array(n);
      const ws = new BrandesWorkspace(n);
      const reverse = transposeSnapshot(snap);
      for (let s = 0; s < n; s++) {
        ws.accumulate(snap, s, sum, true);
        ws.accumulate(reverse, s, sum, true);
      }
      const half = snap.directed ? 1 : 0.5;
      for (let v = 0; v < n; v++) expect(at(sum, v) * half).toBeCloseTo(at(exact, v), 9);
    }
  });

  it('converges to exact: Spearman ≥ 0.95 with k = 256 on a 2,000-person graph', () => {
    const g = communityGraph(2000, 2024);
    const snapshot = snapshotGraph(g, { getEdgeWeight: 'distance', valueKind: 'distance' });
    const exact = betweennessValues(snapshot).values;
    const rhos: number[] = [];
    const coverage: number[] = [];
    for (const seed of [1, 2, 3]) {
      const sampled = betweenness(snapshot, { samples: 256, exactMaxNodes: 0, seed });
      const est = new Float64Array(2000);
      const se = new Float64Array(2000);
      for (const p of sampled.people) {
        const i = snapshot.keys.indexOf(p.person);
        est[i] = p.betweenness;
        se[i] = p.standardError as number;
      }
      rhos.push(spearman(exact, est));
      // the reported standard errors are informative: most nodes lie within 3 SE of the exact value
      // (heavy-tailed per-source values make the sample SE optimistic for some low-betweenness nodes)
      let within = 0;
      for (let v = 0; v < 2000; v++) if (Math.abs(at(est, v) - at(exact, v)) <= 3 * at(se, v) + 1e-15) within++;
      coverage.push(within / 2000);
      expect(within / 2000).toBeGreaterThan(0.85);
    }
    console.log(
      `sampled betweenness k=256, n=2000: Spearman vs exact ${rhos.map((r) => r.toFixed(4)).join(', ')}; ` +
        `share within 3 SE ${coverage.map((c) => c.toFixed(3)).join(', ')}`,
    );
    for (const rho of rhos) expect(rho).toBeGreaterThanOrEqual(0.95);
  });
});

describe('betweenness: inputs', () => {
  it('reads a directed interaction graph as directed, and its undirected projection with summed strengths', () => {
    const g = new DirectedGraph();
    g.mergeEdge('a', 'b', { weight: 1, distance: 1 });
    g.mergeEdge('b', 'a', { weight: 3, distance: 1 / 3 });
    g.mergeEdge('b', 'c', { weight: 2, distance: 0.5 });
    const directed = betweenness(g, { normalized: false });
    expect(directed.params.directed).toBe(true);
    expect(byPerson(directed).b).toBe(1); // a → c through b; c reaches nobody
    const undirected = betweenness(toUndirected(g), { normalized: false });
    expect(undirected.params.directed).toBe(false);
    expect(byPerson(undirected).b).toBe(1);
  });

  it('rejects missing or non-positive distances, skips infinite ones', () => {
    const g = new UndirectedGraph();
    g.mergeEdge('a', 'b', { weight: 1 });
    expect(() => betweenness(g)).toThrow(/no valid distance/);
    g.setEdgeAttribute('a', 'b', 'distance', 0);
    expect(() => betweenness(g)).toThrow(/distances must be > 0/);
    g.setEdgeAttribute('a', 'b', 'distance', Number.POSITIVE_INFINITY);
    g.mergeEdge('b', 'c', { distance: 1 });
    const r = betweenness(g, { normalized: false });
    expect(r.arcs).toBe(2);
    expect(byPerson(r).b).toBe(0);
  });

  it('empty and tiny graphs', () => {
    expect(betweenness(new UndirectedGraph()).people).toEqual([]);
    const g = new UndirectedGraph();
    g.addNode('x');
    expect(betweenness(g).people).toEqual([{ person: 'x', rank: 1, betweenness: 0 }]);
  });
});
