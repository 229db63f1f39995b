/**
 * Small statistics used by the practice test: Monte Carlo p-values, multiple-testing corrections and
 * summaries of null samples.
 *
 * @module
 */

/** Relative tolerance under which a null value counts as equal to the observed one (ties go to the null). */
const TIE = 1e-9;

const atLeast = (x: number, obs: number) => x >= obs - TIE * Math.max(1, Math.abs(obs));
const atMost = (x: number, obs: number) => x <= obs + TIE * Math.max(1, Math.abs(obs));

/**
 * Upper-tail Monte Carlo p-value `(1 + #{null ≥ observed}) / (1 + R)` (Davison & Hinkley 1997, eq. 4.11;
 * North, Curtis & Sham 2002). Never 0, at most 1; a null value within a relative 1e-9 of the observed one
 * counts as "≥" (ties favour the null).
 */
export function pUpper(observed: number, nulls: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < nulls.length; i++) if (atLeast(nulls[i] as number, observed)) k++;
  return (1 + k) / (1 + nulls.length);
}

/** Lower-tail Monte Carlo p-value `(1 + #{null ≤ observed}) / (1 + R)`. */
export function pLower(observed: number, nulls: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < nulls.length; i++) if (atMost(nulls[i] as number, observed)) k++;
  return (1 + k) / (1 + nulls.length);
}

/** Two-sided Monte Carlo p-value: `min(1, 2 · min(pUpper, pLower))`. */
export function pTwoSided(observed: number, nulls: ArrayLike<number>): number {
  return Math.min(1, 2 * Math.min(pUpper(observed, nulls), pLower(observed, nulls)));
}

/**
 * Benjamini–Hochberg q-values (step-up; Benjamini & Hochberg 1995): q_(i) = min_{j ≥ i} (m / j) · p_(j),
 * capped at 1, returned in the input order. `NaN` entries are left out of m and returned as `NaN`.
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const idx = p.map((_, i) => i).filter((i) => !Number.isNaN(p[i] as number));
  idx.sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const m = idx.length;
  const q = p.map(() => Number.NaN);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = idx[r] as number;
    running = Math.min(running, ((p[i] as number) * m) / (r + 1));
    q[i] = Math.min(1, running);
  }
  return q;
}

/**
 * Holm's step-down adjusted p-values (Holm 1979): p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) · p_(j)), in the
 * input order. `NaN` entries are left out of m and returned as `NaN`.
 */
export function holm(p: readonly number[]): number[] {
  const idx = p.map((_, i) => i).filter((i) => !Number.isNaN(p[i] as number));
  idx.sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const m = idx.length;
  const out = p.map(() => Number.NaN);
  let running = 0;
  idx.forEach((i, r) => {
    running = Math.max(running, Math.min(1, (m - r) * (p[i] as number)));
    out[i] = running;
  });
  return out;
}

/** Mean and (sample) standard deviation of the finite values; `NaN` when there are none. */
export function meanSd(values: ArrayLike<number>): { mean: number; sd: number; n: number } {
  let n = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      n++;
      s += v;
    }
  }
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, n };
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) ss += (v - mean) ** 2;
  }
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n };
}

/**
 * Signed position of the observed value in its null distribution, in [−1, 1]:
 * `P(null < obs) − P(null > obs)` (ties count half each way). +1: above every null value; 0: in the middle.
 */
export function signedPercentile(observed: number, nulls: ArrayLike<number>): number {
  if (nulls.length === 0) return 0;
  let below = 0;
  let above = 0;
  for (let i = 0; i < nulls.length; i++) {
    const x = nulls[i] as number;
    if (atLeast(x, observed) && atMost(x, observed)) continue;
    if (x < observed) below++;
    else above++;
  }
  return (below - above) / nulls.length;
}

/** Rounds to `digits` significant digits for records (keeps 0, NaN and integers as they are). */
export function round(x: number, digits = 6): number {
  if (!Number.isFinite(x) || x === 0 || Number.isInteger(x)) return x;
  return Number(x.toPrecision(digits));
}
