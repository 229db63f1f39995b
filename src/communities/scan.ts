/**
 * Resolution scan: how the communities change with γ, so that a user can choose.
 *
 * For each γ, `runs` seeded detections (refined and repaired) are made on the same prepared graph and
 * summarised: mean number of communities, mean Q_γ (the objective at that γ), mean Q_1 (standard
 * modularity, comparable across γ), the agreement between runs (mean pairwise NMI: 1 = every seed finds the
 * same partition) and the mean person stability against the best run. Plateaus of γ where the count stays
 * put and the agreement is high are the scales at which the graph has structure (cf. Reichardt & Bornholdt
 * 2006; Lambiotte, Delvenne & Barahona 2014). γ = 0 puts each connected component in one community.
 *
 * @module
 */

import type { AbstractGraph } from 'graphology-types';
import { optionChecker } from '../options.js';
import { createRng, deriveSeed } from '../random.js';
import { labelNmi } from './compare.js';
import {
  type DetectCommunitiesOptions,
  type DetectCommunitiesParams,
  resolveDetectParams,
  runSeeds,
} from './detect.js';
import { compactModularity } from './modularity-graph.js';
import { canonicalize } from './partition.js';
import { finish, optimise, prepareDetection, resolveSeed, wantedLevel } from './run.js';
import { stabilityOf } from './stability.js';

const MODULE = 'communities/scan';
const check = optionChecker(MODULE);

/** Options of {@link scanResolution}. */
export interface ScanResolutionOptions extends Omit<DetectCommunitiesOptions, 'resolution' | 'level'> {
  /** The γ values to try (each ≥ 0). Default `[0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5]`. */
  resolutions?: readonly number[];
  /** Runs per γ (≥ 2 for agreement). Default 5. */
  runs?: number;
}

/** Defaults of the scan-specific options. */
export const SCAN_RESOLUTION_DEFAULTS = Object.freeze({
  resolutions: Object.freeze([0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5]) as readonly number[],
  runs: 5,
});

/** One γ of a scan. */
export interface ResolutionScanRow {
  resolution: number;
  /** Mean number of communities over the runs. */
  count: number;
  /** Mean Q_γ. */
  modularity: number;
  /** Mean standard modularity Q_1 (comparable across γ). */
  standardModularity: number;
  /** Mean pairwise NMI between the runs. */
  agreement: number;
  /** Mean person stability against the best run (see `communityEnsemble`). */
  stability: number;
}

/** Result of {@link scanResolution}. */
export interface ResolutionScan {
  method: 'resolution-scan';
  params: Omit<DetectCommunitiesParams, 'resolution' | 'level'> & { resolutions: number[]; runs: number };
  seed: number | string | null;
  rows: ResolutionScanRow[];
}

/**
 * Runs seeded detections over a range of resolutions and reports count, modularity and stability per γ.
 *
 * @example
 * const scan = scanResolution(graph, { resolutions: [0.5, 1, 2, 4], runs: 5 });
 * scan.rows.map((r) => [r.resolution, r.count, r.agreement]);
 */
export function scanResolution(graph: AbstractGraph, options: ScanResolutionOptions = {}): ResolutionScan {
  const resolutions = options.resolutions ?? SCAN_RESOLUTION_DEFAULTS.resolutions;
  if (!Array.isArray(resolutions) || resolutions.length === 0) {
    check.fail('resolutions', 'a non-empty array of numbers ≥ 0', resolutions);
  }
  resolutions.forEach((g, i) => {
    check.nonNegative(`resolutions[${i}]`, g);
  });
  const runs = check.positiveInt('runs', options.runs ?? SCAN_RESOLUTION_DEFAULTS.runs);
  if (runs < 2) check.fail('runs', 'an integer ≥ 2 (agreement needs two runs)', runs);
  const base = resolveDetectParams({ ...options, level: 'final' }, MODULE);
  const { seed, rng } = resolveSeed(options, MODULE);
  const prepared = prepareDetection(graph, base, MODULE);
  const rows: ResolutionScanRow[] = resolutions.map((gamma, g) => {
    const at = { ...prepared, params: { ...base, resolution: gamma } };
    const seeds = runSeeds(seed === null ? null : deriveSeed(seed, `gamma-${g}`), rng, runs);
    const members = seeds.map((s) => {
      const r = createRng(s);
      return finish(at, optimise(at, r), wantedLevel('final'), r).membership;
    });
    const q = members.map((m) => compactModularity(prepared.view, m, gamma));
    const q1 = members.map((m) => compactModularity(prepared.view, m, 1));
    let agreement = 0;
    let pairs = 0;
    for (let a = 0; a < runs; a++) {
      for (let b = a + 1; b < runs; b++) {
        agreement += labelNmi(members[a] as Int32Array, members[b] as Int32Array);
        pairs++;
      }
    }
    const bestRun = q.indexOf(Math.max(...q));
    const reference = canonicalize(prepared.view.keys, members[bestRun] as Int32Array);
    const stab = stabilityOf(reference.membership, reference.communities.length, members);
    const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
    return {
      resolution: gamma,
      count: mean(members.map((m) => m.reduce((x, c) => Math.max(c, x), -1) + 1)),
      modularity: mean(q),
      standardModularity: mean(q1),
      agreement: agreement / pairs,
      stability: stab.people.length === 0 ? 1 : mean(stab.people),
    };
  });
  const { resolution: _r, level: _l, ...rest } = base;
  return { method: 'resolution-scan', params: { ...rest, resolutions: [...resolutions], runs }, seed, rows };
}
