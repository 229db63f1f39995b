/**
 * Communities over time: detection on each time window's graph, then matching between consecutive windows
 * so that a community keeps its id while it lasts.
 *
 * Matching (after Greene, Doyle & Cunningham 2010, "Tracking the evolution of communities in dynamic social
 * networks"): a community S of window t matches a community F of window t−1 when their Jaccard index
 * |S ∩ F| / |S ∪ F| ≥ `threshold`. S *continues* F (keeps F's id) when each is the other's best match;
 * otherwise S gets a new id. Events per window:
 * - **birth**: S matches nothing in t−1 (every community of the first window is born);
 * - **death**: F of t−1 matches nothing in t;
 * - **merge**: S matches two or more communities of t−1 (`from`);
 * - **split**: F of t−1 is matched by two or more communities of t (`into`).
 * Each dynamic community reports its first and last window, its size at each appearance and its member
 * persistence: the mean share of members of one appearance still in it at the next. The emergence of a
 * community of practice shows as a birth followed by a long life with high persistence.
 *
 * Communities smaller than `minSize` (default 3: isolated pairs and singletons are not groups) are not
 * tracked. Windows are taken in the order given; window graphs come from `buildWindowGraphs` or `ingest`.
 *
 * @module
 */

import type { AbstractGraph } from 'graphology-types';
import { optionChecker } from '../options.js';
import { createRng, deriveSeed } from '../random.js';
import {
  type DetectCommunitiesOptions,
  type DetectCommunitiesParams,
  resolveDetectParams,
  runSeeds,
} from './detect.js';
import { compactModularity } from './modularity-graph.js';
import { canonicalize, compareKeys } from './partition.js';
import { finish, optimise, prepareDetection, resolveSeed, wantedLevel } from './run.js';

const MODULE = 'communities/over-time';
const check = optionChecker(MODULE);

/** A window graph, as `buildWindowGraphs` and `ingest` return them. */
export interface WindowGraphLike {
  index: number;
  start?: number;
  end?: number;
  graph: AbstractGraph;
}

/** Options of {@link trackCommunities}. */
export interface TrackCommunitiesOptions extends Omit<DetectCommunitiesOptions, 'level'> {
  /** Jaccard index needed to match two communities of consecutive windows, in (0, 1]. Default 0.3. */
  threshold?: number;
  /** Smallest community tracked. Default 3. */
  minSize?: number;
}

/** Defaults of the tracking-specific options. */
export const TRACK_COMMUNITIES_DEFAULTS = Object.freeze({ threshold: 0.3, minSize: 3 });

/** One window's tracked communities. */
export interface WindowCommunities {
  index: number;
  start: number | null;
  end: number | null;
  /** Q of the window's whole partition. */
  modularity: number;
  /** Tracked communities (size ≥ minSize), with their dynamic ids. */
  communities: { id: number; members: string[] }[];
}

/** A community followed across windows. */
export interface DynamicCommunity {
  id: number;
  /** Window indices of the first and last appearance. */
  first: number;
  last: number;
  /** Number of windows it appears in (consecutive by construction). */
  windows: number;
  /** Size at each appearance. */
  sizes: number[];
  /** Mean share of one appearance's members still in it at the next (`null` for a single appearance). */
  persistence: number | null;
  /** People in it at every appearance. */
  core: string[];
}

/** An event between window t−1 and window t (`window` = t's index). */
export type CommunityEvent =
  | { type: 'birth'; window: number; community: number }
  | { type: 'death'; window: number; community: number }
  | { type: 'merge'; window: number; community: number; from: number[] }
  | { type: 'split'; window: number; community: number; into: number[] };

/** Result of {@link trackCommunities}. */
export interface CommunityTracking {
  method: 'community-tracking';
  params: Omit<DetectCommunitiesParams, 'level'> & { threshold: number; minSize: number };
  seed: number | string | null;
  windows: WindowCommunities[];
  communities: DynamicCommunity[];
  events: CommunityEvent[];
}

interface Appearance {
  id: number;
  members: string[];
}

/**
 * Detects communities in each window and follows them across windows.
 *
 * @example
 * const { windows } = await buildWindowGraphs(readCsv('messages.csv'), { window: '30d' });
 * const tracking = trackCommunities(windows, { seed: 1 });
 * tracking.events.filter((e) => e.type === 'birth');
 */
export function trackCommunities(
  windows: readonly WindowGraphLike[],
  options: TrackCommunitiesOptions = {},
): CommunityTracking {
  if (!Array.isArray(windows)) check.fail('windows', 'an array of { index, graph }', windows);
  const base = resolveDetectParams({ ...options, level: 'final' }, MODULE);
  const threshold = check.probability('threshold', options.threshold ?? TRACK_COMMUNITIES_DEFAULTS.threshold);
  if (threshold === 0) check.fail('threshold', 'a number in (0, 1]', threshold);
  const minSize = check.positiveInt('minSize', options.minSize ?? TRACK_COMMUNITIES_DEFAULTS.minSize);
  const { seed, rng } = resolveSeed(options, MODULE);
  const seeds = runSeeds(seed === null ? null : deriveSeed(seed, 'windows'), rng, windows.length);

  const out: WindowCommunities[] = [];
  const events: CommunityEvent[] = [];
  const history = new Map<
    number,
    { first: number; last: number; sizes: number[]; kept: number[]; core: Set<string> }
  >();
  let previous: Appearance[] = [];
  let nextId = 0;
  windows.forEach((w, t) => {
    const prepared = prepareDetection(w.graph, base, MODULE);
    const r = createRng(seeds[t] as number);
    const raw = finish(prepared, optimise(prepared, r), wantedLevel('final'), r);
    const canonical = canonicalize(prepared.view.keys, raw.membership);
    const current = canonical.communities.filter((c) => c.length >= minSize);

    // Jaccard of every overlapping pair (previous × current)
    const where = new Map<string, number>();
    previous.forEach((p, k) => {
      for (const m of p.members) where.set(m, k);
    });
    const matches: { s: number; f: number; j: number }[] = [];
    current.forEach((members, s) => {
      const overlap = new Map<number, number>();
      for (const m of members) {
        const f = where.get(m);
        if (f !== undefined) overlap.set(f, (overlap.get(f) ?? 0) + 1);
      }
      for (const [f, x] of overlap) {
        const j = x / (members.length + (previous[f] as Appearance).members.length - x);
        if (j >= threshold) matches.push({ s, f, j });
      }
    });
    const preds = current.map(() => [] as { f: number; j: number }[]);
    const succs = previous.map(() => [] as { s: number; j: number }[]);
    for (const m of matches) {
      preds[m.s]?.push({ f: m.f, j: m.j });
      succs[m.f]?.push({ s: m.s, j: m.j });
    }
    const bestOf = <T extends { j: number }>(list: T[], key: (x: T) => number) =>
      list.reduce<T | null>((b, x) => (b === null || x.j > b.j || (x.j === b.j && key(x) < key(b)) ? x : b), null);
    const appearances: Appearance[] = current.map((members, s) => {
      const bp = bestOf(preds[s] as { f: number; j: number }[], (x) => x.f);
      const continues = bp !== null && bestOf(succs[bp.f] as { s: number; j: number }[], (x) => x.s)?.s === s;
      return { id: continues ? (previous[bp.f] as Appearance).id : -1, members };
    });
    for (const a of appearances) if (a.id < 0) a.id = nextId++;
    appearances.forEach((a, s) => {
      const ps = preds[s] as { f: number }[];
      if (ps.length === 0) events.push({ type: 'birth', window: w.index, community: a.id });
      if (ps.length >= 2) {
        const from = ps.map((p) => (previous[p.f] as Appearance).id).sort((x, y) => x - y);
        events.push({ type: 'merge', window: w.index, community: a.id, from });
      }
    });
    previous.forEach((p, f) => {
      const ss = succs[f] as { s: number }[];
      if (ss.length === 0) events.push({ type: 'death', window: w.index, community: p.id });
      if (ss.length >= 2) {
        const into = ss.map((x) => (appearances[x.s] as Appearance).id).sort((x, y) => x - y);
        events.push({ type: 'split', window: w.index, community: p.id, into });
      }
    });
    // histories
    const before = new Map(previous.map((p) => [p.id, new Set(p.members)]));
    for (const a of appearances) {
      const h = history.get(a.id);
      const prior = before.get(a.id);
      if (!h)
        history.set(a.id, {
          first: w.index,
          last: w.index,
          sizes: [a.members.length],
          kept: [],
          core: new Set(a.members),
        });
      else {
        h.last = w.index;
        h.sizes.push(a.members.length);
        const now = new Set(a.members);
        if (prior) h.kept.push([...prior].filter((m) => now.has(m)).length / prior.size);
        for (const m of h.core) if (!now.has(m)) h.core.delete(m);
      }
    }
    out.push({
      index: w.index,
      start: w.start ?? null,
      end: w.end ?? null,
      modularity: compactModularity(prepared.view, raw.membership, base.resolution),
      communities: appearances.map((a) => ({ id: a.id, members: a.members })),
    });
    previous = appearances;
  });

  const communities: DynamicCommunity[] = [...history.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([id, h]) => ({
      id,
      first: h.first,
      last: h.last,
      windows: h.sizes.length,
      sizes: h.sizes,
      persistence: h.kept.length === 0 ? null : h.kept.reduce((s, x) => s + x, 0) / h.kept.length,
      core: [...h.core].sort(compareKeys),
    }));
  const { level: _l, ...rest } = base;
  return {
    method: 'community-tracking',
    params: { ...rest, threshold, minSize },
    seed,
    windows: out,
    communities,
    events,
  };
}
