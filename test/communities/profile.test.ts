import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { detectCommunities, modularity, OptionError, profileCommunities } from '../../src/index.js';
import { emailEuCore, karate } from './graphs.js';

describe('profileCommunities', () => {
  // Reference: NetworkX 2.8.8 on karate (weight = shared contexts), S = faction 1 (16 members):
  //   nx.conductance(G, S, weight='weight') -> 0.1; nx.conductance(G, S, weight=None) -> 0.13157894736842105
  //   nx.cut_size(G, S, weight='weight') -> 22; nx.volume(G, S, weight='weight') -> 220
  //   G.subgraph(S).size(weight='weight') -> 99; .number_of_edges() -> 33; nx.density(G.subgraph(S)) -> 0.275
  it('matches NetworkX on the karate factions', () => {
    const { graph, faction, club } = karate();
    graph.forEachNode((n) => {
      graph.setNodeAttribute(n, 'club', club[n]);
    });
    const p = profileCommunities(graph, faction, { attributes: ['club'], top: 3 });
    const f1 = p.communities[0];
    expect(f1).toMatchObject({
      id: 1,
      size: 16,
      internalStrength: 99,
      externalStrength: 22,
      volume: 220,
      internalTies: 33,
      density: 0.275,
      conductance: 0.1,
    });
    expect(f1?.composition.club).toEqual([{ value: 1, count: 16, share: 1 }]);
    const f2 = p.communities[1];
    expect(f2?.composition.club).toEqual([
      { value: 2, count: 17, share: 17 / 18 },
      { value: 1, count: 1, share: 1 / 18 },
    ]);
    const unweighted = profileCommunities(graph, faction, { getEdgeWeight: null });
    expect(unweighted.communities[0]?.conductance).toBeCloseTo(0.13157894736842105, 14);
    // the terms add up to Q
    expect(p.modularity).toBeCloseTo(modularity(graph, faction), 14);
    expect(p.communities.reduce((s, c) => s + c.modularityTerm, 0)).toBeCloseTo(p.modularity, 14);
    // top members by strength inside their faction, computed by hand from the edge list
    const inside = (n: string) => {
      let s = 0;
      graph.forEachEdge(n, (_e, a, u, v) => {
        if (faction[u] === faction[v]) s += a.weight as number;
      });
      return s;
    };
    const expected = graph
      .filterNodes((n) => faction[n] === 1)
      .map((n) => ({ person: n, internalStrength: inside(n) }))
      .sort((a, b) => b.internalStrength - a.internalStrength || Number(a.person) - Number(b.person))
      .slice(0, 3);
    expect(f1?.topMembers).toEqual(expected);
  });

  it('profiles detected communities on the interaction graph with the sum of terms equal to Q', async () => {
    const { graph, department } = await emailEuCore();
    const copy = graph.copy();
    copy.forEachNode((n) => {
      copy.setNodeAttribute(n, 'department', department[n]);
    });
    const detection = detectCommunities(copy, { seed: 1, getEdgeWeight: null });
    const p = profileCommunities(copy, detection, { getEdgeWeight: null, attributes: ['department', 'absent'] });
    expect(p.communities.map((c) => c.id)).toEqual(detection.communities.map((_, i) => i));
    expect(p.communities.map((c) => c.size)).toEqual(detection.communities.map((c) => c.length));
    expect(p.modularity).toBeCloseTo(detection.modularity, 12);
    for (const c of p.communities) {
      expect(c.conductance).toBeGreaterThanOrEqual(0);
      expect(c.conductance).toBeLessThanOrEqual(1);
      if (c.size > 1) expect(c.density).toBeGreaterThan(0);
      expect(c.composition.department?.reduce((s, e) => s + e.count, 0)).toBe(c.size);
      expect(c.composition.absent).toEqual([{ value: null, count: c.size, share: 1 }]);
    }
  });

  it('handles people outside the partition, string labels and degenerate communities', () => {
    const g = new UndirectedGraph();
    g.mergeEdge('a', 'b', { weight: 2 });
    g.mergeEdge('b', 'c', { weight: 1 });
    g.addNode('d');
    g.addNode('e');
    const p = profileCommunities(g, { a: 'team', b: 'team', c: 'solo', d: 'x' });
    expect(p.unassigned).toBe(1);
    expect(p.communities.map((c) => c.id)).toEqual(['team', 'solo', 'x']);
    const solo = p.communities[1];
    expect(solo).toMatchObject({ size: 1, density: 0, internalStrength: 0, externalStrength: 1 });
    // d is isolated: nothing leaves it, min(vol, 2m − vol) = 0 → conductance 0
    expect(p.communities[2]).toMatchObject({ volume: 0, conductance: 0, modularityTerm: 0 });
    expect(p.modularity).toBeCloseTo(modularity(g, { a: 'team', b: 'team', c: 'solo', d: 'x', e: 'y' }), 14);
    const empty = profileCommunities(new UndirectedGraph(), {});
    expect(empty).toMatchObject({ communities: [], modularity: 0, unassigned: 0 });
  });

  it('validates its options', () => {
    const { graph, faction } = karate();
    expect(() => profileCommunities(graph, faction, { top: -1 })).toThrow(OptionError);
    expect(() => profileCommunities(graph, faction, { attributes: 'club' as unknown as string[] })).toThrow(
      /`attributes`/,
    );
    expect(() => profileCommunities(graph, faction, { attributes: [''] })).toThrow(/`attributes\[0\]`/);
    expect(() => profileCommunities(graph, faction, { resolution: -2 })).toThrow(/`resolution`/);
  });
});
