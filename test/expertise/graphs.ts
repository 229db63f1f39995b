// Small graphs shared by the expertise tests, and a seeded generator of larger ones.
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { createRng, randomInt } from '../../src/random.js';

/** 10 people, 14 ties with integer distances (so equal-length paths are exactly equal in every tool). */
export const U_EDGES: ReadonlyArray<readonly [string, string, number]> = [
  ['a', 'b', 1],
  ['a', 'c', 2],
  ['b', 'c', 1],
  ['b', 'd', 3],
  ['c', 'd', 1],
  ['c', 'e', 2],
  ['d', 'f', 1],
  ['e', 'f', 1],
  ['e', 'g', 3],
  ['f', 'g', 1],
  ['g', 'h', 2],
  ['h', 'i', 1],
  ['h', 'j', 1],
  ['i', 'j', 2],
];

/** A weighted asker → answerer graph (7 people). */
export const D_EDGES: ReadonlyArray<readonly [string, string, number]> = [
  ['a', 'b', 3],
  ['c', 'b', 2],
  ['d', 'b', 1],
  ['a', 'c', 1],
  ['d', 'c', 2],
  ['e', 'd', 1],
  ['b', 'e', 1],
  ['f', 'b', 4],
  ['f', 'a', 1],
  ['g', 'c', 1],
  ['c', 'a', 1],
];

export function undirectedFrom(edges: ReadonlyArray<readonly [string, string, number]>, attr = 'distance') {
  const g = new UndirectedGraph();
  for (const [s, t, v] of edges) g.mergeEdge(s, t, { [attr]: v });
  return g;
}

export function directedFrom(edges: ReadonlyArray<readonly [string, string, number]>, attr = 'distance') {
  const g = new DirectedGraph();
  for (const [s, t, v] of edges) g.mergeEdge(s, t, { [attr]: v });
  return g;
}

/**
 * A seeded organisation-like graph: `n` people in communities of 20–80, each person tied to ~`degree`
 * others (a share `mixing` outside their community), strengths 1–5, `distance` = 1/weight. Connected
 * through a ring of ties between consecutive people.
 */
export function communityGraph(n: number, seed: number, degree = 8, mixing = 0.2): UndirectedGraph {
  const rng = createRng(seed);
  const g = new UndirectedGraph();
  const community: number[] = [];
  const members: number[][] = [];
  for (let i = 0; i < n; ) {
    const size = Math.min(n - i, 20 + randomInt(rng, 61));
    const list: number[] = [];
    for (let j = 0; j < size; j++, i++) {
      community.push(members.length);
      list.push(i);
    }
    members.push(list);
  }
  for (let i = 0; i < n; i++) g.addNode(`p${i}`, { community: community[i] });
  const tie = (a: number, b: number) => {
    if (a === b) return;
    const w = 1 + randomInt(rng, 5);
    g.mergeEdge(`p${a}`, `p${b}`, { weight: w, distance: 1 / w });
  };
  for (let i = 0; i < n; i++) tie(i, (i + 1) % n);
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < degree / 2; e++) {
      if (rng() < mixing) tie(i, randomInt(rng, n));
      else {
        const list = members[community[i] as number] as number[];
        tie(i, list[randomInt(rng, list.length)] as number);
      }
    }
  }
  return g;
}
