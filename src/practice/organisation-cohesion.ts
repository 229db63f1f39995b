/**
 * The cohesion tests of `testGroups` against the organisation: every group's cohesion and its residual
 * cohesion without the top answerers, sampled in one run of the nulls per graph (every set of that graph at
 * once), BH across groups; and, for the bootstrap, the replicate engines over the same samples.
 *
 * Groups that were chosen by an optimiser (detected communities, with their `selection` test) are not
 * tested here: comparing an optimised set with random sets would flatter it, so their cohesion is the
 * Kojaku–Masuda q–s test they carry, and their residual is read inside the group only (depletion), as a
 * channel's is.
 *
 * @module
 */

import { deriveSeed } from '../random.js';
import type { SetSlot } from './bootstrap.js';
import { arcWindows, ReplicateCohesion } from './bootstrap-cohesion.js';
import { type CohesionTest, cohesionRecord, settleCohesion, untestedCohesion } from './cohesion.js';
import { type CohesionSamples, sampleCohesionNulls } from './cohesion-nulls.js';
import type { Evidence } from './evidence.js';
import type { SelectionTest } from './groups.js';
import type { TestGroupsParams } from './options.js';
import { type ResidualTest, residualTest } from './residual.js';
import type { EvidenceCache, GroupWork } from './resolve.js';
import { benjaminiHochberg } from './stats.js';

/** A set in one graph's null run. */
interface SetRef {
  graph: string;
  k: number;
}

interface Run {
  evidence: Evidence;
  sets: Int32Array[];
  seeds: string[];
}

/** The cohesion record of a detected community: its q–s test. */
export function selectedCohesion(graph: string, members: number, s: SelectionTest): CohesionTest {
  if (s.p === null) return { ...untestedCohesion(graph, members, 'too small for the q–s test'), model: s.method };
  return {
    available: true,
    model: s.method,
    graph,
    members,
    observed: null,
    expected: null,
    ratio: null,
    nullRatio: null,
    internalShare: null,
    modularity: s.quality,
    nullA: null,
    nullB: null,
    p: s.p,
    q: s.q,
    cohesive: s.significant,
  };
}

/** Organisation-level cohesion of a set of groups (see the module description). */
export class OrganisationCohesion {
  readonly cohesion: CohesionTest[];
  readonly residual: ResidualTest[];
  private readonly runs = new Map<string, Run>();
  private readonly samples = new Map<string, CohesionSamples>();
  private readonly cohesionRefs: (SetRef | null)[];
  private readonly residualRefs: (SetRef | null)[];
  private readonly engines = new Map<string, ReplicateCohesion>();

  constructor(
    cache: EvidenceCache,
    works: readonly GroupWork[],
    private readonly p: TestGroupsParams,
    profile?: (phase: string, ms: number) => void,
  ) {
    const add = (evidence: Evidence, members: Int32Array, seedLabel: string): SetRef => {
      let run = this.runs.get(evidence.label);
      if (!run) {
        run = { evidence, sets: [], seeds: [] };
        this.runs.set(evidence.label, run);
      }
      run.sets.push(members);
      run.seeds.push(seedLabel);
      return { graph: evidence.label, k: run.sets.length - 1 };
    };
    const tested = (w: GroupWork) => w.eligibility.eligible && !w.group.selection;
    this.cohesionRefs = works.map((w) =>
      w.group.cohesionMembers && tested(w)
        ? add(cache.whole, w.group.cohesionMembers, `strata\u0000${w.group.name}`)
        : null,
    );
    // residual cohesion against the organisation: people groups only (a channel's test is the depletion test)
    this.residualRefs = works.map((w) =>
      w.group.scope === 'people' && w.residual && w.residual.length >= 2 && tested(w)
        ? add(cache.whole, w.residual, `strata-residual\u0000${w.group.name}`)
        : null,
    );
    for (const [label, run] of this.runs) {
      this.samples.set(
        label,
        sampleCohesionNulls(run.evidence.snapshot, run.sets, {
          samples: p.samples,
          strata: p.strata,
          burnIn: p.burnIn,
          thin: p.thin,
          seed: deriveSeed(p.seed, `rewiring\u0000${label}`),
          setSeeds: run.seeds.map((s) => deriveSeed(p.seed, s)),
          profile,
        }),
      );
    }
    this.cohesion = works.map((w, i) => {
      const ref = this.cohesionRefs[i];
      const size = w.group.cohesionMembers?.length ?? w.group.members.length;
      if (ref) return cohesionRecord(ref.graph, size, this.samples.get(ref.graph) as CohesionSamples, ref.k);
      if (w.group.selection && w.eligibility.eligible)
        return selectedCohesion(cache.whole.label, size, w.group.selection);
      const reason = !w.eligibility.eligible
        ? 'the group is not eligible'
        : (w.group.cohesionUnavailable ?? 'not testable');
      return untestedCohesion(cache.whole.label, size, reason);
    });
    const t = performance.now();
    this.residual = works.map((w, i) => {
      const ref = this.residualRefs[i];
      return residualTest(w, ref ? { samples: this.samples.get(ref.graph) as CohesionSamples, k: ref.k } : null, p);
    });
    profile?.('residual depletion', performance.now() - t);
    // BH across the groups tested here (a detected community keeps the q of its own q–s family)
    const own = this.cohesion.map((c, i) => (this.cohesionRefs[i] && c.available && c.p !== null ? c.p : Number.NaN));
    const q = benjaminiHochberg(own);
    this.cohesion.forEach((c, i) => {
      if (this.cohesionRefs[i]) settleCohesion(c, q[i] as number, p.alpha, p.minCohesionRatio);
    });
  }

  /** The replicate engine slot of group `i`'s cohesion (or residual) set, for the bootstrap. */
  slot(i: number, which: 'cohesion' | 'residual'): SetSlot | null {
    const ref = (which === 'cohesion' ? this.cohesionRefs : this.residualRefs)[i];
    if (!ref) return null;
    let engine = this.engines.get(ref.graph);
    if (!engine) {
      const run = this.runs.get(ref.graph) as Run;
      const weighted = this.p.getEdgeWeight !== null;
      engine = new ReplicateCohesion(
        run.evidence,
        arcWindows(run.evidence, weighted),
        run.sets,
        this.samples.get(ref.graph) as CohesionSamples,
        weighted,
      );
      this.engines.set(ref.graph, engine);
    }
    return { engine, k: ref.k };
  }

  /** The rewiring chains: attempted and accepted swaps per graph. */
  rewiring(): { graph: string; arcs: number; attempted: number; accepted: number }[] {
    return [...this.runs].map(([label, run]) => ({
      graph: label,
      arcs: run.evidence.snapshot.m,
      ...(this.samples.get(label) as CohesionSamples).rewiring,
    }));
  }
}
