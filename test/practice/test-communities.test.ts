import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { detectCommunities } from '../../src/communities/detect.js';
import { louvainDetector, testCommunities, testCommunitiesAsync } from '../../src/practice/test-communities.js';
import { createRng } from '../../src/random.js';

/** Planted partition: `groups` groups of `size`, within-group edge probability pIn, between pOut. */
function planted(groups: number, size: number, pIn: number, pOut: number, seed: number): UndirectedGraph {
  const rng = createRng(seed);
  const g = new UndirectedGraph();
  const n = groups * size;
  for (let i = 0; i < n; i++) g.addNode(`n${i}`);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const same = Math.floor(i / size) === Math.floor(j / size);
      if (rng() < (same ? pIn : pOut)) g.addEdge(`n${i}`, `n${j}`);
    }
  }
  return g;
}

describe('testCommunities (Kojaku & Masuda q–s test)', () => {
  it('planted communities are significant against what Louvain finds in rewired graphs', () => {
    const r = testCommunities(planted(4, 15, 0.5, 0.02, 1), { samples: 40, seed: 1 });
    expect(r.method).toBe('kojaku-masuda-qs');
    const big = r.communities.filter((c) => c.size >= 10);
    expect(big.length).toBeGreaterThanOrEqual(4);
    for (const c of big) expect(c.significant).toBe(true);
    for (const c of r.communities) if (c.p !== null) expect(c.p).toBeGreaterThan(0);
  });

  it('communities Louvain finds in a random graph are mostly not significant', () => {
    const r = testCommunities(planted(1, 60, 0.1, 0, 2), { samples: 40, seed: 1 });
    const tested = r.communities.filter((c) => c.p !== null);
    expect(tested.length).toBeGreaterThan(2);
    const significant = tested.filter((c) => c.significant).length;
    expect(significant / tested.length).toBeLessThanOrEqual(0.25);
  });

  it('is deterministic for a seed and accepts another detector', () => {
    const g = planted(3, 10, 0.6, 0.05, 3);
    expect(JSON.stringify(testCommunities(g, { samples: 10, seed: 5 }))).toBe(
      JSON.stringify(testCommunities(g, { samples: 10, seed: 5 })),
    );
    // a detector that puts everyone in one community: its modularity term is 0 in every graph, never significant
    const one = testCommunities(g, {
      samples: 10,
      detect: (graph) => Object.fromEntries(graph.nodes().map((n) => [n, 0])),
    });
    expect(one.params.detector).toBe('custom');
    expect(one.communities).toHaveLength(1);
    expect(one.communities[0]?.significant).toBe(false);
    expect(() => testCommunities(new UndirectedGraph())).toThrow(/no node/);
  });

  it('detects with detectCommunities by default, and tests a given partition against the same detector', () => {
    const g = planted(4, 15, 0.5, 0.02, 4);
    const own = testCommunities(g, { samples: 20, seed: 6 });
    expect(own.params).toMatchObject({ detector: 'detectCommunities', observed: 'detected' });
    // the tested communities are those detectCommunities finds on the graph (the planted four)
    expect(own.communities.map((c) => c.size).sort()).toEqual(
      detectCommunities(g, { seed: 1 })
        .communities.map((c) => c.length)
        .sort(),
    );
    // the planted partition, given: every group significant; a random labelling, given: none
    const truth = Object.fromEntries(g.nodes().map((n) => [n, Math.floor(Number(n.slice(1)) / 15)]));
    const given = testCommunities(g, { samples: 20, seed: 6, partition: truth });
    expect(given.params.observed).toBe('given');
    expect(given.communities).toHaveLength(4);
    for (const c of given.communities) expect(c.significant).toBe(true);
    const rng = createRng(9);
    const random = Object.fromEntries(g.nodes().map((n) => [n, Math.floor(rng() * 4)]));
    const none = testCommunities(g, { samples: 20, seed: 6, partition: random });
    for (const c of none.communities) expect(c.significant).toBe(false);
  });
});

describe('testCommunitiesAsync from the sources (no worker script)', () => {
  it("computes on this thread with 'auto' and 0, the same as testCommunities; asks for a build with workers > 0", async () => {
    const g = planted(3, 12, 0.5, 0.03, 4);
    const sync = JSON.stringify(testCommunities(g, { samples: 6, seed: 2 }));
    expect(JSON.stringify(await testCommunitiesAsync(g, { samples: 6, seed: 2 }))).toBe(sync);
    expect(JSON.stringify(await testCommunitiesAsync(g, { samples: 6, seed: 2, workers: 0 }))).toBe(sync);
    await expect(testCommunitiesAsync(g, { samples: 6, workers: 2 })).rejects.toMatchObject({ code: 'WORKER_FAILED' });
    await expect(testCommunitiesAsync(g, { samples: 6, workers: -1 })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
    });
    // a custom detector cannot cross to a worker: it runs here whatever `workers` says
    const custom = { samples: 4, seed: 2, detect: louvainDetector };
    expect(JSON.stringify(await testCommunitiesAsync(g, { ...custom, workers: 2 }))).toBe(
      JSON.stringify(testCommunities(g, custom)),
    );
  });
});
