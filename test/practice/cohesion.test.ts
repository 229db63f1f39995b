import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { snapshotGraph } from '../../src/graph/snapshot.js';
import { cohesionRecord, settleCohesion } from '../../src/practice/cohesion.js';
import { sampleCohesionNulls } from '../../src/practice/cohesion-nulls.js';

const options = { samples: 50, strata: 2, burnIn: 10, thin: 1, seed: 1, setSeeds: ['a', 'b'] };

function graphOf(arcs: [string, string][]) {
  const g = new DirectedGraph();
  for (const [a, b] of arcs) g.mergeEdge(a, b, { weight: 1 });
  return snapshotGraph(g, { getEdgeWeight: null });
}

describe('cohesion: observed, expected and the modularity term (hand computation)', () => {
  // a→b, b→a, a→c, c→d, d→c, d→a; S = {a, b}
  // out: a 2, b 1, c 1, d 2; in: a 2, b 1, c 2, d 1; W = 6
  // O = 2; K_out = 3, K_in = 3; Σ_{i∈S} k_out·k_in = 2·2 + 1·1 = 5
  // E = (3·3 − 5) / 6 = 2/3;  Q_S = (2 − 3·3/6) / 6 = 1/12
  const s = graphOf([
    ['a', 'b'],
    ['b', 'a'],
    ['a', 'c'],
    ['c', 'd'],
    ['d', 'c'],
    ['d', 'a'],
  ]);
  const S = Int32Array.from([s.index.get('a') as number, s.index.get('b') as number]).sort();
  const samples = sampleCohesionNulls(s, [S], options);

  it('gives O = 2, E = 2/3, O/E = 3 and Q_S = 1/12', () => {
    expect(samples.observed[0]).toBe(2);
    expect(samples.expected[0]).toBeCloseTo(2 / 3, 12);
    expect(samples.modularity[0]).toBeCloseTo(1 / 12, 12);
    const rec = cohesionRecord('organisation', 2, samples, 0);
    expect(rec.ratio).toBeCloseTo(3, 5);
    expect(rec.p).toBe(Math.max(rec.nullA?.p ?? 0, rec.nullB?.p ?? 0));
  });

  it('keeps every null value at most the number of ordered pairs inside the set', () => {
    for (const x of samples.nullA[0] as Float64Array) expect(x).toBeLessThanOrEqual(2);
    for (const x of samples.nullB[0] as Float64Array) expect(x).toBeLessThanOrEqual(2);
  });
});

describe('cohesion p-values with a known answer', () => {
  it('a directed 3-cycle cannot be rewired: every null sample equals the observation, so p_A = 1', () => {
    const s = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ]);
    const S = Int32Array.from([0, 1]);
    const samples = sampleCohesionNulls(s, [S], options);
    expect(samples.rewiring.accepted).toBe(0);
    expect([...(samples.nullA[0] as Float64Array)].every((x) => x === 1)).toBe(true);
    expect(cohesionRecord('organisation', 2, samples, 0).nullA?.p).toBe(1);
  });

  it('a set holding every node has nothing to be compared with: both nulls reproduce it, p = 1', () => {
    const s = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'a'],
      ['a', 'c'],
    ]);
    const all = Int32Array.from([0, 1, 2, 3]);
    const rec = cohesionRecord('organisation', 4, sampleCohesionNulls(s, [all], options), 0);
    expect([rec.nullA?.p, rec.nullB?.p]).toEqual([1, 1]);
  });

  it('two dense cliques joined by one arc: each clique is cohesive against both nulls (p = 1/(1 + R))', () => {
    const arcs: [string, string][] = [];
    const A = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const B = ['b1', 'b2', 'b3', 'b4', 'b5'];
    for (const C of [A, B]) for (const x of C) for (const y of C) if (x !== y) arcs.push([x, y]);
    arcs.push(['a1', 'b1'], ['b2', 'a2']);
    const s = graphOf(arcs);
    const set = (C: string[]) => Int32Array.from(C.map((x) => s.index.get(x) as number)).sort();
    const samples = sampleCohesionNulls(s, [set(A), set(B)], { ...options, samples: 99 });
    // a clique of 5 holds all 20 ordered pairs; the rewired graph must move arcs across, which only lowers it
    expect(samples.observed[0]).toBe(20);
    const rec = cohesionRecord('organisation', 5, samples, 0);
    settleCohesion(rec, rec.p as number, 0.05, 1);
    expect(rec.nullA?.p).toBeLessThan(0.05);
    expect(rec.cohesive).toBe(rec.nullB?.p !== undefined && rec.nullB.p < 0.05);
  });
});
