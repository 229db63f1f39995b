/**
 * The seam between the pipeline and its analyses. The report asks each stage for its section; a stage that
 * is not provided leaves its section `null` and says so in `analyses`. Each analysis of the library plugs in
 * here through a small adapter that turns its result into report records, so the report never depends on
 * an analysis' internal types.
 *
 * @module
 */

import { communityEnsemble } from '../communities/ensemble.js';
import { profileCommunities } from '../communities/profile.js';
import { betweenness } from '../expertise/betweenness.js';
import { scoreExpertise } from '../expertise/expertise.js';
import { moduleRoles } from '../expertise/roles.js';
import { structuralHoles } from '../expertise/structural-holes.js';
import type { InteractionGraph, WindowGraph } from '../graph/build.js';
import type { Ingested, IngestOptions } from '../graph/ingest.js';
import type { Roster } from '../graph/roster.js';
import type { ThreadSummaries } from '../log/threads.js';
import { testCommunitiesAsync } from '../practice/test-communities.js';
import { testGroups } from '../practice/test-groups.js';
import type { WorkersOption } from '../workers/pool.js';
import type { FormalGroup } from './formal-groups.js';
import type {
  Cohesion,
  CommunityRecord,
  PartitionSection,
  PersonBrokerage,
  PersonExpertise,
  VerdictFields,
} from './model.js';
import { createCommunitiesStage } from './stages/communities.js';
import { createBrokerageStage, createExpertiseStage } from './stages/expertise.js';
import { createPracticeStage, PRACTICE_INGEST_OPTIONS } from './stages/practice.js';

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
  /** Null graphs of the q–s test of the detected communities (0: they are not tested). */
  communityNullGraphs: number;
  /** Worker threads for the q–s test's null graphs (`'auto'`, a count, or 0). */
  workers: WorkersOption;
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
 * The analyses this release runs by default: the communities ensemble with profiles, expertise scores,
 * brokerage (betweenness on distances, Guimerà–Amaral roles, Burt's constraint) and the community-of-practice
 * test of the formal groups (with their alignment to the detected communities) and of the detected
 * communities themselves (after their Kojaku–Masuda q–s test, whose null graphs run on worker threads on
 * large graphs: `testCommunitiesAsync`). Each is turned into a stage by its adapter in
 * `src/report/stages/`. Callers may pass their own `stages` to `analyzeOrganization` (e.g. `{}` for the graph
 * summary alone).
 */
export const DEFAULT_STAGES: Readonly<AnalysisStages> = Object.freeze({
  ingestOptions: PRACTICE_INGEST_OPTIONS,
  communities: createCommunitiesStage({ communityEnsemble, profileCommunities }),
  expertise: createExpertiseStage({ scoreExpertise }),
  brokerage: createBrokerageStage({ betweenness, moduleRoles, structuralHoles }),
  practice: createPracticeStage({ testGroups, testCommunities: testCommunitiesAsync }),
});
