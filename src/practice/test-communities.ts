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
import { GraphError, PracticeGraphError } from '../errors.js';
import { optionChecker, resolveOptions } from '../options.js';
import { createRng, DEFAULT_SEED, deriveSeed, type Rng } from '../random.js';
import type { CommunityNullsData } from '../workers/community-nulls.js';
import { coreCount, runOnWorkers, type WorkersOption, workerScript } from '../workers/pool.js';
import { type CommunityQuality, type NullCommunities, nullCommunities, qualities } from './community-nulls.js';
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

function graphOf(keys: readonly string[], u: Int32Array, v: Int32Array, w: Float64Array): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const k of keys) g.addNode(k);
  for (let e = 0; e < u.length; e++) {
    g.addEdge(keys[u[e] as number] as string, keys[v[e] as number] as string, { weight: w[e] as number });
  }
  return g;
}

/** Pairs from which `workers: 'auto'` runs the null graphs on worker threads (see `testCommunitiesAsync`). */
export const WORKER_MIN_PAIRS = 50_000;

/**
 * Most workers `workers: 'auto'` starts: the chain that feeds them steps on one thread (at 100k people a
 * thinning pass costs about half a detector run), and each worker holds its own view of the graph.
 */
export const AUTO_MAX_WORKERS = 4;

/** Options of {@link testCommunitiesAsync}. */
export interface TestCommunitiesAsyncOptions extends TestCommunitiesOptions {
  /**
   * Worker threads for the null graphs: `'auto'` (default) uses every core (at most
   * {@link AUTO_MAX_WORKERS}) when the default detector runs on at least {@link WORKER_MIN_PAIRS} pairs, else
   * this thread; a number sets the count (0 = this thread).
   * The result is the same with any count.
   */
  workers?: WorkersOption;
}

/** Everything the test needs before the null graphs: the projection, the observed communities, the chain. */
interface Prepared {
  o: Omit<Required<TestCommunitiesOptions>, 'detect' | 'partition'>;
  detect: CommunityDetector | undefined;
  partition: PartitionLike | undefined;
  samples: number;
  keys: string[];
  w: Float64Array;
  observed: Map<string, CommunityQuality>;
  chain: UndirectedRewirer;
  /** Swaps between null graphs. */
  thin: number;
}

function prepare(graph: AbstractGraph, options: TestCommunitiesOptions): Prepared {
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
  const observedLabels: ReadonlyMap<string, number | string> | Record<string, number | string> = partition
    ? partitionMap(partition, MODULE)
    : detectOn({ keys, w, detect, resolution: o.resolution }, u, v, createRng(deriveSeed(o.seed, 'detect')));
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
  chain.step(Math.round(o.burnIn * u.length));
  const thin = Math.max(1, Math.round(o.thin * u.length));
  return { o, detect, partition, samples, keys, w, observed, chain, thin };
}

/** The detector on pairs: the default one on a compact view, a custom one on a graphology graph. */
function detectOn(
  p: Pick<Prepared, 'keys' | 'w' | 'detect'> & { resolution: number },
  u: Int32Array,
  v: Int32Array,
  rng: Rng,
): Record<string, number | string> {
  return p.detect
    ? p.detect(graphOf(p.keys, u, v, p.w), rng)
    : detectCommunities(pairsModularityGraph(p.keys, u, v, p.w), { rng, resolution: p.resolution }).assignment;
}

/** The seed of null graph `r`'s detector. */
function nullSeed(p: Prepared, r: number): number {
  return deriveSeed(p.o.seed, `detect-${r}`);
}

/** The null graphs on this thread, one after the other. */
function nullsHere(p: Prepared): NullCommunities[] {
  const out: NullCommunities[] = [];
  for (let r = 0; r < p.samples; r++) {
    if (r > 0) p.chain.step(p.thin);
    const rng = createRng(nullSeed(p, r));
    if (!p.detect) {
      out.push(nullCommunities(p.keys, p.chain.u, p.chain.v, p.w, p.o.resolution, rng));
      continue;
    }
    const labels = p.detect(graphOf(p.keys, p.chain.u, p.chain.v, p.w), rng);
    const size: number[] = [];
    const q: number[] = [];
    for (const x of qualities(p.chain.u, p.chain.v, p.w, p.keys.length, (i) => {
      const c = labels[p.keys[i] as string];
      return c === undefined ? undefined : String(c);
    }).values()) {
      size.push(x.size);
      q.push(x.q);
    }
    out.push({ size, q });
  }
  return out;
}

/** The null graphs on `workers` workers: the chain steps here, into shared slots; each worker detects. */
function nullsOnWorkers(p: Prepared, script: URL, workers: number): Promise<NullCommunities[]> {
  const m = p.chain.u.length;
  const slots = Array.from({ length: Math.min(workers, p.samples) + 1 }, () => ({
    u: new Int32Array(new SharedArrayBuffer(4 * m)),
    v: new Int32Array(new SharedArrayBuffer(4 * m)),
  }));
  const w = new Float64Array(new SharedArrayBuffer(8 * m));
  w.set(p.w);
  const data: CommunityNullsData = { keys: p.keys, w, resolution: p.o.resolution, slots };
  return runOnWorkers<NullCommunities>({
    script,
    data,
    workers,
    count: p.samples,
    prepare: (r, slot) => {
      if (r > 0) p.chain.step(p.thin);
      const s = slots[slot] as { u: Int32Array; v: Int32Array };
      s.u.set(p.chain.u);
      s.v.set(p.chain.v);
      return { seed: nullSeed(p, r) };
    },
  });
}

/** p-values of the observed communities against the null communities, BH, and the record. */
function conclude(p: Prepared, nulls: readonly NullCommunities[]): CommunityTests {
  const { o, keys, observed } = p;
  const nullSize: number[] = [];
  const nullQ: number[] = [];
  for (const x of nulls) {
    for (let j = 0; j < x.size.length; j++) {
      nullSize.push(x.size[j] as number);
      nullQ.push(x.q[j] as number);
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
      detector: p.detect === undefined || p.detect === louvainDetector ? 'detectCommunities' : 'custom',
      observed: p.partition ? 'given' : 'detected',
    },
    seed,
    communities,
    nullCommunities: N,
    bandwidth: round(h),
  };
}

/**
 * Detects communities and tests each against the communities the same detector finds in degree-preserving
 * null graphs (Kojaku & Masuda 2018), on this thread. {@link testCommunitiesAsync} gives the same result
 * with the null graphs on worker threads.
 *
 * @example
 * const result = testCommunities(graph, { samples: 100, seed: 1 });
 * result.communities.filter((c) => c.significant).length;
 */
export function testCommunities(graph: AbstractGraph, options: TestCommunitiesOptions = {}): CommunityTests {
  const p = prepare(graph, options);
  return conclude(p, nullsHere(p));
}

/**
 * {@link testCommunities} with the null graphs on worker threads: the rewiring chain steps on this thread
 * and each worker runs the default detector on a copy; every null graph has its own seed, so the result is
 * the same as `testCommunities`' for the same options, with any number of workers. Runs on this thread
 * with a custom `detect` (a function cannot be sent to a worker), with `workers: 0`, and with `'auto'` on
 * small graphs or where the built worker script is missing (the TypeScript sources).
 *
 * On the 100,000-person benchmark organisation (2.2 million pairs) one null graph takes about 37 s on the
 * calling thread of a full analysis, where the analysis' large heap makes each garbage collection slow, and
 * 4–6 s in a process of its own, as in a worker (docs/performance.md).
 *
 * @throws PracticeGraphError `WORKER_FAILED` when `workers` > 0 is asked for and the worker script is not
 *   next to the bundle, or when a worker fails
 * @example
 * const result = await testCommunitiesAsync(graph, { samples: 100, seed: 1 }); // same as testCommunities
 */
export async function testCommunitiesAsync(
  graph: AbstractGraph,
  options: TestCommunitiesAsyncOptions = {},
): Promise<CommunityTests> {
  const { workers = 'auto', ...rest } = options;
  if (workers !== 'auto') check.nonNegativeInt('workers', workers);
  const script = rest.detect ? null : workerScript('community-nulls', import.meta.url);
  if (!rest.detect && !script && workers !== 'auto' && workers > 0) {
    throw new PracticeGraphError(
      'WORKER_FAILED',
      'the worker script workers/community-nulls.js is not next to the bundle',
      {
        module: MODULE,
        got: import.meta.url,
        hint: "import the built package (npm run build), or pass `workers: 'auto'` or 0 to compute on this thread",
      },
    );
  }
  const p = prepare(graph, rest);
  const cores = Math.min(coreCount(), AUTO_MAX_WORKERS);
  const count = workers === 'auto' ? (p.chain.u.length >= WORKER_MIN_PAIRS && cores >= 2 ? cores : 0) : workers;
  const nulls = script && count > 0 ? await nullsOnWorkers(p, script, count) : nullsHere(p);
  return conclude(p, nulls);
}
