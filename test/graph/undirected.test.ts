import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildInteractionGraph } from '../../src/graph/build.js';
import { reciprocity, summarizeGraph } from '../../src/graph/summary.js';
import { toUndirected } from '../../src/graph/undirected.js';
import { msg } from '../log/helpers.js';

describe('toUndirected', () => {
  it('sums reciprocal strengths and kind counts (NetworkX/igraph keep one direction)', async () => {
    const g = await buildInteractionGraph([
      msg({ id: '1', sender: 'a', recipients: ['b'], timestamp: 10 }),
      msg({ id: '2', sender: 'b', recipients: ['a'], cc: [], timestamp: 5 }),
      msg({ id: '3', sender: 'b', replyTo: '1', timestamp: 20 }),
      msg({ id: '4', sender: 'a', cc: ['c'], timestamp: 7 }),
    ]);
    const u = toUndirected(g);
    expect(u.type).toBe('undirected');
    expect(u.size).toBe(2);
    expect(u.getEdgeAttributes('a', 'b')).toMatchObject({
      weight: 1 + 1 + 2,
      to: 2,
      reply: 1,
      count: 3,
      first: 5,
      last: 20,
      distance: 0.25,
    });
    expect(u.getEdgeAttributes('c', 'a')).toMatchObject({ weight: 0.5, cc: 1 });
    expect(u.getNodeAttributes('a')).toEqual(g.getNodeAttributes('a'));
    expect(u.getAttribute('method')).toBe('interaction-graph');
  });

  it('reads another weight attribute, and counts a missing one as 1', () => {
    const g = new DirectedGraph();
    g.mergeEdge('x', 'y', { strength: 3 });
    g.mergeEdge('y', 'x', {});
    const u = toUndirected(g, { getEdgeWeight: 'strength' });
    expect(u.getEdgeAttribute('x', 'y', 'weight')).toBe(4);
  });
});

describe('summarizeGraph / reciprocity', () => {
  it('reciprocity = share of non-self ties whose reverse exists (NetworkX overall_reciprocity)', () => {
    const g = new DirectedGraph();
    g.mergeEdge('a', 'b');
    g.mergeEdge('b', 'a');
    g.mergeEdge('a', 'c');
    g.mergeEdge('c', 'c');
    expect(reciprocity(g)).toBeCloseTo(2 / 3, 12);
    expect(reciprocity(new DirectedGraph())).toBe(0);
    const s = summarizeGraph(g);
    expect(s).toMatchObject({ people: 3, ties: 4, isolates: 0, density: 3 / 6 });
  });
});
