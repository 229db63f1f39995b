/**
 * How well each formal group (team, department, guild) coincides with one detected community.
 *
 * For a group G and the communities C of a partition, the best match is the community with the largest
 * Jaccard index J(G, C) = |G ∩ C| / |G ∪ C| (ties: the smaller id). On its own a Jaccard of 0.3 says little,
 * so each group also gets the **expected best-match Jaccard of a random set of the same size**: E[max_C
 * J(R, C)] for R drawn uniformly without replacement from the people of the partition, estimated from
 * `samples` seeded draws. `ratio` = observed / expected: a group that is a community stands far above 1,
 * a label on random people stays near 1.
 *
 * Members absent from the partition (e.g. people who sent no message) are counted in `missing` and left out.
 *
 * @module
 */

import { optionChecker, resolveOptions } from '../options.js';
import { createRng, DEFAULT_SEED } from '../random.js';
import { compareKeys, type PartitionLike, partitionMap } from './partition.js';

const MODULE = 'communities/match';
const check = optionChecker(MODULE);

/** Formal groups: name → members (groups may overlap), or a partition person → group. */
export type GroupsLike =
  | Readonly<Record<string, readonly string[]>>
  | ReadonlyMap<string, readonly string[]>
  | PartitionLike;

/** Options of {@link matchGroups}. */
export interface MatchGroupsOptions {
  /** Random sets drawn per group for the expected Jaccard. Default 200. */
  samples?: number;
  /** Seed of the random sets. Default {@link DEFAULT_SEED}. */
  seed?: number | string;
}

/** Defaults of {@link MatchGroupsOptions}. */
export const MATCH_GROUPS_DEFAULTS = Object.freeze({ samples: 200, seed: DEFAULT_SEED as number | string });

/** The best match of one group. */
export interface GroupMatch {
  group: string;
  /** Members found in the partition. */
  size: number;
  /** Members absent from the partition. */
  missing: number;
  /** Label of the best-matching community (`null` for an empty group). */
  community: number | string | null;
  overlap: number;
  jaccard: number;
  /** Expected best-match Jaccard of a random set of `size` people. */
  expectedJaccard: number;
  /** jaccard / expectedJaccard (`null` when the expectation is 0). */
  ratio: number | null;
}

/** Result of {@link matchGroups}. */
export interface GroupMatches {
  method: 'group-match';
  params: { samples: number };
  seed: number | string;
  /** One line per group, by group name. */
  groups: GroupMatch[];
  /** Mean Jaccard and mean expected Jaccard over the non-empty groups. */
  meanJaccard: number;
  meanExpectedJaccard: number;
}

function groupsOf(groups: GroupsLike): Map<string, string[]> {
  const entries: [string, unknown][] =
    groups instanceof Map ? [...groups.entries()] : Object.entries(groups as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([, v]) => Array.isArray(v))) {
    return new Map(entries.map(([name, members]) => [name, [...new Set(members as string[])]]));
  }
  const out = new Map<string, string[]>();
  for (const [person, label] of partitionMap(groups as PartitionLike, MODULE, 'groups')) {
    const name = String(label);
    const list = out.get(name);
    if (list) list.push(person);
    else out.set(name, [person]);
  }
  return out;
}

/**
 * Best-match Jaccard of each formal group against a partition, next to the expectation for a random set.
 *
 * @example
 * matchGroups({ guild: ['ada', 'bob', 'cy'] }, detectCommunities(graph)).groups[0];
 * // { group: 'guild', jaccard: 0.75, expectedJaccard: 0.04, ratio: 18.7, ... }
 */
export function matchGroups(
  groups: GroupsLike,
  partition: PartitionLike,
  options: MatchGroupsOptions = {},
): GroupMatches {
  const o = resolveOptions(MATCH_GROUPS_DEFAULTS, options);
  const samples = check.positiveInt('samples', o.samples);
  const seed = o.seed;
  if (typeof seed !== 'string' && !Number.isFinite(seed)) check.fail('seed', 'a finite number or a string', seed);
  const map = partitionMap(partition, MODULE);
  const people = [...map.keys()];
  const labelIds = new Map<number | string, number>();
  const labels: (number | string)[] = [];
  const community = new Int32Array(people.length);
  people.forEach((p, i) => {
    const label = map.get(p) as number | string;
    let id = labelIds.get(label);
    if (id === undefined) {
      id = labels.length;
      labelIds.set(label, id);
      labels.push(label);
    }
    community[i] = id;
  });
  const sizes = new Int32Array(labels.length);
  for (const c of community) sizes[c] = (sizes[c] as number) + 1;
  const index = new Map(people.map((p, i) => [p, i]));
  const rng = createRng(seed);
  const pool = Int32Array.from({ length: people.length }, (_, i) => i);

  /** Best (id, overlap, J) of a set of person indices. */
  const best = (set: ArrayLike<number>, s: number) => {
    const overlap = new Map<number, number>();
    for (let k = 0; k < s; k++) {
      const c = community[set[k] as number] as number;
      overlap.set(c, (overlap.get(c) ?? 0) + 1);
    }
    let id = -1;
    let x = 0;
    let j = 0;
    for (const [c, o] of overlap) {
      const jac = o / (s + (sizes[c] as number) - o);
      if (jac > j || (jac === j && id >= 0 && compareKeys(String(labels[c]), String(labels[id])) < 0)) {
        id = c;
        x = o;
        j = jac;
      }
    }
    return { id, overlap: x, jaccard: j };
  };

  const out: GroupMatch[] = [];
  const named = [...groupsOf(groups).entries()].sort((a, b) => compareKeys(a[0], b[0]));
  for (const [name, members] of named) {
    const found: number[] = [];
    for (const m of members) {
      const i = index.get(m);
      if (i !== undefined) found.push(i);
    }
    const s = found.length;
    const missing = members.length - s;
    if (s === 0) {
      out.push({
        group: name,
        size: 0,
        missing,
        community: null,
        overlap: 0,
        jaccard: 0,
        expectedJaccard: 0,
        ratio: null,
      });
      continue;
    }
    const observed = best(found, s);
    let expected = 0;
    for (let t = 0; t < samples; t++) {
      // partial Fisher–Yates: the first s entries of `pool` become a uniform random s-subset
      for (let k = 0; k < s; k++) {
        const r = k + Math.floor(rng() * (pool.length - k));
        const tmp = pool[k] as number;
        pool[k] = pool[r] as number;
        pool[r] = tmp;
      }
      expected += best(pool, s).jaccard;
    }
    expected /= samples;
    out.push({
      group: name,
      size: s,
      missing,
      community: labels[observed.id] as number | string,
      overlap: observed.overlap,
      jaccard: observed.jaccard,
      expectedJaccard: expected,
      ratio: expected > 0 ? observed.jaccard / expected : null,
    });
  }
  const nonEmpty = out.filter((g) => g.size > 0);
  const mean = (f: (g: GroupMatch) => number) =>
    nonEmpty.length === 0 ? 0 : nonEmpty.reduce((a, g) => a + f(g), 0) / nonEmpty.length;
  return {
    method: 'group-match',
    params: { samples },
    seed,
    groups: out,
    meanJaccard: mean((g) => g.jaccard),
    meanExpectedJaccard: mean((g) => g.expectedJaccard),
  };
}
