/**
 * Stability of a reference partition against a set of runs: for each reference community, its best match
 * in every run (largest overlap; ties to the smaller run id); a person is stable in a run when the run puts
 * them in that best match. Person stability = share of runs; community stability = mean over members, and
 * the mean Jaccard index with the best match.
 *
 * @module
 */

/** Stability of one consensus community. */
export interface CommunityStability {
  id: number;
  size: number;
  /** Mean stability of its members. */
  stability: number;
  /** Mean Jaccard index with its best-matching community in each run. */
  jaccard: number;
}

/** Number of communities of a dense membership (max id + 1). */
export function countOf(membership: Int32Array): number {
  let max = -1;
  for (const c of membership) if (c > max) max = c;
  return max + 1;
}

/** Person and community stability of `reference` (canonical ids 0…C−1) against runs. */
export function stabilityOf(
  reference: Int32Array,
  C: number,
  runs: readonly Int32Array[],
): { people: number[]; communities: CommunityStability[] } {
  const n = reference.length;
  const size = new Int32Array(C);
  for (const c of reference) size[c] = (size[c] as number) + 1;
  const stable = new Float64Array(n);
  const jaccard = new Float64Array(C);
  for (const m of runs) {
    const runCount = countOf(m);
    const runSize = new Int32Array(runCount);
    for (const c of m) runSize[c] = (runSize[c] as number) + 1;
    const overlap = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = (reference[i] as number) * runCount + (m[i] as number);
      overlap.set(key, (overlap.get(key) ?? 0) + 1);
    }
    const best = new Int32Array(C).fill(-1);
    const bestOverlap = new Int32Array(C);
    for (const [key, x] of overlap) {
      const k = Math.floor(key / runCount);
      const b = key - k * runCount;
      if (x > (bestOverlap[k] as number) || (x === bestOverlap[k] && b < (best[k] as number))) {
        best[k] = b;
        bestOverlap[k] = x;
      }
    }
    for (let k = 0; k < C; k++) {
      const b = best[k] as number;
      const x = bestOverlap[k] as number;
      jaccard[k] = (jaccard[k] as number) + x / ((size[k] as number) + (runSize[b] as number) - x);
    }
    for (let i = 0; i < n; i++) if (m[i] === best[reference[i] as number]) stable[i] = (stable[i] as number) + 1;
  }
  const R = Math.max(1, runs.length);
  const people = Array.from(stable, (s) => s / R);
  const sums = new Float64Array(C);
  for (let i = 0; i < n; i++)
    sums[reference[i] as number] = (sums[reference[i] as number] as number) + (people[i] as number);
  const communities = Array.from({ length: C }, (_, k) => ({
    id: k,
    size: size[k] as number,
    stability: (sums[k] as number) / (size[k] as number),
    jaccard: (jaccard[k] as number) / R,
  }));
  return { people, communities };
}
