/**
 * The report model: the versioned, documented record that `practice-graph analyze` writes as
 * `report.json` and from which every other output (CSV tables, GEXF, GraphML, Neo4j, HTML) is derived.
 *
 * Every key is always present. A section whose analysis did not run holds `null` (or `[]`), and
 * `analyses` says why, so a consumer never has to guess between "absent" and "zero". The JSON Schema is
 * {@link REPORT_SCHEMA}; the field-by-field documentation is `docs/report-schema.md`.
 *
 * Versioning (`schemaVersion`, semver): a new optional field or a new enum value is a minor version; a
 * removed or renamed field, or a changed meaning, is a major version.
 *
 * @module
 */

/** Version of the report layout written by this release. */
export const REPORT_SCHEMA_VERSION = '1.0.0';

import type { Verdict } from '../practice/decide.js';

/** Whether an analysis ran, and if not, why. */
export interface AnalysisStatus {
  status: 'done' | 'skipped' | 'unavailable';
  /** Method name of the analysis that ran. */
  method?: string;
  /** Why it was skipped or is unavailable. */
  reason?: string;
}

/** The analyses a report may carry. */
export type AnalysisName = 'communities' | 'expertise' | 'brokerage' | 'practice';

/** One input file's accounting (`read = accepted + rejected`). */
export interface InputSource {
  source: string;
  format: string;
  read: number;
  accepted: number;
  rejected: number;
  messages: number;
  skipped: Record<string, number>;
  notes: string[];
}

/** What went in and what was used. */
export interface InputSection {
  /** Records read over all sources (`read = accepted + rejected`). */
  read: number;
  accepted: number;
  rejected: number;
  /** Messages the readers yielded. */
  messages: number;
  /** Messages that added at least one tie. */
  used: number;
  people: number;
  ties: number;
  /** First and last timestamp of the messages used (ISO 8601), or `null` for untimed logs. */
  from: string | null;
  to: string | null;
  /** Formats read (`csv`, `ndjson`, ...), deduplicated in order. */
  format: string[];
  sources: InputSource[];
  /** Messages dropped by the graph builder, by reason (self, massMail, outOfRange, ...). */
  dropped: Record<string, number>;
  threads: { threads: number; placed: number; unresolvedReplies: number };
  windows: { window: string | null; count: number };
  roster: { source: string; read: number; accepted: number; rejected: number; matched: number } | null;
}

/** A test indicator against its null model, as the report writes it. */
export interface IndicatorRecord {
  name: string;
  observed: number | null;
  nullMean: number | null;
  /**
   * The null range: the 2.5 % and 97.5 % quantiles of the null samples when the test keeps them, else the
   * null mean ± 1.96 standard deviations; `null` when the null has no spread to report.
   */
  nullLow: number | null;
  nullHigh: number | null;
  pValue: number | null;
  /** Which regime the indicator points to. */
  direction: 'community-of-practice' | 'social-learning' | 'neutral' | 'unavailable';
}

/** The verdict block shared by groups and communities (all `null` when the test did not run). */
export interface VerdictFields {
  verdict: Verdict | null;
  copScore: number | null;
  /** Share of bootstrap replicates agreeing with the verdict, in [0, 1]. */
  confidence: number | null;
  confidenceLabel: 'confident' | 'tentative' | 'ambiguous' | null;
  indicators: IndicatorRecord[];
}

/** The partition into detected communities. */
export interface PartitionSection {
  method: string;
  resolution: number;
  modularity: number;
  count: number;
  /** Disconnected communities split into their components. */
  repaired: number;
  /** Mean share of ensemble runs agreeing with the consensus (null for a single run). */
  stability: number | null;
  seed: number | string;
}

/** Experts of a community or group. */
export interface TopPerson {
  id: string;
  score: number;
}

/** A detected community. */
export interface CommunityRecord extends VerdictFields {
  id: number;
  size: number;
  members: string[];
  density: number | null;
  conductance: number | null;
  topExperts: TopPerson[];
  /** Share of members per value, for each roster attribute (`null` when suppressed as too small). */
  composition: Record<string, Record<string, number>> | null;
}

/** Expertise figures of a person. */
export interface PersonExpertise {
  answers: number;
  questions: number;
  zScore: number;
  expertiseRank: number;
  authority: number;
  /** Combined score in [0, 1]. */
  score: number;
  /** 1-based rank by `score`. */
  rank: number;
}

/** Brokerage figures of a person. */
export interface PersonBrokerage {
  betweenness: number;
  participation: number | null;
  withinModuleZ: number | null;
  role: string | null;
  constraint: number | null;
}

/** A person. */
export interface PersonRecord {
  id: string;
  /** Detected community id, or `null`. */
  community: number | null;
  /** Names of the (reported) formal groups the person belongs to. */
  groups: string[];
  sent: number;
  received: number;
  /** Roster attributes (identifying columns dropped when pseudonymised). */
  attributes: Record<string, string>;
  expertise: PersonExpertise | null;
  brokerage: PersonBrokerage | null;
}

/** Cohesion of a group against its nulls. */
export interface Cohesion {
  observedOverExpected: number | null;
  modularityTerm: number | null;
  pValue: number | null;
  qValue: number | null;
}

/** A formal group and its test. */
export interface GroupRecord extends VerdictFields {
  name: string;
  kind: 'people' | 'channel';
  source: string;
  /** Members by definition. */
  size: number;
  /** Members present in the interaction graph. */
  active: number;
  cohesion: Cohesion | null;
  alignment: { community: number; jaccard: number; expectedJaccard: number } | null;
  evidence: string[];
}

/** Parameters of the run (everything needed to reproduce it, never a secret). */
export interface ReportParams {
  seed: number | string;
  resolution: number;
  nullSamples: number;
  minGroupSize: number;
  window: string | null;
  from: string | null;
  to: string | null;
  groupSources: string[];
  pseudonymized: boolean;
  [option: string]: unknown;
}

/** The report. */
export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  params: ReportParams;
  input: InputSection;
  analyses: Record<AnalysisName, AnalysisStatus>;
  partition: PartitionSection | null;
  communities: CommunityRecord[];
  people: PersonRecord[];
  groups: GroupRecord[];
  privacy: {
    pseudonymized: boolean;
    method: string | null;
    /** Roster columns left out because they identify people. */
    droppedAttributes: string[];
    minGroupSize: number;
    /** Formal groups smaller than `minGroupSize`, left out of every output. */
    suppressedGroups: number;
    /** Communities smaller than `minGroupSize` whose roster composition is withheld. */
    suppressedCompositions: number;
  };
}
