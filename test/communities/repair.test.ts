import fc from 'fast-check';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { compactModularity } from '../../src/communities/modularity-graph.js';
import { canonicalize } from '../../src/communities/partition.js';
import { modularityGraph, repairConnectivity } from '../../src/index.js';
import { createRng } from '../../src/random.js';
import { allConnected, randomGraph } from './graphs.js';

describe('repairConnectivity', () => {
  it('splits a disconnected community into its components and counts it', () => {
    const g = new UndirectedGraph();
    g.mergeEdge('a', 'b');
    g.mergeEdge('b', 'c');
    g.mergeEdge('c', 'd');
    g.addNode('e');
    const view = modularityGraph(g);
    // {a, d, e} is one label but three components; {b, c} is connected
    const before = Int32Array.from([0, 1, 1, 0, 0]);
    const r = repairConnectivity(view, before);
    expect(r).toMatchObject({ repaired: 1, added: 2 });
    expect(canonicalize(view.keys, r.membership).communities).toEqual([['b', 'c'], ['a'], ['d'], ['e']]);
  });

  it('leaves connected communities alone, never lowers Q, and always returns connected parts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(0, 1, 2.5), (seed, resolution) => {
        const rng = createRng(seed);
        const g = randomGraph(25, 0.1, rng, { weighted: true });
        const view = modularityGraph(g);
        const labels = Int32Array.from({ length: view.n }, () => Math.floor(rng() * 3));
        const r = repairConnectivity(view, labels);
        const parts = canonicalize(view.keys, r.membership).communities;
        expect(allConnected(g, parts)).toBe(true);
        expect(compactModularity(view, r.membership, resolution)).toBeGreaterThanOrEqual(
          compactModularity(view, labels, resolution) - 1e-12,
        );
        const again = repairConnectivity(view, r.membership);
        expect(again.repaired).toBe(0);
        expect(Array.from(again.membership)).toEqual(Array.from(r.membership));
      }),
      { numRuns: 100 },
    );
  });
});
