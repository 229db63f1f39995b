import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  communityEnsemble,
  comparePartitions,
  detectCommunities,
  generateLfrGraph,
  OptionError,
} from '../../src/index.js';
import { deriveSeed } from '../../src/random.js';
import { allConnected, emailEuCore, karate } from './graphs.js';

/** Two 6-cliques joined by one edge: every run must find them. */
function twoCliques(): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const side of ['a', 'b']) {
    for (let i = 0; i < 6; i++)
      for (let j = i + 1; j < 6; j++) g.mergeEdge(`${side}${i}`, `${side}${j}`, { weight: 1 });
  }
  g.addEdge('a0', 'b0', { weight: 1 });
  return g;
}

describe('communityEnsemble', () => {
  it('finds unanimous communities with stability 1 when every run agrees', () => {
    const e = communityEnsemble(twoCliques(), { runs: 5, seed: 1 });
    expect(e.consensus.communities).toEqual([
      ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'],
      ['b0', 'b1', 'b2', 'b3', 'b4', 'b5'],
    ]);
    expect(e.consensus).toMatchObject({ count: 2, iterations: 0, converged: true });
    expect(e.stability.mean).toBe(1);
    expect(e.stability.communities).toEqual([
      { id: 0, size: 6, stability: 1, jaccard: 1 },
      { id: 1, size: 6, stability: 1, jaccard: 1 },
    ]);
    expect(e.modularity.sd).toBeCloseTo(0, 12);
  });

  it('records each run with a derived seed that reproduces it alone', () => {
    const { graph } = karate();
    const e = communityEnsemble(graph, { runs: 6, seed: 9, getEdgeWeight: null });
    expect(e.runs.map((r) => r.seed)).toEqual([0, 1, 2, 3, 4, 5].map((r) => deriveSeed(9, r)));
    const third = e.runs[2];
    const alone = detectCommunities(graph, { seed: third?.seed, getEdgeWeight: null });
    expect(alone.modularity).toBeCloseTo(third?.modularity ?? 0, 14);
    expect(e.best.modularity).toBe(e.modularity.max);
    expect(e.modularity.max).toBeCloseTo(0.4198, 4);
    expect(JSON.stringify(e)).toBe(JSON.stringify(communityEnsemble(graph, { runs: 6, seed: 9, getEdgeWeight: null })));
  });

  it('gives stabilities in [0, 1] and a connected consensus on email-Eu-core', async () => {
    const { graph, department } = await emailEuCore();
    const e = communityEnsemble(graph, { runs: 8, seed: 3, getEdgeWeight: null });
    const people = Object.values(e.stability.people);
    expect(people.length).toBe(1005);
    for (const s of people) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(e.stability.mean).toBeGreaterThan(0.5);
    expect(e.stability.mean).toBeLessThan(1);
    expect(allConnected(graph, e.consensus.communities)).toBe(true);
    expect(e.consensus.communities.flat().length).toBe(1005);
    // the consensus describes the departments about as well as single runs do
    expect(comparePartitions(e.consensus, department).nmi).toBeGreaterThan(0.55);
    expect(e.consensus.modularity).toBeGreaterThan(0.35);
  });

  it("chooses the level from its own runs with level: 'stable'", () => {
    const lfr = generateLfrGraph({ nodes: 4000, mixing: 0.2, minCommunity: 10, maxCommunity: 60, seed: 2 });
    const truth = Object.fromEntries(Array.from(lfr.membership, (c, i) => [String(i), c]));
    const e = communityEnsemble(lfr.graph, { runs: 5, seed: 1, level: 'stable' });
    expect(e.levelSelection?.level).toBe(0);
    expect(e.best.level).toBe(0);
    expect(comparePartitions(e.consensus, truth).nmi).toBeGreaterThan(0.95);
  });

  it('validates its options', () => {
    const { graph } = karate();
    expect(() => communityEnsemble(graph, { runs: 0 })).toThrow(OptionError);
    expect(() => communityEnsemble(graph, { runs: 0 })).toThrow(/`runs` must be a positive integer \(got 0\)/);
    expect(() => communityEnsemble(graph, { threshold: 0 })).toThrow(/`threshold`/);
    expect(() => communityEnsemble(graph, { threshold: 2 })).toThrow(/`threshold`/);
    expect(() => communityEnsemble(graph, { maxIterations: -1 })).toThrow(/`maxIterations`/);
    expect(() => communityEnsemble(graph, { resolution: -0.5 })).toThrow(/`resolution`/);
  });

  it('defines results on an empty graph', () => {
    const e = communityEnsemble(new UndirectedGraph(), { runs: 3 });
    expect(e.consensus).toMatchObject({ count: 0, communities: [], modularity: 0 });
    expect(e.stability).toEqual({ mean: 1, people: {}, communities: [] });
    expect(e.modularity).toEqual({ mean: 0, sd: 0, min: 0, max: 0 });
  });
});
