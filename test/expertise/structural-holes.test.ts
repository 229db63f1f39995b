import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { structuralHoles } from '../../src/expertise/structural-holes.js';
import { D_EDGES, directedFrom, U_EDGES, undirectedFrom } from './graphs.js';

const by = (r: ReturnType<typeof structuralHoles>) => Object.fromEntries(r.people.map((p) => [p.person, p]));

describe("Burt's constraint and effective size", () => {
  it('hand-computed: a star centre and a triangle', () => {
    // star, 3 leaves: p = 1/3 each, no indirect paths → C = 3 · (1/3)² = 1/3; every contact non-redundant → E = 3
    const star = new UndirectedGraph();
    for (const leaf of ['x', 'y', 'z']) star.mergeEdge('c', leaf, { weight: 1 });
    expect(by(structuralHoles(star)).c).toMatchObject({ degree: 3, effectiveSize: 3, efficiency: 1 });
    expect(by(structuralHoles(star)).c?.constraint).toBeCloseTo(1 / 3, 15);
    // triangle: p = 1/2, indirect 1/2 · 1/2 → C = 2 · (3/4)² = 9/8; E = 2 − 2·1/2 = 1 (n − 2t/n, Borgatti)
    const tri = new UndirectedGraph();
    tri.mergeEdge('a', 'b', { weight: 1 });
    tri.mergeEdge('b', 'c', { weight: 1 });
    tri.mergeEdge('a', 'c', { weight: 1 });
    expect(by(structuralHoles(tri)).a?.constraint).toBeCloseTo(9 / 8, 15);
    expect(by(structuralHoles(tri)).a?.effectiveSize).toBeCloseTo(1, 15);
  });

  // Values from /usr/bin/python3 (Debian python3-networkx 2.8.8):
  //   G = nx.Graph(); G.add_weighted_edges_from(U_EDGES, weight='distance'); nx.constraint(G); nx.effective_size(G)
  //   W = nx.DiGraph(); W.add_weighted_edges_from(D_EDGES, weight='weight')
  //   nx.constraint(W, weight='weight'); nx.effective_size(W, weight='weight')
  it('matches NetworkX on an unweighted undirected graph', () => {
    const r = by(structuralHoles(undirectedFrom(U_EDGES), { getEdgeWeight: null }));
    const constraint: Record<string, number> = {
      a: 0.835069444444,
      b: 0.720679012346,
      c: 0.494791666667,
      d: 0.48225308642,
      e: 0.506172839506,
      h: 0.611111111111,
      i: 1.006944444444,
    };
    const esize: Record<string, number> = { a: 1, b: 1.666666666667, c: 3, d: 2.333333333333, h: 2.333333333333, i: 1 };
    for (const [k, v] of Object.entries(constraint)) expect(r[k]?.constraint).toBeCloseTo(v, 11);
    for (const [k, v] of Object.entries(esize)) expect(r[k]?.effectiveSize).toBeCloseTo(v, 11);
  });

  it('matches NetworkX on a weighted directed graph (mutual strengths)', () => {
    const r = by(structuralHoles(directedFrom(D_EDGES, 'weight')));
    const constraint: Record<string, number> = {
      a: 0.832239650681,
      b: 0.47489838084,
      c: 0.499789171867,
      d: 0.640076846854,
      e: 0.688145661157,
      f: 0.984876033058,
      g: 1,
    };
    const esize: Record<string, number> = {
      a: 1.666666666667,
      b: 4.007575757576,
      c: 3.285714285714,
      d: 2.1875,
      e: 1.625,
      f: 1.05,
      g: 1,
    };
    for (const [k, v] of Object.entries(constraint)) expect(r[k]?.constraint).toBeCloseTo(v, 11);
    for (const [k, v] of Object.entries(esize)) expect(r[k]?.effectiveSize).toBeCloseTo(v, 11);
  });

  it('isolated people have no ego network: null, not NaN', () => {
    const g = new UndirectedGraph();
    g.addNode('alone');
    const r = structuralHoles(g);
    expect(r.people).toEqual([{ person: 'alone', degree: 0, constraint: null, effectiveSize: null, efficiency: null }]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
