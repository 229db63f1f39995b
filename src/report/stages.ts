/**
 * The seam between the pipeline and its analyses. The report asks each stage for its section; a stage that
 * is not provided leaves its section `null` and says so in `analyses`. Each analysis of the library plugs in
 * here through a small adapter that turns its result into report records, so the report never depends on
 * an analysis' internal types.
 *
 * @module
 */

import type { InteractionGraph, WindowGraph } from '../graph/build.js';
import type { Ingested, IngestOptions } from '../graph/ingest.js';
import type { Roster } from '../graph/roster.js';
import type { ThreadSummaries } from '../log/threads.js';
import type { FormalGroup } from './formal-groups.js';
import type {
  Cohesion,
  CommunityRecord,
  PartitionSection,
  PersonBrokerage,
  PersonExpertise,
  VerdictFields,
} from './model.js';

/** A progress report of a long step. */
export interface ProgressEvent {
  /** Step name: `read`, `communities`, `expertise`, `brokerage`, `practice`, `write`. */
  phase: string;
  /** Units done so far. */
  done: number;
  /** Units in all, when known. */
  total?: number;
  /** What is counted (`messages`, `groups`, `samples`). */
  unit: string;
}

/** What every stage receives. */
export interface StageContext {
  /** The one-pass ingestion result (graph, windows, threads, and whatever `ingestOptions` asked for). */
  ingested: Ingested;
  graph: InteractionGraph;
  windows: WindowGraph[];
  threads: ThreadSummaries;
  groups: FormalGroup[];
  roster: Roster | undefined;
  seed: number | string;
  resolution: number;
  nullSamples: number;
  minGroupSize: number;
  onProgress: (event: ProgressEvent) => void;
}

/** Output of the communities stage. */
export interface CommunitiesOutput {
  partition: PartitionSection;
  /** Person → community id (ids numbered by size, then smallest member). */
  assignment: Map<string, number>;
  /** Structural profile per community id, when the analysis computes one. */
  profiles?: Map<number, Pick<CommunityRecord, 'density' | 'conductance'>>;
}

/** Output of the practice (community-of-practice test) stage. */
export interface PracticeOutput {
  method: string;
  /** Per formal group name. */
  groups: Map<
    string,
    VerdictFields & {
      cohesion: Cohesion | null;
      alignment: { community: number; jaccard: number; expectedJaccard: number } | null;
      evidence: string[];
    }
  >;
  /** Per detected community id, when detected communities are tested too. */
  communities?: Map<number, VerdictFields>;
}

/** The pluggable analyses. Each is optional; later stages see earlier outputs. */
export interface AnalysisStages {
  /** Extra ingestion options the stages need (e.g. per-channel graphs for channel groups). */
  ingestOptions?: Partial<IngestOptions>;
  communities?: (ctx: StageContext) => CommunitiesOutput | Promise<CommunitiesOutput>;
  expertise?: (
    ctx: StageContext,
  ) =>
    | { method: string; people: Map<string, PersonExpertise> }
    | Promise<{ method: string; people: Map<string, PersonExpertise> }>;
  brokerage?: (
    ctx: StageContext & { communities: CommunitiesOutput | undefined },
  ) =>
    | { method: string; people: Map<string, PersonBrokerage> }
    | Promise<{ method: string; people: Map<string, PersonBrokerage> }>;
  practice?: (
    ctx: StageContext & {
      communities: CommunitiesOutput | undefined;
      expertise: Map<string, PersonExpertise> | undefined;
    },
  ) => PracticeOutput | Promise<PracticeOutput>;
}

/**
 * The analyses this release wires in by default. An analysis not listed here has not been released yet;
 * its report section stays `null` with `analyses.<name>.status = 'unavailable'`. The adapters in
 * `src/report/stages/` turn each analysis into a stage: `createCommunitiesStage({ communityEnsemble,
 * profileCommunities })`, `createExpertiseStage({ scoreExpertise })`, `createBrokerageStage({ betweenness,
 * moduleRoles, structuralHoles })`, `createPracticeStage({ testGroups, matchGroups })` with
 * `ingestOptions: PRACTICE_INGEST_OPTIONS`. Callers may pass their own `stages` to `analyzeOrganization`.
 */
export const DEFAULT_STAGES: Readonly<AnalysisStages> = Object.freeze({});
