/**
 * Partition helpers shared by the communities stage: the canonical numbering of communities (by size
 * descending, then smallest member), the key order used for "smallest", and conversion of the partition
 * shapes users hand in.
 *
 * @module
 */

import { GraphError } from '../errors.js';

/** A partition: node → community label, or any result that carries such an `assignment`. */
export type PartitionLike =
  | Readonly<Record<string, number | string>>
  | ReadonlyMap<string, number | string>
  | { readonly assignment: Readonly<Record<string, number>> };

/**
 * Total order on node keys used for "smallest member": keys that are both plain non-negative integers
 * compare numerically ('9' < '10'), everything else by UTF-16 code units (the same in every runtime).
 */
export function compareKeys(a: string, b: string): number {
  const da = /^(0|[1-9]\d*)$/.test(a);
  const db = /^(0|[1-9]\d*)$/.test(b);
  if (da && db && a.length !== b.length) return a.length - b.length;
  if (da !== db) return da ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonical numbering: ids 0…C−1 by size descending, then smallest member ({@link compareKeys}). */
export interface CanonicalPartition {
  /** Community id of node i (same order as `keys`). */
  membership: Int32Array;
  /** Members of each community, sorted with {@link compareKeys}. */
  communities: string[][];
}

/** Renumbers `membership` (any non-negative labels, one per key) canonically. */
export function canonicalize(keys: readonly string[], membership: ArrayLike<number>): CanonicalPartition {
  const groups = new Map<number, string[]>();
  const index = new Map<number, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const c = membership[i] as number;
    let g = groups.get(c);
    if (!g) {
      g = [];
      groups.set(c, g);
      index.set(c, []);
    }
    g.push(keys[i] as string);
    index.get(c)?.push(i);
  }
  const labels = [...groups.keys()];
  for (const c of labels) groups.get(c)?.sort(compareKeys);
  labels.sort((x, y) => {
    const gx = groups.get(x) as string[];
    const gy = groups.get(y) as string[];
    return gy.length - gx.length || compareKeys(gx[0] as string, gy[0] as string);
  });
  const out = new Int32Array(keys.length);
  const communities: string[][] = [];
  labels.forEach((c, id) => {
    communities.push(groups.get(c) as string[]);
    for (const i of index.get(c) as number[]) out[i] = id;
  });
  return { membership: out, communities };
}

/** Node → id record of a canonical partition. */
export function assignmentOf(keys: readonly string[], membership: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < keys.length; i++) out[keys[i] as string] = membership[i] as number;
  return out;
}

/** Reads any {@link PartitionLike} into a Map node → label, checking the labels. */
export function partitionMap(
  partition: PartitionLike,
  module: string,
  name = 'partition',
): Map<string, number | string> {
  let entries: Iterable<[string, number | string]>;
  if (partition instanceof Map) entries = partition.entries();
  else if (
    typeof partition === 'object' &&
    partition !== null &&
    'assignment' in partition &&
    typeof partition.assignment === 'object'
  )
    entries = Object.entries(partition.assignment as Record<string, number>);
  else if (typeof partition === 'object' && partition !== null)
    entries = Object.entries(partition as Record<string, number | string>);
  else
    throw new GraphError('NOT_A_PARTITION', `\`${name}\` must be an object node → community`, {
      module,
      got: partition,
    });
  const out = new Map<string, number | string>();
  for (const [node, label] of entries) {
    if ((typeof label !== 'number' || !Number.isFinite(label)) && typeof label !== 'string') {
      throw new GraphError('NOT_A_PARTITION', `\`${name}\` gives node "${node}" no valid community label`, {
        module,
        got: label,
        hint: 'labels must be finite numbers or strings',
      });
    }
    out.set(node, label);
  }
  return out;
}

/** Integer labels 0…C−1 (first appearance order) for a list of arbitrary labels. */
export function labelIndex(labels: Iterable<number | string>): { ids: Int32Array; count: number } {
  const map = new Map<number | string, number>();
  const ids: number[] = [];
  for (const l of labels) {
    let id = map.get(l);
    if (id === undefined) {
      id = map.size;
      map.set(l, id);
    }
    ids.push(id);
  }
  return { ids: Int32Array.from(ids), count: map.size };
}
