/**
 * Community profiles: what each community of a partition looks like in the graph and in the roster.
 *
 * On the undirected projection with summed strengths (w_uv = w(u→v) + w(v→u)), for a community S with
 * volume vol(S) = Σ_{i∈S} k_i and total volume 2m:
 *
 * - internal strength  W_in  = Σ_{u<v ∈ S} w_uv (+ self-loops);  external strength W_out = Σ_{u∈S, v∉S} w_uv
 * - density = internal ties / (|S|(|S|−1)/2) (unweighted pairs; 0 for |S| < 2)
 * - conductance φ(S) = W_out / min(vol(S), 2m − vol(S)) (Kannan, Vempala & Vetta 2004); 0 when that minimum
 *   is 0 (then nothing leaves S)
 * - modularity term  q_S = W_in/m − γ (vol(S)/2m)²: Σ_S q_S = Q
 * - top members by internal strength (strength to the rest of S), ties broken by key
 * - composition by roster attribute (node attributes such as `department`): count and share per value,
 *   largest first; people without the attribute are counted under `null`.
 *
 * @module
 */

import type { AbstractGraph } from 'graphology-types';
import { optionChecker, resolveOptions } from '../options.js';
import { modularityGraph } from './modularity-graph.js';
import { compareKeys, type PartitionLike, partitionMap } from './partition.js';

const MODULE = 'communities/profile';
const check = optionChecker(MODULE);

/** Options of {@link profileCommunities}. */
export interface ProfileCommunitiesOptions {
  /** Edge attribute read as strength; `null` = unweighted. Default `'weight'`. */
  getEdgeWeight?: string | null;
  /** γ of the modularity terms. Default 1. */
  resolution?: number;
  /** Top members listed per community. Default 5. */
  top?: number;
  /** Node (roster) attributes to break each community down by, e.g. `['department']`. Default none. */
  attributes?: readonly string[];
}

/** Defaults of {@link ProfileCommunitiesOptions}. */
export const PROFILE_COMMUNITIES_DEFAULTS = Object.freeze({
  getEdgeWeight: 'weight' as string | null,
  resolution: 1,
  top: 5,
  attributes: Object.freeze([]) as readonly string[],
});

/** One value of a roster attribute inside a community. */
export interface CompositionEntry {
  value: string | number | boolean | null;
  count: number;
  share: number;
}

/** Profile of one community. */
export interface CommunityProfile {
  /** The community's label in the partition. */
  id: number | string;
  size: number;
  internalStrength: number;
  externalStrength: number;
  /** Σ strengths of the members. */
  volume: number;
  internalTies: number;
  density: number;
  conductance: number;
  modularityTerm: number;
  topMembers: { person: string; internalStrength: number }[];
  composition: Record<string, CompositionEntry[]>;
}

/** Result of {@link profileCommunities}. */
export interface CommunityProfiles {
  method: 'community-profiles';
  params: { getEdgeWeight: string | null; resolution: number; top: number; attributes: string[] };
  /** Profiles; numeric ids ascending, otherwise by size descending then label. */
  communities: CommunityProfile[];
  /** Σ of the modularity terms (people outside the partition count as singletons). */
  modularity: number;
  /** People of the graph absent from the partition (left out of every profile). */
  unassigned: number;
}

/**
 * Profiles every community of a partition.
 *
 * @example
 * const profiles = profileCommunities(graph, detectCommunities(graph), { attributes: ['department'] });
 * profiles.communities[0].composition.department; // [{ value: 'R&D', count: 12, share: 0.6 }, ...]
 */
export function profileCommunities(
  graph: AbstractGraph,
  partition: PartitionLike,
  options: ProfileCommunitiesOptions = {},
): CommunityProfiles {
  const o = resolveOptions(PROFILE_COMMUNITIES_DEFAULTS, options);
  if (o.getEdgeWeight !== null) check.string('getEdgeWeight', o.getEdgeWeight);
  const resolution = check.nonNegative('resolution', o.resolution);
  const top = check.nonNegativeInt('top', o.top);
  if (!Array.isArray(o.attributes)) check.fail('attributes', 'an array of attribute names', o.attributes);
  const attributes = o.attributes.map((a, i) => check.string(`attributes[${i}]`, a));
  const map = partitionMap(partition, MODULE);
  const view = modularityGraph(graph, { getEdgeWeight: o.getEdgeWeight });
  const { n, keys, offsets, targets, weights, selfLoop, kOut, total } = view;

  // dense ids; unassigned people become singletons (-1 - i) for the modularity sum only
  const labels: (number | string)[] = [];
  const ids = new Map<number | string, number>();
  const membership = new Int32Array(n);
  let unassigned = 0;
  for (let i = 0; i < n; i++) {
    const label = map.get(keys[i] as string);
    if (label === undefined) {
      membership[i] = -1;
      unassigned++;
      continue;
    }
    let id = ids.get(label);
    if (id === undefined) {
      id = labels.length;
      ids.set(label, id);
      labels.push(label);
    }
    membership[i] = id;
  }
  const C = labels.length;
  const size = new Int32Array(C);
  const wIn = new Float64Array(C);
  const wOut = new Float64Array(C);
  const vol = new Float64Array(C);
  const ties = new Float64Array(C);
  const memberStrength = new Float64Array(n);
  const members: number[][] = Array.from({ length: C }, () => []);
  let singletonTerms = 0;
  const m = total / 2;
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    if (c < 0) {
      if (total > 0)
        singletonTerms += (selfLoop[i] as number) / 2 / m - resolution * ((kOut[i] as number) / total) ** 2;
      continue;
    }
    size[c] = (size[c] as number) + 1;
    members[c]?.push(i);
    vol[c] = (vol[c] as number) + (kOut[i] as number);
    wIn[c] = (wIn[c] as number) + (selfLoop[i] as number) / 2;
    memberStrength[i] = (selfLoop[i] as number) / 2;
    for (let e = offsets[i] as number; e < (offsets[i + 1] as number); e++) {
      const j = targets[e] as number;
      const w = weights[e] as number;
      if (membership[j] === c) {
        memberStrength[i] = (memberStrength[i] as number) + w;
        if (j > i) {
          wIn[c] = (wIn[c] as number) + w;
          ties[c] = (ties[c] as number) + 1;
        }
      } else wOut[c] = (wOut[c] as number) + w;
    }
  }

  const profiles: CommunityProfile[] = [];
  let q = singletonTerms;
  for (let c = 0; c < C; c++) {
    const s = size[c] as number;
    const list = members[c] as number[];
    const minVol = Math.min(vol[c] as number, total - (vol[c] as number));
    const term = total === 0 ? 0 : (wIn[c] as number) / m - resolution * ((vol[c] as number) / total) ** 2;
    q += term;
    const ranked = list
      .map((i) => ({ person: keys[i] as string, internalStrength: memberStrength[i] as number }))
      .sort((a, b) => b.internalStrength - a.internalStrength || compareKeys(a.person, b.person))
      .slice(0, top);
    const composition: Record<string, CompositionEntry[]> = {};
    for (const attr of attributes) {
      const counts = new Map<string | number | boolean | null, number>();
      for (const i of list) {
        const raw = graph.getNodeAttribute(keys[i] as string, attr) as unknown;
        const value =
          typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
            ? raw
            : raw == null
              ? null
              : String(raw);
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      composition[attr] = [...counts]
        .map(([value, count]) => ({ value, count, share: count / s }))
        .sort((a, b) => b.count - a.count || compareKeys(String(a.value), String(b.value)));
    }
    profiles.push({
      id: labels[c] as number | string,
      size: s,
      internalStrength: wIn[c] as number,
      externalStrength: wOut[c] as number,
      volume: vol[c] as number,
      internalTies: ties[c] as number,
      density: s < 2 ? 0 : (ties[c] as number) / ((s * (s - 1)) / 2),
      conductance: minVol > 0 ? (wOut[c] as number) / minVol : 0,
      modularityTerm: term,
      topMembers: ranked,
      composition,
    });
  }
  const numeric = labels.every((l) => typeof l === 'number');
  profiles.sort((a, b) =>
    numeric ? (a.id as number) - (b.id as number) : b.size - a.size || compareKeys(String(a.id), String(b.id)),
  );
  return {
    method: 'community-profiles',
    params: { getEdgeWeight: o.getEdgeWeight, resolution, top, attributes },
    communities: profiles,
    modularity: q,
    unassigned,
  };
}
