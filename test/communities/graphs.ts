// Graphs used by the communities tests: the shared datasets and small hand-made graphs.
import { readFileSync } from 'node:fs';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { buildInteractionGraph, csvRows, type InteractionGraph, readCsv } from '../../src/index.js';
import type { Rng } from '../../src/random.js';
import { dataPath } from '../data-path.js';

/** Zachary's karate club (34 members, 78 ties; `weight` = shared contexts) and the two factions. */
export function karate(): { graph: UndirectedGraph; faction: Record<string, number>; club: Record<string, number> } {
  const graph = new UndirectedGraph();
  const edges = readFileSync(dataPath('karate-zachary', 'karate_edges.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of edges) {
    const [s, t, w] = line.split(',') as [string, string, string];
    graph.mergeNode(s);
    graph.mergeNode(t);
    graph.addEdge(s, t, { weight: Number(w) });
  }
  const faction: Record<string, number> = {};
  const club: Record<string, number> = {};
  const nodes = readFileSync(dataPath('karate-zachary', 'karate_nodes.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of nodes) {
    const [id, , f, c] = line.split(',') as [string, string, string, string];
    faction[id] = Number(f);
    club[id] = Number(c);
  }
  return { graph, faction, club };
}

let emailCache: Promise<{ graph: InteractionGraph; department: Record<string, number> }> | undefined;

/**
 * email-Eu-core read with the project's own CSV reader (headerless, tab-separated, `\r\r\n` line ends),
 * built into the interaction graph; departments from the labels file alongside.
 */
export function emailEuCore(): Promise<{ graph: InteractionGraph; department: Record<string, number> }> {
  emailCache ??= (async () => {
    const graph = await buildInteractionGraph(
      readCsv(dataPath('email-eu-core', 'email-Eu-core.txt'), { headers: false, delimiter: '\t' }),
    );
    const department: Record<string, number> = {};
    for await (const row of csvRows(dataPath('email-eu-core', 'email-Eu-core-department-labels.txt'), {
      delimiter: '\t',
    })) {
      if (row.length >= 2) department[(row[0] as string).trim()] = Number(row[1]);
    }
    return { graph, department };
  })();
  return emailCache;
}

/** A random simple graph (Erdős–Rényi with `p`), optionally directed and weighted. */
export function randomGraph(
  n: number,
  p: number,
  rng: Rng,
  { directed = false, weighted = false, loops = false } = {},
): AbstractGraph {
  const g: AbstractGraph = directed ? new DirectedGraph() : new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(`v${i}`);
  for (let i = 0; i < n; i++) {
    for (let j = directed ? 0 : i; j < n; j++) {
      if ((i === j && !loops) || rng() >= p) continue;
      g.addEdge(`v${i}`, `v${j}`, { weight: weighted ? 1 + Math.floor(rng() * 5) : 1 });
    }
  }
  return g;
}

/** Dense Q_γ straight from Newman's matrix formula (slow, obvious reference). */
export function denseModularity(
  graph: AbstractGraph,
  label: (node: string) => number,
  resolution = 1,
  directed = false,
): number {
  const nodes = graph.nodes();
  const A = new Map<string, number>();
  const key = (u: string, v: string) => `${u}\u0000${v}`;
  const add = (u: string, v: string, w: number) => A.set(key(u, v), (A.get(key(u, v)) ?? 0) + w);
  graph.forEachEdge((_e, attrs, u, v, _a, _b, undirected) => {
    const w = (attrs.weight as number | undefined) ?? 1;
    if (directed) {
      add(u, v, w);
      if (undirected && u !== v) add(v, u, w);
    } else if (u === v) add(u, u, 2 * w);
    else {
      add(u, v, w);
      add(v, u, w);
    }
  });
  const kOut = new Map<string, number>();
  const kIn = new Map<string, number>();
  let M = 0;
  for (const u of nodes) {
    for (const v of nodes) {
      const a = A.get(key(u, v)) ?? 0;
      kOut.set(u, (kOut.get(u) ?? 0) + a);
      kIn.set(v, (kIn.get(v) ?? 0) + a);
      M += a;
    }
  }
  if (M === 0) return 0;
  let q = 0;
  for (const u of nodes) {
    for (const v of nodes) {
      if (label(u) !== label(v)) continue;
      q += (A.get(key(u, v)) ?? 0) - (resolution * (kOut.get(u) as number) * (kIn.get(v) as number)) / M;
    }
  }
  return q / M;
}

/** Whether every community of `assignment` induces a connected subgraph (plain BFS). */
export function allConnected(graph: AbstractGraph, communities: readonly (readonly string[])[]): boolean {
  for (const members of communities) {
    const inside = new Set(members);
    const seen = new Set([members[0] as string]);
    const queue = [members[0] as string];
    while (queue.length > 0) {
      const u = queue.pop() as string;
      graph.forEachNeighbor(u, (v) => {
        if (inside.has(v) && !seen.has(v)) {
          seen.add(v);
          queue.push(v);
        }
      });
    }
    if (seen.size !== inside.size) return false;
  }
  return true;
}
