/**
 * A deterministic layout of the interaction graph for drawings (the HTML report, GEXF `viz` positions).
 *
 * Start: each community gets a centre on a circle (radius growing with the number of communities) and its
 * members are scattered in a disc around it, drawn from the seeded generator; people without a community
 * sit in a ring outside. Then ForceAtlas2 (Jacomy et al. 2014, graphology-layout-forceatlas2) runs a fixed
 * number of iterations on the undirected projection (summed strengths) of the `maxNodes` most active people,
 * Barnes–Hut above 1,000 of them; the others keep their start, so the cost stays bounded on any graph.
 * ForceAtlas2 itself is deterministic, so the same graph, partition and seed give the same positions.
 *
 * Reference: Jacomy, M., Venturini, T., Heymann, S., Bastian, M. (2014). ForceAtlas2, a continuous graph
 * layout algorithm for handy network visualization designed for the Gephi software. PLoS ONE 9(6): e98679.
 * https://doi.org/10.1371/journal.pone.0098679
 *
 * @module
 */

import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { InteractionGraph } from '../graph/build.js';
import { optionChecker, resolveOptions } from '../options.js';
import { createRng, DEFAULT_SEED } from '../random.js';

const check = optionChecker('report/layout');

/** Options of {@link layoutGraph}. */
export interface LayoutOptions {
  seed?: number | string;
  /** ForceAtlas2 iterations. Default 150. */
  iterations?: number;
  /**
   * The force step runs on the `maxNodes` most active people (messages sent + received, then id); the others
   * keep their start position near their community. Default 2,000 (the HTML report draws at most 1,500).
   */
  maxNodes?: number;
}

/** Defaults of {@link LayoutOptions}. */
export const LAYOUT_DEFAULTS = Object.freeze({ seed: DEFAULT_SEED, iterations: 150, maxNodes: 2_000 });

/** Positions by person id, rounded to 0.01. */
export type Positions = Map<string, { x: number; y: number }>;

/**
 * Lays out the graph by community.
 *
 * @param community - person → community id (people absent go to an outer ring)
 */
export function layoutGraph(
  graph: InteractionGraph,
  community: (id: string) => number | null,
  options: LayoutOptions = {},
): Positions {
  const o = resolveOptions(LAYOUT_DEFAULTS, options);
  const iterations = check.nonNegativeInt('iterations', o.iterations);
  const maxNodes = check.nonNegativeInt('maxNodes', o.maxNodes);
  const rng = createRng(o.seed);
  const nodes = graph.nodes().sort();
  const byCommunity = new Map<number, number>();
  for (const id of nodes) {
    const c = community(id);
    if (c !== null) byCommunity.set(c, (byCommunity.get(c) ?? 0) + 1);
  }
  const ids = [...byCommunity.keys()].sort((a, b) => a - b);
  const k = ids.length;
  const ring = 10 * Math.sqrt(nodes.length) + 10;
  const centre = new Map<number, { x: number; y: number; r: number }>();
  ids.forEach((c, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, k);
    const r = k > 1 ? ring : 0;
    centre.set(c, { x: r * Math.cos(angle), y: r * Math.sin(angle), r: 4 * Math.sqrt(byCommunity.get(c) ?? 1) + 2 });
  });
  const start: Positions = new Map();
  for (const id of nodes) {
    const c = community(id);
    const at = c === null ? undefined : centre.get(c);
    const angle = 2 * Math.PI * rng();
    if (at) {
      const d = at.r * Math.sqrt(rng());
      start.set(id, { x: at.x + d * Math.cos(angle), y: at.y + d * Math.sin(angle) });
    } else {
      const d = ring * (1.4 + 0.2 * rng());
      start.set(id, { x: d * Math.cos(angle), y: d * Math.sin(angle) });
    }
  }
  // the force step on the most active people, on the undirected projection with summed strengths
  const activity = (id: string) => {
    const a = graph.getNodeAttributes(id);
    return (a.sent ?? 0) + (a.received ?? 0);
  };
  const chosen =
    nodes.length <= maxNodes
      ? nodes
      : [...nodes].sort((a, b) => activity(b) - activity(a) || (a < b ? -1 : 1)).slice(0, maxNodes);
  const u = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
  for (const id of chosen) u.addNode(id, { ...(start.get(id) as { x: number; y: number }) });
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t || !u.hasNode(s) || !u.hasNode(t)) return;
    if (u.hasEdge(s, t)) u.updateEdgeAttribute(s, t, 'weight', (w) => (w ?? 0) + a.weight);
    else u.addEdge(s, t, { weight: a.weight });
  });
  if (u.order > 1 && u.size > 0 && iterations > 0) {
    const settings = forceAtlas2.inferSettings(u);
    forceAtlas2.assign(u, {
      iterations,
      getEdgeWeight: 'weight',
      settings: { ...settings, barnesHutOptimize: u.order > 1000, edgeWeightInfluence: 0.5 },
    });
  }
  const out: Positions = new Map();
  for (const id of nodes) {
    const a = u.hasNode(id) ? u.getNodeAttributes(id) : (start.get(id) as { x: number; y: number });
    out.set(id, { x: Math.round(a.x * 100) / 100, y: Math.round(a.y * 100) / 100 });
  }
  return out;
}

/** A palette of 12 distinguishable colours (Tableau 10 plus two), by community rank; grey for none. */
export const COMMUNITY_COLORS: readonly string[] = Object.freeze([
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#86bcb6',
  '#d37295',
]);

/** Colour of a community id (`null` → grey). */
export function communityColor(id: number | null): string {
  return id === null ? '#c8c8c8' : (COMMUNITY_COLORS[id % COMMUNITY_COLORS.length] as string);
}
