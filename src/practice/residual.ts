/**
 * Depletion of the residual group: without its top answerers, do the other members have fewer ties among
 * themselves than the group's own activity implies?
 *
 * Statistic: the internal ties among the members other than the top answerers. Null: degree-preserving
 * rewiring of the group's own internal ties (every member, top answerers included, keeps its internal in-
 * and out-degree), lower tail. In social learning the askers' ties all run to the answerers, so rewiring gives
 * them more ties among themselves than they have; in a hybrid or a community of practice the others work with
 * each other, and rewiring gives them about what they have. Unlike the cohesion test against the organisation,
 * this does not grow with the size of the organisation: in a 10,000-person organisation a handful of answers
 * between askers is far above what random people would have, yet far below a unit (docs/calibration.md).
 *
 * @module
 */

import { createRng, deriveSeed, type Rng } from '../random.js';
import { type CohesionTest, cohesionRecord, settleCohesion, untestedCohesion } from './cohesion.js';
import type { CohesionSamples } from './cohesion-nulls.js';
import type { TopAnswerer } from './help.js';
import type { TestGroupsParams } from './options.js';
import type { GroupWork } from './resolve.js';
import { DirectedRewirer } from './rewire.js';
import { meanSd, pLower, round } from './stats.js';
import { type InternalArcs, internalArcs } from './structure.js';

/** The depletion test of a residual group. */
export interface Depletion {
  /** Internal ties among the others. */
  observed: number;
  /** Their mean under rewiring of the group's own ties. */
  expected: number;
  /** observed / expected (`null` when nothing is expected). */
  ratio: number | null;
  /** Lower-tail Monte Carlo p-value. */
  p: number;
  /** p < α and ratio ≤ `maxDepletionRatio`. */
  depleted: boolean;
  samples: number;
}

/** Options of {@link residualDepletion}. */
export interface DepletionOptions {
  samples: number;
  burnIn: number;
  thin: number;
  rng: Rng;
  alpha: number;
  maxRatio: number;
}

function kept(src: Int32Array, dst: Int32Array, removed: Uint8Array): number {
  let c = 0;
  for (let e = 0; e < src.length; e++) if (removed[src[e] as number] === 0 && removed[dst[e] as number] === 0) c++;
  return c;
}

/**
 * Tests the group's internal ties (`arcs`, local ids, CSR order) for depletion among the members not in
 * `removed` (local ids).
 */
export function residualDepletion(arcs: InternalArcs, removed: Iterable<number>, options: DepletionOptions): Depletion {
  const mask = new Uint8Array(arcs.k);
  for (const i of removed) mask[i] = 1;
  const observed = kept(arcs.src, arcs.dst, mask);
  const R = options.samples;
  const nulls = new Float64Array(R);
  const chain = new DirectedRewirer(arcs.src, arcs.dst, options.rng);
  const m = arcs.src.length;
  chain.step(Math.round(options.burnIn * m));
  for (let r = 0; r < R; r++) {
    if (r > 0) chain.step(Math.max(1, Math.round(options.thin * m)));
    nulls[r] = kept(chain.src, chain.dst, mask);
  }
  const { mean } = meanSd(nulls);
  const p = pLower(observed, nulls);
  const ratio = mean > 0 ? observed / mean : null;
  return {
    observed,
    expected: round(mean),
    ratio: ratio === null ? null : round(ratio),
    p: round(p),
    depleted: p < options.alpha && ratio !== null && ratio <= options.maxRatio,
    samples: R,
  };
}

/**
 * Residual cohesion of a group without its top answerers: for a people group, the cohesion test again on the
 * others (against the organisation, upper tail, p not corrected across groups since it refines one group's
 * verdict) plus the depletion test; for a channel group, whose graph holds nothing but its participants,
 * the depletion test alone.
 */
export type ResidualTest = CohesionTest & { removed: TopAnswerer[]; depletion: Depletion | null };

/** The residual record of `work` (`samples` holds its set `k` of the organisation's null run, when run). */
export function residualTest(
  work: GroupWork,
  organisation: { samples: CohesionSamples; k: number } | null,
  p: TestGroupsParams,
): ResidualTest {
  const removed = work.top;
  const label = work.group.evidence.label;
  const size = work.residual?.length ?? 0;
  let depletion: Depletion | null = null;
  if (work.eligibility.eligible && work.residual && size >= 2) {
    const arcs = internalArcs(work.group.evidence.snapshot, work.group.members);
    if (arcs.src.length >= 2) {
      const out = new Set(removed.map((t) => work.group.evidence.snapshot.index.get(t.person)));
      const local: number[] = [];
      work.group.members.forEach((v, i) => {
        if (out.has(v)) local.push(i);
      });
      depletion = residualDepletion(arcs, local, {
        samples: p.indicatorSamples,
        burnIn: p.burnIn,
        thin: p.thin,
        rng: createRng(deriveSeed(p.seed, `depletion\u0000${work.group.name}`)),
        alpha: p.alpha,
        maxRatio: p.maxDepletionRatio,
      });
    }
  }
  if (organisation) {
    const rec = cohesionRecord('organisation', size, organisation.samples, organisation.k);
    settleCohesion(rec, rec.p ?? Number.NaN, p.alpha, p.minResidualRatio);
    return { ...rec, removed, depletion };
  }
  const reason = !work.eligibility.eligible
    ? 'the group is not eligible'
    : removed.length === 0
      ? 'no top answerers to remove'
      : size < 2
        ? 'fewer than 2 members left'
        : "a channel's graph holds only its participants: the depletion test decides";
  return { ...untestedCohesion(label, size, reason), removed, depletion };
}

/**
 * Whether the others are a unit without the top answerers: people groups need the cohesion test to pass and
 * no depletion; channels need no depletion. `null` when nothing could be tested.
 */
export function residualCohesive(
  scope: 'people' | 'channel',
  r: ResidualTest,
  organisationCohesive = r.cohesive,
): boolean | null {
  const depleted = r.depletion?.depleted ?? null;
  if (scope === 'channel') return depleted === null ? null : !depleted;
  if (organisationCohesive === null) return depleted === null ? null : depleted ? false : null;
  return organisationCohesive && depleted !== true;
}
