/**
 * `testCommunities`: are detected communities more than what the detector would find in a random graph?
 *
 * A formal group is fixed in advance; a detected community was *chosen* by an optimiser, so comparing it with
 * random sets would flatter it: the optimiser finds good-looking communities even in random graphs (Guimerà,
 * Sales-Pardo & Amaral 2004). Kojaku & Masuda (2018)'s q–s test re-runs the detector on null graphs and compares
 * each detected community with the null communities *of similar size*:
 *
 * - quality of a community c (undirected projection, each connected pair counting once, or summed strengths
 *   with `getEdgeWeight`): its modularity term q_c = (1/W)·[w_c − K_c² / (4W)], with w_c the internal weight,
 *   K_c its total strength and W the total weight (Newman 2006);
 * - null graphs: degree-preserving rewiring of the undirected graph (double-edge swaps), one chain, `burnIn`·m
 *   swaps then `thin`·m between samples; the detector runs on each;
 * - p-value of a community of size s and quality q: null communities weighted by a Gaussian kernel in size,
 *   w_j = exp(−(s_j − s)² / (2h²)) with Scott's bandwidth h = 1.06·σ_s·N^(−1/5), and
 *   p = (1 + Σ_j w_j·[q_j ≥ q]) / (1 + Σ_j w_j): the observed community itself counts once, so p is never 0;
 * - Benjamini–Hochberg across the communities.
 *
 * The default detector is the library's seeded Louvain, `detectCommunities` (modularity at `resolution`, with
 * refinement and connectivity repair), on the undirected projection; on the null graphs it runs on a compact
 * view of the rewired pairs, so no graphology graph is built per sample. Pass `partition` to test communities
 * found elsewhere (e.g. the consensus of a `communityEnsemble`, as the report does) against what the detector
 * finds in the null graphs, and `detect` to test what another detector finds.
 *
 * @module
 */

import { UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { detectCommunities } from '../communities/detect.js';
import { pairsModularityGraph } from '../communities/modularity-graph.js';
import { type PartitionLike, partitionMap } from '../communities/partition.js';
import { GraphError } from '../errors.js';
import { optionChecker, resolveOptions } from '../options.js';
import { createRng, DEFAULT_SEED, deriveSeed, type Rng } from '../random.js';
import { UndirectedRewirer } from './rewire.js';
import { benjaminiHochberg, round } from './stats.js';
import { undirectedPairs } from './structure-measures.js';

const MODULE = 'practice/test-communities';
const check = optionChecker(MODULE);

/** A community detector: node → community label. */
export type CommunityDetector = (graph: AbstractGraph, rng: Rng) => Record<string, number | string>;

/** Options of {@link testCommunities}. */
export interface TestCommunitiesOptions {
  /** Null graphs the detector is re-run on. Default 100. */
  samples?: number;
  seed?: number | string;
  /** Edge attribute read as strength; `null` (default) counts each connected pair once. */
  getEdgeWeight?: string | null;
  /** Attempted swaps per edge before the first null graph and between null graphs. Default 10 and 1. */
  burnIn?: number;
  thin?: number;
  /** Significance level of the BH q-values. Default 0.05. */
  alpha?: number;
  /** The detector (default: `detectCommunities`, seeded, at `resolution`). */
  detect?: CommunityDetector;
  /** Resolution γ of the default detector. Default 1. */
  resolution?: number;
  /**
   * The communities to test (person → community, or a result with an `assignment`); default: what the
   * detector finds on the graph. People of the graph missing from it are in no community.
   */
  partition?: PartitionLike;
  /** Communities smaller than this are reported but not tested. Default 3. */
  minSize?: number;
}

/** Defaults of {@link TestCommunitiesOptions}. */
export const TEST_COMMUNITIES_DEFAULTS = Object.freeze({
  samples: 100,
  seed: DEFAULT_SEED as number | string,
  getEdgeWeight: null as string | null,
  burnIn: 10,
  thin: 1,
  alpha: 0.05,
  minSize: 3,
  resolution: 1,
});

/** One detected community and its test. */
export interface CommunityTest {
  /** Label given by the detector. */
  community: string;
  size: number;
  /** Members, sorted. */
  members: string[];
  /** Modularity term q_c. */
  quality: number;
  /** Kernel-weighted null communities of similar size with quality ≥ q_c, over all of similar size. */
  p: number | null;
  q: number | null;
  significant: boolean | null;
}

/** Result of {@link testCommunities}. */
export interface CommunityTests {
  method: 'kojaku-masuda-qs';
  params: Omit<Required<TestCommunitiesOptions>, 'detect' | 'seed' | 'partition'> & {
    detector: string;
    /** Whether the tested communities were given (`partition`) or found by the detector on the graph. */
    observed: 'given' | 'detected';
  };
  seed: number | string;
  /** By size (descending), then label. */
  communities: CommunityTest[];
  /** Null communities found over all null graphs, and the kernel bandwidth in size. */
  nullCommunities: number;
  bandwidth: number;
}

/** The default detector: `detectCommunities` (seeded Louvain, γ = 1) with the given rng. */
export const louvainDetector: CommunityDetector = (graph, rng) =>
  detectCommunities(graph, { rng, getEdgeWeight: 'weight' }).assignment;

/** (size, quality) of every community of `assignment` over undirected weighted pairs. */
function qualities(
  u: Int32Array,
  v: Int32Array,
  w: Float64Array,
  n: number,
  label: (i: number) => string | undefined,
): Map<string, { size: number; q: number; members: number[] }> {
  const strength = new Float64Array(n);
  let W = 0;
  for (let e = 0; e < u.length; e++) {
    strength[u[e] as number] = (strength[u[e] as number] as number) + (w[e] as number);
    strength[v[e] as number] = (strength[v[e] as number] as number) + (w[e] as number);
    W += w[e] as number;
  }
  const out = new Map<string, { size: number; q: number; members: number[]; internal: number; K: number }>();
  for (let i = 0; i < n; i++) {
    const c = label(i);
    if (c === undefined) continue;
    let x = out.get(c);
    if (!x) {
      x = { size: 0, q: 0, members: [], internal: 0, K: 0 };
      out.set(c, x);
    }
    x.size++;
    x.members.push(i);
    x.K += strength[i] as number;
  }
  for (let e = 0; e < u.length; e++) {
    const a = label(u[e] as number);
    if (a !== undefined && a === label(v[e] as number)) (out.get(a) as { internal: number }).internal += w[e] as number;
  }
  for (const x of out.values()) x.q = W > 0 ? (x.internal - (x.K * x.K) / (4 * W)) / W : 0;
  return out;
}

function graphOf(keys: readonly string[], u: Int32Array, v: Int32Array, w: Float64Array): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const k of keys) g.addNode(k);
  for (let e = 0; e < u.length; e++) {
    g.addEdge(keys[u[e] as number] as string, keys[v[e] as number] as string, { weight: w[e] as number });
  }
  return g;
}

/**
 * Detects communities and tests each against the communities the same detector finds in degree-preserving
 * null graphs (Kojaku & Masuda 2018).
 *
 * @example
 * const result = testCommunities(graph, { samples: 100, seed: 1 });
 * result.communities.filter((c) => c.significant).length;
 */
export function testCommunities(graph: AbstractGraph, options: TestCommunitiesOptions = {}): CommunityTests {
  const { detect, partition, ...rest } = options;
  const o = resolveOptions(TEST_COMMUNITIES_DEFAULTS, rest);
  check.nonNegative('resolution', o.resolution);
  const samples = check.positiveInt('samples', o.samples);
  check.nonNegative('burnIn', o.burnIn);
  check.nonNegative('thin', o.thin);
  check.positiveInt('minSize', o.minSize);
  if (!(o.alpha > 0 && o.alpha < 1)) check.fail('alpha', 'a number in (0, 1)', o.alpha);
  if (graph.order === 0) {
    throw new GraphError('EMPTY_GRAPH', 'the graph has no node', { module: MODULE, hint: 'ingest a log first' });
  }
  const keys = graph.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  // undirected simple projection; strengths summed when weighted
  const src: number[] = [];
  const dst: number[] = [];
  const wt = new Map<number, number>();
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t) return;
    const x = index.get(s) as number;
    const y = index.get(t) as number;
    src.push(x);
    dst.push(y);
    const key = Math.min(x, y) * keys.length + Math.max(x, y);
    const value =
      o.getEdgeWeight === null ? 1 : typeof a[o.getEdgeWeight] === 'number' ? (a[o.getEdgeWeight] as number) : 1;
    wt.set(key, o.getEdgeWeight === null ? 1 : (wt.get(key) ?? 0) + value);
  });
  const { u, v } = undirectedPairs(src, dst);
  const w = Float64Array.from(u, (a, e) => wt.get(a * keys.length + (v[e] as number)) ?? 1);
  // the detector: the default one on compact views of the pairs, a custom one on graphology graphs
  const run = (pu: Int32Array, pv: Int32Array, rng: Rng): Record<string, number | string> =>
    detect
      ? detect(graphOf(keys, pu, pv, w), rng)
      : detectCommunities(pairsModularityGraph(keys, pu, pv, w), { rng, resolution: o.resolution }).assignment;
  const observedLabels: ReadonlyMap<string, number | string> | Record<string, number | string> = partition
    ? partitionMap(partition, MODULE)
    : run(u, v, createRng(deriveSeed(o.seed, 'detect')));
  const labelOf =
    observedLabels instanceof Map
      ? (k: string) => observedLabels.get(k)
      : (k: string) => (observedLabels as Record<string, number | string>)[k];
  const observed = qualities(u, v, w, keys.length, (i) => {
    const c = labelOf(keys[i] as string);
    return c === undefined ? undefined : String(c);
  });

  // null graphs: rewire the projection (weights stay with their edge slot), re-detect, collect (size, q)
  const chain = new UndirectedRewirer(u, v, createRng(deriveSeed(o.seed, 'rewiring')));
  const m = u.length;
  chain.step(Math.round(o.burnIn * m));
  const nullSize: number[] = [];
  const nullQ: number[] = [];
  for (let r = 0; r < samples; r++) {
    if (r > 0) chain.step(Math.max(1, Math.round(o.thin * m)));
    const labels = run(chain.u, chain.v, createRng(deriveSeed(o.seed, `detect-${r}`)));
    for (const x of qualities(chain.u, chain.v, w, keys.length, (i) => {
      const c = labels[keys[i] as string];
      return c === undefined ? undefined : String(c);
    }).values()) {
      nullSize.push(x.size);
      nullQ.push(x.q);
    }
  }
  const N = nullSize.length;
  const meanS = nullSize.reduce((s, x) => s + x, 0) / Math.max(1, N);
  const sdS = Math.sqrt(nullSize.reduce((s, x) => s + (x - meanS) ** 2, 0) / Math.max(1, N - 1));
  const h = Math.max(1, 1.06 * sdS * N ** -0.2);

  const rows = [...observed.entries()].map(([community, x]) => {
    const members = x.members.map((i) => keys[i] as string).sort();
    if (x.size < o.minSize) return { community, size: x.size, members, quality: round(x.q), p: null as number | null };
    let num = 1;
    let den = 1;
    for (let j = 0; j < N; j++) {
      const k = Math.exp(-(((nullSize[j] as number) - x.size) ** 2) / (2 * h * h));
      den += k;
      if ((nullQ[j] as number) >= x.q - 1e-12) num += k;
    }
    return { community, size: x.size, members, quality: round(x.q), p: round(num / den) };
  });
  const qs = benjaminiHochberg(rows.map((r) => (r.p === null ? Number.NaN : r.p)));
  const communities: CommunityTest[] = rows.map((r, i) => {
    const q = r.p === null ? null : round(qs[i] as number);
    return { ...r, q, significant: q === null ? null : q < o.alpha };
  });
  communities.sort((a, b) => b.size - a.size || (a.community < b.community ? -1 : a.community > b.community ? 1 : 0));
  const { seed, ...params } = o;
  return {
    method: 'kojaku-masuda-qs',
    params: {
      ...params,
      detector: detect === undefined || detect === louvainDetector ? 'detectCommunities' : 'custom',
      observed: partition ? 'given' : 'detected',
    },
    seed,
    communities,
    nullCommunities: N,
    bandwidth: round(h),
  };
}
