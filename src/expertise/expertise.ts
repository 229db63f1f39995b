/**
 * Expertise scores per person, from who answers whom.
 *
 * @module
 */

import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { GraphError } from '../errors.js';
import { optionChecker, resolveOptions } from '../options.js';
import { buildHelpGraph, type HelpGraph, type HelpGraphOptions, type HelpGraphStats } from './help-graph.js';
import { HITS_DEFAULTS, type HitsOptions, hits } from './hits.js';
import { descendingRanks, rankPercentiles } from './rank.js';
import type { ThreadsInput } from './scope.js';

const MODULE = 'expertise/score';
const check = optionChecker(MODULE);

/** The per-person measures that can enter the combined score. */
export type ExpertiseMeasure = 'z' | 'expertiseRank' | 'authority' | 'answers' | 'askersServed';

/** The measures of {@link ExpertiseMeasure}, in a fixed order. */
export const EXPERTISE_MEASURES: readonly ExpertiseMeasure[] = Object.freeze([
  'z',
  'expertiseRank',
  'authority',
  'answers',
  'askersServed',
]);

/** Options of {@link scoreExpertise}. */
export interface ExpertiseOptions extends HelpGraphOptions {
  /** PageRank damping (probability of following a tie). Default 0.85. */
  alpha?: number;
  /** PageRank iterations before giving up. Default 1000. */
  maxIterations?: number;
  /** PageRank stops when Σ|Δx| < n · tolerance. Default 1e-12. */
  tolerance?: number;
  /** HITS iteration options (the strength attribute is the help graph's `weight`). */
  hits?: Omit<HitsOptions, 'getEdgeWeight'>;
  /**
   * Weights of the rank percentiles averaged into `combined`. Default `{ z: 1, expertiseRank: 1 }`: the
   * mean of the rank percentiles of the z-score and ExpertiseRank. Measures left out weigh 0.
   */
  combine?: Partial<Record<ExpertiseMeasure, number>>;
}

/** Defaults of {@link ExpertiseOptions}. */
export const EXPERTISE_DEFAULTS = Object.freeze({
  alpha: 0.85,
  maxIterations: 1000,
  tolerance: 1e-12,
  combine: Object.freeze({ z: 1, expertiseRank: 1 }) as Readonly<Partial<Record<ExpertiseMeasure, number>>>,
});

/** The expertise figures of one person. */
export interface ExpertRecord {
  person: string;
  /** 1-based rank by `combined` (ties: answers, then z, then ExpertiseRank, then id). */
  rank: number;
  /** Weighted mean of the rank percentiles of the `combine` measures, in [0, 1]. */
  combined: number;
  /** Answers a: replies in threads started by others. */
  answers: number;
  /** Questions q: threads started that got at least one answer. */
  questions: number;
  started: number;
  threadsAnswered: number;
  /** Distinct people answered. */
  askersServed: number;
  /** z = (a − q) / √(a + q); 0 when a + q = 0. */
  z: number;
  /** Weighted PageRank on asker → answerer (sums to 1 over people). */
  expertiseRank: number;
  /** HITS authority (sums to 1; 0 for all when nobody answered). */
  authority: number;
  /** HITS hub: asks people who answer much. */
  hub: number;
  /** Rank percentile of each measure in [0, 1] (1 = highest, ties share their mid-rank). */
  percentiles: Record<ExpertiseMeasure, number>;
}

/** Result of {@link scoreExpertise}. */
export interface ExpertiseResult {
  method: 'expertise';
  params: {
    weightBy: 'answers' | 'threads';
    scope: Record<string, unknown>;
    exclude: string[];
    alpha: number;
    maxIterations: number;
    tolerance: number;
    hits: { maxIterations: number; tolerance: number };
    combine: Record<ExpertiseMeasure, number>;
  };
  /** People sorted by rank. */
  people: ExpertRecord[];
  /** Thread accounting of the help graph. */
  stats: HelpGraphStats;
}

function isGraph(x: unknown): x is HelpGraph {
  return typeof x === 'object' && x !== null && typeof (x as HelpGraph).forEachNode === 'function';
}

/**
 * Scores every person of the help graph (see {@link buildHelpGraph}) as an expert:
 *
 * - **answers a, questions q** and the **z-score** z = (a − q) / √(a + q) of Zhang, Ackerman & Adamic
 *   (2007): under the null hypothesis that a person answers and asks at random with equal probability,
 *   a − q has mean 0 and standard deviation √(a + q), so z counts standard deviations of answering
 *   beyond asking;
 * - **askers served**: distinct people answered (Welser et al. 2007's "answer person" signature);
 * - **ExpertiseRank**: weighted PageRank on asker → answerer (Zhang et al. 2007): answering people who
 *   themselves answer others counts more. x_v = (1 − α)/n + α Σ_u x_u w_uv / w_u + α/n Σ_{dangling} x_u
 *   (graphology-metrics' `pagerank`, identical to NetworkX's `pagerank(G, alpha, weight='weight')`);
 * - **HITS authority** (Kleinberg 1999), see {@link hits};
 * - **combined**: the weighted mean of the rank percentiles (mid-ranks scaled to [0, 1]) of the
 *   `combine` measures; by default the mean of the z-score's and ExpertiseRank's. Percentiles make
 *   measures on different scales comparable and damp ExpertiseRank's heavy tail.
 *
 * @param input - thread summaries (or an array of threads), or a help graph built by `buildHelpGraph`.
 * @throws {GraphError} `NOT_CONVERGED` when PageRank or HITS does not converge.
 * @example
 * const { people } = scoreExpertise(threads, { scope: { tags: ['brakes'] } });
 * people[0]; // { person: 'bob', rank: 1, combined: 0.97, answers: 41, questions: 2, z: 6.1, ... }
 */
export function scoreExpertise(input: ThreadsInput | HelpGraph, options: ExpertiseOptions = {}): ExpertiseResult {
  const o = resolveOptions(EXPERTISE_DEFAULTS, options);
  const alpha = check.probability('alpha', o.alpha);
  const maxIterations = check.positiveInt('maxIterations', o.maxIterations);
  const tolerance = check.positive('tolerance', o.tolerance);
  const hitsOptions = {
    maxIterations: check.positiveInt('hits.maxIterations', options.hits?.maxIterations ?? HITS_DEFAULTS.maxIterations),
    tolerance: check.positive('hits.tolerance', options.hits?.tolerance ?? HITS_DEFAULTS.tolerance),
  };
  const combine = {} as Record<ExpertiseMeasure, number>;
  let totalWeight = 0;
  for (const key of Object.keys(o.combine)) {
    if (!EXPERTISE_MEASURES.includes(key as ExpertiseMeasure)) {
      check.fail(`combine.${key}`, `one of ${EXPERTISE_MEASURES.join(', ')}`, key);
    }
  }
  for (const m of EXPERTISE_MEASURES) {
    combine[m] = check.nonNegative(`combine.${m}`, o.combine[m] ?? 0);
    totalWeight += combine[m];
  }
  if (totalWeight === 0) check.fail('combine', 'at least one positive weight', o.combine);

  const graph = isGraph(input) ? input : buildHelpGraph(input, options);
  const attrs = graph.getAttributes();
  const nodes = graph.nodes();
  const n = nodes.length;
  let ranks: Record<string, number> = {};
  if (n > 0) {
    try {
      ranks = pagerank(graph, { getEdgeWeight: 'weight', alpha, maxIterations, tolerance });
    } catch (cause) {
      throw new GraphError(
        'NOT_CONVERGED',
        `ExpertiseRank (PageRank) did not converge in ${maxIterations} iterations`,
        {
          module: MODULE,
          got: { maxIterations, tolerance },
          hint: 'raise `maxIterations` or `tolerance`',
          cause,
        },
      );
    }
  }
  const hubAuth = hits(graph, { getEdgeWeight: 'weight', ...hitsOptions });

  const columns: Record<ExpertiseMeasure, Float64Array> = {
    z: new Float64Array(n),
    expertiseRank: new Float64Array(n),
    authority: new Float64Array(n),
    answers: new Float64Array(n),
    askersServed: new Float64Array(n),
  };
  nodes.forEach((node, i) => {
    const p = graph.getNodeAttributes(node);
    const a = p.answers;
    const q = p.questions;
    columns.z[i] = a + q > 0 ? (a - q) / Math.sqrt(a + q) : 0;
    columns.expertiseRank[i] = ranks[node] ?? 0;
    columns.authority[i] = hubAuth.authorities[node] ?? 0;
    columns.answers[i] = a;
    columns.askersServed[i] = graph.inDegree(node);
  });
  const percentiles = {} as Record<ExpertiseMeasure, Float64Array>;
  for (const m of EXPERTISE_MEASURES) percentiles[m] = rankPercentiles(columns[m]);
  const combined = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const m of EXPERTISE_MEASURES) if (combine[m] > 0) s += combine[m] * (percentiles[m][i] as number);
    combined[i] = s / totalWeight;
  }
  const order = descendingRanks(nodes, [combined, columns.answers, columns.z, columns.expertiseRank]);
  const people: ExpertRecord[] = nodes.map((node, i) => {
    const p = graph.getNodeAttributes(node);
    const pct = {} as Record<ExpertiseMeasure, number>;
    for (const m of EXPERTISE_MEASURES) pct[m] = percentiles[m][i] as number;
    return {
      person: node,
      rank: order[i] as number,
      combined: combined[i] as number,
      answers: p.answers,
      questions: p.questions,
      started: p.started,
      threadsAnswered: p.threadsAnswered,
      askersServed: columns.askersServed[i] as number,
      z: columns.z[i] as number,
      expertiseRank: columns.expertiseRank[i] as number,
      authority: columns.authority[i] as number,
      hub: hubAuth.hubs[node] ?? 0,
      percentiles: pct,
    };
  });
  people.sort((a, b) => a.rank - b.rank);
  return {
    method: 'expertise',
    params: {
      weightBy: attrs.params?.weightBy ?? 'answers',
      scope: attrs.params?.scope ?? {},
      exclude: attrs.params?.exclude ?? [],
      alpha,
      maxIterations,
      tolerance,
      hits: hitsOptions,
      combine,
    },
    people,
    stats: attrs.stats,
  };
}
