/**
 * Many node sets over one snapshot at once: which sets each node belongs to (CSR, sorted), and the internal
 * strength of every set for a given arc state in one pass over the arcs. This is what lets one rewired null
 * sample serve every group of an organisation: the cost per sample is one pass over the arcs, whatever the
 * number of groups.
 *
 * @module
 */

/** The sets a node belongs to, in compressed sparse rows. */
export class SetIndex {
  readonly count: number;
  readonly sizes: Int32Array;
  private readonly offsets: Int32Array;
  private readonly ids: Int32Array;

  /** `sets[k]` lists the member node indices of set k (any order; duplicates are ignored). */
  constructor(n: number, sets: readonly ArrayLike<number>[]) {
    this.count = sets.length;
    this.sizes = new Int32Array(sets.length);
    const per: number[][] = Array.from({ length: n }, () => []);
    sets.forEach((members, k) => {
      const seen = new Set<number>();
      for (let i = 0; i < members.length; i++) {
        const v = members[i] as number;
        if (seen.has(v)) continue;
        seen.add(v);
        (per[v] as number[]).push(k);
      }
      this.sizes[k] = seen.size;
    });
    this.offsets = new Int32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += (per[i] as number[]).length;
      this.offsets[i + 1] = total;
    }
    this.ids = new Int32Array(total);
    for (let i = 0; i < n; i++) this.ids.set(per[i] as number[], this.offsets[i] as number);
  }

  /**
   * Σ strengths of the arcs with both ends in each set: `out[k]` for set k (overwritten). One pass over the
   * arcs; per arc, a merge of the two nodes' sorted set lists.
   */
  internalStrengths(src: Int32Array, dst: Int32Array, weight: Float64Array, out: Float64Array): void {
    out.fill(0);
    const off = this.offsets;
    const ids = this.ids;
    for (let e = 0; e < src.length; e++) {
      const s = src[e] as number;
      let i = off[s] as number;
      const iEnd = off[s + 1] as number;
      if (i === iEnd) continue;
      const d = dst[e] as number;
      let j = off[d] as number;
      const jEnd = off[d + 1] as number;
      if (j === jEnd) continue;
      const w = weight[e] as number;
      while (i < iEnd && j < jEnd) {
        const a = ids[i] as number;
        const b = ids[j] as number;
        if (a === b) {
          out[a] = (out[a] as number) + w;
          i++;
          j++;
        } else if (a < b) i++;
        else j++;
      }
    }
  }
}

/** Reusable marks over node indices (a stamp per use, so clearing is O(1)). */
export class Marks {
  private readonly stamps: Int32Array;
  private current = 0;

  constructor(n: number) {
    this.stamps = new Int32Array(n);
  }

  /** Starts a new marking; every node is unmarked. */
  next(): void {
    this.current++;
    if (this.current === 0x7fffffff) {
      this.stamps.fill(0);
      this.current = 1;
    }
  }

  mark(i: number): void {
    this.stamps[i] = this.current;
  }

  has(i: number): boolean {
    return this.stamps[i] === this.current;
  }
}

/** Σ strengths of arcs inside `members` on CSR arcs (`outOffsets`, `dst`, `weight`); `marks` is scratch. */
export function internalStrength(
  members: ArrayLike<number>,
  outOffsets: Int32Array,
  dst: Int32Array,
  weight: Float64Array,
  marks: Marks,
): number {
  marks.next();
  for (let k = 0; k < members.length; k++) marks.mark(members[k] as number);
  let sum = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k] as number;
    for (let e = outOffsets[i] as number; e < (outOffsets[i + 1] as number); e++) {
      if (marks.has(dst[e] as number)) sum += weight[e] as number;
    }
  }
  return sum;
}
