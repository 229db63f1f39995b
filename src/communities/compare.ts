/**
 * Comparison of two partitions of the same people: normalised and adjusted mutual information, the adjusted
 * Rand index and the variation of information.
 *
 * With the contingency table n_ij (people in community i of A and j of B), row sums a_i, column sums b_j and
 * N people (natural logarithms throughout):
 *
 * - H(A) = −Σ_i (a_i/N) ln(a_i/N);  MI = Σ_ij (n_ij/N) ln(N n_ij / (a_i b_j))
 * - NMI = MI / ((H(A) + H(B)) / 2) — the arithmetic normalisation of Danon et al. (2005), scikit-learn's
 *   default `normalized_mutual_info_score` and igraph's `compare_communities(method="nmi")`.
 * - AMI = (MI − E[MI]) / ((H(A) + H(B))/2 − E[MI]), with E[MI] exact under the hypergeometric
 *   (permutation) model (Vinh, Epps & Bailey 2010; scikit-learn `adjusted_mutual_info_score`).
 * - ARI = (Σ_ij C(n_ij,2) − E) / (½[Σ_i C(a_i,2) + Σ_j C(b_j,2)] − E), E = Σ_i C(a_i,2) Σ_j C(b_j,2) / C(N,2)
 *   (Hubert & Arabie 1985).
 * - VI = H(A) + H(B) − 2 MI, in nats (Meilă 2007); 0 for identical partitions, at most ln N.
 *
 * Degenerate cases follow scikit-learn: two identical trivial partitions (one community each, or one person
 * per community each) score NMI = AMI = ARI = 1; no people at all also scores 1 (nothing disagrees).
 *
 * @module
 */

import { labelIndex, type PartitionLike, partitionMap } from './partition.js';

const MODULE = 'communities/compare';

/** Scores of two label arrays of equal length (dense labels 0…countA−1, 0…countB−1). */
export interface LabelScores {
  entropyA: number;
  entropyB: number;
  mutualInformation: number;
  nmi: number;
  ami: number;
  ari: number;
  /** Variation of information, nats. */
  vi: number;
}

/** Result of {@link comparePartitions}: the scores of the people in both partitions, and how many they are. */
export interface PartitionComparison extends LabelScores {
  method: 'partition-comparison';
  /** People in both partitions (the ones compared). */
  people: number;
  /** People only in the first / only in the second partition (left out of every score). */
  onlyInA: number;
  onlyInB: number;
  /** Communities of A and B among the people compared. */
  countA: number;
  countB: number;
}

function logFactorials(n: number): Float64Array {
  const lf = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) lf[k] = (lf[k - 1] as number) + Math.log(k);
  return lf;
}

/** Multiplicity of each distinct value. */
function histogram(values: ArrayLike<number>): Map<number, number> {
  const h = new Map<number, number>();
  for (let i = 0; i < values.length; i++) h.set(values[i] as number, (h.get(values[i] as number) ?? 0) + 1);
  return h;
}

/**
 * Expected mutual information under the hypergeometric model (Vinh et al. 2010), summed over distinct
 * (a_i, b_j) size pairs with their multiplicities, which is exact and fast when sizes repeat.
 */
function expectedMutualInformation(a: ArrayLike<number>, b: ArrayLike<number>, N: number): number {
  const lf = logFactorials(N);
  const ha = histogram(a);
  const hb = histogram(b);
  let emi = 0;
  for (const [ai, ma] of ha) {
    for (const [bj, mb] of hb) {
      const lo = Math.max(1, ai + bj - N);
      const hi = Math.min(ai, bj);
      const base =
        (lf[ai] as number) + (lf[bj] as number) + (lf[N - ai] as number) + (lf[N - bj] as number) - (lf[N] as number);
      let s = 0;
      for (let nij = lo; nij <= hi; nij++) {
        const logP =
          base -
          (lf[nij] as number) -
          (lf[ai - nij] as number) -
          (lf[bj - nij] as number) -
          (lf[N - ai - bj + nij] as number);
        s += (nij / N) * Math.log((N * nij) / (ai * bj)) * Math.exp(logP);
      }
      emi += ma * mb * s;
    }
  }
  return emi;
}

const choose2 = (x: number) => (x * (x - 1)) / 2;

/** NMI, AMI, ARI and VI of two dense label arrays over the same people. */
export function labelScores(a: Int32Array, countA: number, b: Int32Array, countB: number): LabelScores {
  const N = a.length;
  const rows = new Float64Array(countA);
  const cols = new Float64Array(countB);
  const cells = new Map<number, number>();
  for (let i = 0; i < N; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    rows[x] = (rows[x] as number) + 1;
    cols[y] = (cols[y] as number) + 1;
    const key = x * countB + y;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  const entropy = (sizes: Float64Array) => {
    let h = 0;
    for (const s of sizes) if (s > 0) h -= (s / N) * Math.log(s / N);
    return h;
  };
  const hA = N === 0 ? 0 : entropy(rows);
  const hB = N === 0 ? 0 : entropy(cols);
  let mi = 0;
  let index = 0;
  for (const [key, nij] of cells) {
    const x = Math.floor(key / countB);
    const y = key - x * countB;
    mi += (nij / N) * Math.log((N * nij) / ((rows[x] as number) * (cols[y] as number)));
    index += choose2(nij);
  }
  mi = Math.max(0, mi);
  const vi = Math.max(0, hA + hB - 2 * mi);
  // identical trivial partitions (scikit-learn's special case) and the empty comparison
  const trivial = N === 0 || (countA === countB && (countA === 1 || countA === N));
  let sumA = 0;
  for (const s of rows) sumA += choose2(s);
  let sumB = 0;
  for (const s of cols) sumB += choose2(s);
  const pairs = choose2(N);
  const expected = pairs === 0 ? 0 : (sumA * sumB) / pairs;
  const maxIndex = (sumA + sumB) / 2;
  const ari = maxIndex === expected ? 1 : (index - expected) / (maxIndex - expected);
  if (trivial) return { entropyA: hA, entropyB: hB, mutualInformation: mi, nmi: 1, ami: 1, ari: 1, vi };
  const mean = (hA + hB) / 2;
  const nmi = mean === 0 ? 1 : mi / mean;
  const emi = expectedMutualInformation(rows, cols, N);
  let denominator = mean - emi;
  denominator = denominator < 0 ? Math.min(denominator, -Number.EPSILON) : Math.max(denominator, Number.EPSILON);
  const ami = (mi - emi) / denominator;
  return { entropyA: hA, entropyB: hB, mutualInformation: mi, nmi, ami, ari, vi };
}

/**
 * NMI alone (arithmetic normalisation) of two label arrays over the same people, without the cost of E[MI];
 * labels may be any non-negative integers. Same degenerate cases as {@link labelScores}.
 */
export function labelNmi(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const N = a.length;
  if (N === 0) return 1;
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  const cells = new Map<number, number>();
  let maxB = 0;
  for (let i = 0; i < N; i++) if ((b[i] as number) > maxB) maxB = b[i] as number;
  const width = maxB + 1;
  for (let i = 0; i < N; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
    const key = x * width + y;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  if (rows.size === cols.size && (rows.size === 1 || rows.size === N)) return 1;
  let hA = 0;
  for (const s of rows.values()) hA -= (s / N) * Math.log(s / N);
  let hB = 0;
  for (const s of cols.values()) hB -= (s / N) * Math.log(s / N);
  let mi = 0;
  for (const [key, nij] of cells) {
    const x = Math.floor(key / width);
    const y = key - x * width;
    mi += (nij / N) * Math.log((N * nij) / ((rows.get(x) as number) * (cols.get(y) as number)));
  }
  const mean = (hA + hB) / 2;
  return mean === 0 ? 1 : Math.max(0, mi) / mean;
}

/**
 * Compares two partitions of (mostly) the same people. People present in only one of them are counted in
 * `onlyInA` / `onlyInB` and left out of the scores.
 *
 * @param a - node → label (e.g. the detected communities, or a result with `assignment`)
 * @param b - node → label (e.g. departments)
 * @example
 * comparePartitions(detection, departments); // { nmi: 0.58, ami: 0.5, ari: 0.31, vi: 1.9, ... }
 */
export function comparePartitions(a: PartitionLike, b: PartitionLike): PartitionComparison {
  const ma = partitionMap(a, MODULE, 'a');
  const mb = partitionMap(b, MODULE, 'b');
  const la: (number | string)[] = [];
  const lb: (number | string)[] = [];
  let onlyInA = 0;
  for (const [node, label] of ma) {
    const other = mb.get(node);
    if (other === undefined) onlyInA++;
    else {
      la.push(label);
      lb.push(other);
    }
  }
  const onlyInB = mb.size - la.length;
  const A = labelIndex(la);
  const B = labelIndex(lb);
  const scores = labelScores(A.ids, A.count, B.ids, B.count);
  return {
    method: 'partition-comparison',
    people: la.length,
    onlyInA,
    onlyInB,
    countA: A.count,
    countB: B.count,
    ...scores,
  };
}
