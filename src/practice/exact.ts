/**
 * Exact null distributions for the indicators whose null is a known discrete law: no Monte Carlo error, and
 * cheap enough to recompute on every bootstrap replicate from that replicate's own margins.
 *
 * - **Hypergeometric** (role mix): with N active members of whom K give (answer or share) and A ask, permuting
 *   who gives among the members makes the number X of members who both ask and give hypergeometric,
 *   P(X = x) = C(K, x)·C(N − K, A − x) / C(N, A), x ∈ [max(0, A + K − N), min(A, K)] (Fisher's exact test of
 *   independence of asking and giving).
 * - **Binomial** (share mix against an even mix): k threads each sharing with probability ½.
 *
 * p-values are two-sided like the Monte Carlo ones, min(1, 2·min(P(X ≥ x), P(X ≤ x))), with the same tie
 * tolerance; the score is the signed percentile P(X < x) − P(X > x).
 *
 * @module
 */

/** A discrete null law: support (ascending) and probabilities. */
export interface DiscreteNull {
  values: Float64Array;
  probs: Float64Array;
}

const TIE = 1e-9;

const logFactorials: number[] = [0];

/** ln(i!) from a table grown on demand. */
function logFactorial(i: number): number {
  for (let k = logFactorials.length; k <= i; k++) logFactorials.push((logFactorials[k - 1] as number) + Math.log(k));
  return logFactorials[i] as number;
}

const logChoose = (n: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

/**
 * The hypergeometric law of X / N: members who both ask and give, as a share of the N active members, when
 * K of them give and A ask (see the module description).
 */
export function hypergeometricNull(N: number, K: number, A: number): DiscreteNull {
  const lo = Math.max(0, A + K - N);
  const hi = Math.min(A, K);
  const size = Math.max(0, hi - lo + 1);
  const values = new Float64Array(size);
  const probs = new Float64Array(size);
  if (N <= 0 || size === 0) return { values, probs };
  const denominator = logChoose(N, A);
  let total = 0;
  for (let x = lo; x <= hi; x++) {
    const p = Math.exp(logChoose(K, x) + logChoose(N - K, A - x) - denominator);
    values[x - lo] = x / N;
    probs[x - lo] = p;
    total += p;
  }
  for (let i = 0; i < size; i++) probs[i] = (probs[i] as number) / total;
  return { values, probs };
}

/** The law of X / k for X ~ Binomial(k, ½): the share of k threads that share under an even mix. */
export function evenMixNull(k: number): DiscreteNull {
  const values = new Float64Array(k + 1);
  const probs = new Float64Array(k + 1);
  if (k <= 0) return { values: new Float64Array(0), probs: new Float64Array(0) };
  const half = k * Math.LN2;
  for (let x = 0; x <= k; x++) {
    values[x] = x / k;
    probs[x] = Math.exp(logChoose(k, x) - half);
  }
  return { values, probs };
}

/** Mean and standard deviation of a discrete law. */
export function discreteMeanSd(d: DiscreteNull): { mean: number; sd: number } {
  let mean = 0;
  for (let i = 0; i < d.values.length; i++) mean += (d.values[i] as number) * (d.probs[i] as number);
  let v = 0;
  for (let i = 0; i < d.values.length; i++) v += ((d.values[i] as number) - mean) ** 2 * (d.probs[i] as number);
  return d.values.length > 0 ? { mean, sd: Math.sqrt(v) } : { mean: Number.NaN, sd: Number.NaN };
}

/** P(X < obs), P(X = obs) and P(X > obs), with a relative tolerance of 1e-9 for "equal". */
function split(obs: number, d: DiscreteNull): { below: number; equal: number; above: number } {
  const tol = TIE * Math.max(1, Math.abs(obs));
  let below = 0;
  let equal = 0;
  let above = 0;
  for (let i = 0; i < d.values.length; i++) {
    const x = d.values[i] as number;
    const p = d.probs[i] as number;
    if (Math.abs(x - obs) <= tol) equal += p;
    else if (x < obs) below += p;
    else above += p;
  }
  return { below, equal, above };
}

/**
 * Two-sided exact p-value min(1, 2·min(P(X ≥ obs), P(X ≤ obs))); 1 for an empty law. Tails that underflow
 * (thousands of threads far from an even mix) are reported as the smallest positive double, never 0.
 */
export function discretePTwoSided(obs: number, d: DiscreteNull): number {
  if (d.values.length === 0) return 1;
  const { below, equal, above } = split(obs, d);
  return Math.max(Number.MIN_VALUE, Math.min(1, 2 * Math.min(above + equal, below + equal)));
}

/** Signed percentile P(X < obs) − P(X > obs), in [−1, 1]. */
export function discreteSignedPercentile(obs: number, d: DiscreteNull): number {
  const { below, above } = split(obs, d);
  return below - above;
}
