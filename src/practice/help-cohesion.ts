/**
 * Help cohesion: is a people group a unit in *who answers whom*, even where its ties are not?
 *
 * DESIGN §2 expects social learning to show "weak cohesion, or above the null only through the experts". A
 * help group whose askers drop in for a few weeks adds a few dozen ties to the interaction graph, all of them
 * to its two or three experts; in a small, dense organisation (on the 150-person sample organisation every
 * person writes to about 44 of 151 others in 60 days) those ties vanish in the noise of the tie-cohesion
 * test, and the group would be `not-a-unit` although most of its members' questions are answered inside it.
 * The unit is in its help flow, which that test never reads.
 *
 * The statistic is the tie-cohesion test on the organisation's help graph (asker → answerer, from the
 * expertise module's {@link buildHelpGraph} over every thread of the log, question threads only when the
 * messages have kinds): internal help ties of the group against the same two nulls, degree-preserving
 * rewiring of the help graph and random sets drawn within strata of help activity, BH across the groups.
 * It is tested only for people groups with at least `minThreads` answered help threads of their own, as
 * the help indicators are, so that a committee with one stray answer cannot pass on a count of one. A group
 * is help-cohesive when q < α, O ≥ `minCohesionRatio` × both null means, and at least `minHelpShare` of the
 * members' help ties stay among them (`internalShare`): a random set that holds an expert and a few of the
 * people they answer passes the test, but most of its members' help comes from outside.
 *
 * Help cohesion opens the unit gate (decision rule R1) only to groups whose help is pulled (a hub or split
 * roles): it formalises the "cohesive at least through the experts" of social learning.
 *
 * @module
 */

import { DirectedGraph } from 'graphology';
import { buildHelpGraph } from '../expertise/help-graph.js';
import { type GraphSnapshot, snapshotGraph } from '../graph/snapshot.js';
import { deriveSeed } from '../random.js';
import { type CohesionTest, cohesionRecord, settleCohesion, untestedCohesion } from './cohesion.js';
import { sampleCohesionNulls } from './cohesion-nulls.js';
import type { Evidence } from './evidence.js';
import { helpBasisOf } from './help.js';
import type { TestGroupsParams } from './options.js';
import type { GroupWork } from './resolve.js';
import { benjaminiHochberg } from './stats.js';

/** Label of the help graph in records. */
export const HELP_GRAPH = 'help';

/**
 * The organisation's help graph (asker → answerer over every thread of the log) as a snapshot in the
 * numbering of the interaction graph's snapshot; arc values are distinct ties (or answers with a
 * `getEdgeWeight`).
 */
export function helpSnapshot(whole: Evidence, p: TestGroupsParams): GraphSnapshot {
  const threads = whole.threads;
  const basis = helpBasisOf(threads, p.helpThreads);
  const help = buildHelpGraph(basis === 'questions' ? threads.filter((t) => t.rootKind === 'question') : threads);
  const g = new DirectedGraph();
  for (const k of whole.snapshot.keys) g.addNode(k);
  help.forEachEdge((_e, a, asker, answerer) => {
    if (g.hasNode(asker) && g.hasNode(answerer)) g.addEdge(asker, answerer, { weight: a.weight });
  });
  return snapshotGraph(g, { getEdgeWeight: p.getEdgeWeight === null ? null : 'weight' });
}

/** The help cohesion of every group (untested ones say why), BH across the tested ones. */
export function helpCohesion(
  whole: Evidence,
  works: readonly GroupWork[],
  p: TestGroupsParams,
  profile?: (phase: string, ms: number) => void,
): CohesionTest[] {
  const minThreads = Math.max(1, p.minThreads);
  const tested = works.map(
    (w) =>
      w.eligibility.eligible &&
      w.group.scope === 'people' &&
      !w.group.selection &&
      w.group.cohesionMembers !== null &&
      w.help.threads.length >= minThreads,
  );
  const out = works.map((w, i) => {
    const size = w.group.cohesionMembers?.length ?? w.group.members.length;
    if (tested[i]) return null;
    const reason = !w.eligibility.eligible
      ? 'the group is not eligible'
      : w.group.scope === 'channel'
        ? "a channel's cohesion does not gate its verdict"
        : w.group.selection
          ? "a detected community's unit test is its q–s test"
          : w.group.cohesionMembers === null
            ? (w.group.cohesionUnavailable ?? 'not testable')
            : `${w.help.threads.length} answered help threads (fewer than ${minThreads})`;
    return untestedCohesion(HELP_GRAPH, size, reason);
  });
  const sets: Int32Array[] = [];
  const seeds: string[] = [];
  const slot = works.map((w, i) => {
    if (!tested[i]) return -1;
    sets.push(w.group.cohesionMembers as Int32Array);
    seeds.push(`help-strata\u0000${w.group.name}`);
    return sets.length - 1;
  });
  if (sets.length > 0) {
    const t = performance.now();
    const snapshot = helpSnapshot(whole, p);
    profile?.('help cohesion: help graph', performance.now() - t);
    const samples = sampleCohesionNulls(snapshot, sets, {
      samples: p.samples,
      strata: p.strata,
      burnIn: p.burnIn,
      thin: p.thin,
      seed: deriveSeed(p.seed, `rewiring\u0000${HELP_GRAPH}`),
      setSeeds: seeds.map((s) => deriveSeed(p.seed, s)),
      profile: profile ? (phase, ms) => profile(`help cohesion: ${phase}`, ms) : undefined,
    });
    slot.forEach((k, i) => {
      if (k >= 0) out[i] = cohesionRecord(HELP_GRAPH, sets[k]?.length ?? 0, samples, k);
    });
  }
  const tests = out as CohesionTest[];
  const q = benjaminiHochberg(tests.map((c) => (c.available && c.p !== null ? c.p : Number.NaN)));
  tests.forEach((c, i) => {
    settleCohesion(c, q[i] as number, p.alpha, p.minCohesionRatio);
    if (c.cohesive) c.cohesive = (c.internalShare ?? 0) >= p.minHelpShare;
  });
  return tests;
}
