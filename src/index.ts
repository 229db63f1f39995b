/**
 * practice-graph: organizational network analysis from message logs.
 *
 * Pipeline: log (readers → `Message`) → graph (interaction graph, windows, threads) → communities /
 * expertise → practice (the community-of-practice test) → report / cli.
 *
 * @packageDocumentation
 */

export { comparePartitions, type PartitionComparison } from './communities/compare.js';
export {
  type CommunityDetection,
  DETECT_COMMUNITIES_DEFAULTS,
  type DetectCommunitiesOptions,
  type DetectCommunitiesParams,
  detectCommunities,
} from './communities/detect.js';
// communities: seeded Louvain, ensembles, repair, profiles, comparison (and the LFR benchmark generator)
export {
  COMMUNITY_ENSEMBLE_DEFAULTS,
  type CommunityEnsemble,
  type CommunityEnsembleOptions,
  type CommunityEnsembleParams,
  type CommunityStability,
  communityEnsemble,
} from './communities/ensemble.js';
export { type LevelSelection, selectStableLevel } from './communities/levels.js';
export {
  type GroupMatch,
  type GroupMatches,
  type GroupsLike,
  MATCH_GROUPS_DEFAULTS,
  type MatchGroupsOptions,
  matchGroups,
} from './communities/match.js';
export { MODULARITY_DEFAULTS, type ModularityOptions, modularity } from './communities/modularity.js';
export {
  type ModularityGraph,
  type ModularityGraphOptions,
  type ModularityModel,
  modularityGraph,
  pairsModularityGraph,
} from './communities/modularity-graph.js';
export {
  type CommunityEvent,
  type CommunityTracking,
  type DynamicCommunity,
  TRACK_COMMUNITIES_DEFAULTS,
  type TrackCommunitiesOptions,
  trackCommunities,
  type WindowCommunities,
  type WindowGraphLike,
} from './communities/over-time.js';
export { compareKeys, type PartitionLike } from './communities/partition.js';
export {
  type CommunityProfile,
  type CommunityProfiles,
  type CompositionEntry,
  PROFILE_COMMUNITIES_DEFAULTS,
  type ProfileCommunitiesOptions,
  profileCommunities,
} from './communities/profile.js';
export { type RepairResult, repairConnectivity } from './communities/repair.js';
export {
  type ResolutionScan,
  type ResolutionScanRow,
  SCAN_RESOLUTION_DEFAULTS,
  type ScanResolutionOptions,
  scanResolution,
} from './communities/scan.js';
export { type Duration, type Instant, parseDuration, parseInstant } from './duration.js';
export {
  type ErrorCode,
  type ErrorLocation,
  FormatError,
  GraphError,
  InputError,
  OptionError,
  PracticeGraphError,
  type PracticeGraphErrorInit,
  UsageError,
} from './errors.js';
// expertise and brokerage (src/expertise/)
export {
  BETWEENNESS_DEFAULTS,
  type BetweennessEstimator,
  type BetweennessOptions,
  type BetweennessRecord,
  type BetweennessResult,
  type BetweennessValues,
  betweenness,
  betweennessValues,
} from './expertise/betweenness.js';
export {
  type ExpertiseByGroupOptions,
  type ExpertiseByGroupResult,
  expertiseByGroup,
  type GroupExpertise,
} from './expertise/by-group.js';
export {
  EXPERTISE_DEFAULTS,
  EXPERTISE_MEASURES,
  type ExpertiseMeasure,
  type ExpertiseOptions,
  type ExpertiseResult,
  type ExpertRecord,
  scoreExpertise,
} from './expertise/expertise.js';
export {
  buildHelpGraph,
  HELP_GRAPH_DEFAULTS,
  type HelperAttributes,
  type HelpGraph,
  type HelpGraphAttributes,
  type HelpGraphOptions,
  type HelpGraphStats,
  type HelpTieAttributes,
} from './expertise/help-graph.js';
export { HITS_DEFAULTS, type HitsOptions, type HitsScores, hits } from './expertise/hits.js';
export type { PartitionInput, UnassignedPolicy } from './expertise/partition.js';
export { midRanks, rankPercentiles, spearman } from './expertise/rank.js';
export {
  classifyRole,
  MODULE_ROLES_DEFAULTS,
  type ModuleRolesOptions,
  type ModuleRolesResult,
  moduleRoles,
  ROLE_NAMES,
  type RoleCode,
  type RoleRecord,
  type RoleThresholds,
} from './expertise/roles.js';
export type { ExpertiseScope, ThreadsInput } from './expertise/scope.js';
export {
  STRUCTURAL_HOLES_DEFAULTS,
  type StructuralHolesOptions,
  type StructuralHolesRecord,
  type StructuralHolesResult,
  structuralHoles,
} from './expertise/structural-holes.js';
export {
  BUILD_DEFAULTS,
  type BuildOptions,
  type BuildStats,
  buildInteractionGraph,
  buildWindowGraphs,
  DEFAULT_WINDOW_ORIGIN,
  type InteractionGraph,
  type InteractionGraphAttributes,
  InteractionGraphBuilder,
  type PersonAttributes,
  type ResolvedBuildParams,
  TIE_KINDS,
  type TieAttributes,
  type TieKind,
  type WindowGraph,
  type WindowOptions,
  type WindowTies,
} from './graph/build.js';
export { type ChannelGraph, type Ingested, type IngestOptions, ingest } from './graph/ingest.js';
export { RESERVED_NODE_ATTRIBUTES, type Roster, type RosterOptions, readRoster } from './graph/roster.js';
export {
  type EdgeValueGetter,
  type GraphSnapshot,
  SNAPSHOT_DEFAULTS,
  type SnapshotOptions,
  snapshotGraph,
  transposeSnapshot,
} from './graph/snapshot.js';
export { type GraphSummary, reciprocity, summarizeGraph } from './graph/summary.js';
export { type ToUndirectedOptions, toUndirected, type UndirectedTieAttributes } from './graph/undirected.js';
export {
  CSV_DEFAULTS,
  type CsvEngine,
  type CsvReadOptions,
  type CsvRowsOptions,
  csvBatches,
  csvRows,
  readCsv,
  sniffDelimiter,
} from './log/csv.js';
export { type ColumnMapping, HEADER_ALIASES, type RecordOptions } from './log/fields.js';
// real-world readers (mbox/.eml, Slack, Stack Exchange, Viva Insights, chat logs) and message classification
export * from './log/formats.js';
export {
  createIdentityResolver,
  type IdentityOptions,
  type IdentityResolver,
  normalizePersonId,
} from './log/identity.js';
export { type JsonArrayReadOptions, type JsonReadOptions, readJson, readNdjson } from './log/json.js';
export { MESSAGE_FIELDS, MESSAGE_KINDS, type Message, type MessageField, type MessageKind } from './log/message.js';
export {
  forEachMessage,
  hasBatches,
  type MessageBatches,
  MessageLog,
  type Producer,
  READER_DEFAULTS,
  ReadContext,
  type ReaderOptions,
  type ReadStats,
  type Reject,
} from './log/message-log.js';
export { detectFormat, LOG_FORMATS, type LogFormat, type ReadLogOptions, readLog } from './log/read.js';
export type { LogSource } from './log/source.js';
export {
  type PersonThreadStats,
  summarizeThreads,
  ThreadCollector,
  type ThreadOptions,
  type ThreadReplier,
  type ThreadSummaries,
  type ThreadSummary,
} from './log/threads.js';
export { createTimestampParser, type TimestampOptions, type TimestampParser } from './log/timestamp.js';
// practice: does a formal group behave as a community of practice or as ad hoc social learning?
export type { Confidence } from './practice/bootstrap.js';
export type { CohesionTest } from './practice/cohesion.js';
export { type Decision, type DecisionRule, PRACTICE_INDICATORS, VERDICTS, type Verdict } from './practice/decide.js';
export { type GroupScope, type GroupSpec, groupsByAttribute, type SelectionTest } from './practice/groups.js';
export type { TopAnswerer } from './practice/help.js';
export {
  INDICATOR_NAMES,
  type Indicator,
  type IndicatorName,
  type IndicatorNull,
  type Regime,
} from './practice/indicator.js';
export { TEST_GROUPS_DEFAULTS, type TestGroupsOptions, type TestGroupsParams } from './practice/options.js';
export type { Depletion, ResidualTest } from './practice/residual.js';
export type { Eligibility } from './practice/resolve.js';
export {
  AUTO_MAX_WORKERS,
  type CommunityDetector,
  type CommunityTest,
  type CommunityTests,
  louvainDetector,
  TEST_COMMUNITIES_DEFAULTS,
  type TestCommunitiesAsyncOptions,
  type TestCommunitiesOptions,
  testCommunities,
  testCommunitiesAsync,
  WORKER_MIN_PAIRS,
} from './practice/test-communities.js';
export { type GroupTest, type GroupTests, type PracticeInput, testGroups } from './practice/test-groups.js';
// report, exports, privacy and the whole pipeline (src/report/, src/privacy/)
export {
  IDENTIFYING_ATTRIBUTES,
  isIdentifyingAttribute,
  type PseudonymizeRosterOptions,
  pseudonymizeGroups,
  pseudonymizeMessages,
  pseudonymizeRoster,
} from './privacy/apply.js';
export {
  createPseudonymizer,
  PSEUDONYMIZE_DEFAULTS,
  type PseudonymizeOptions,
  type Pseudonymizer,
} from './privacy/pseudonymize.js';
export { createRng, DEFAULT_SEED, deriveSeed, type Rng, randomInt, shuffleInPlace } from './random.js';
export {
  ANALYZE_DEFAULTS,
  type AnalyzeOrganizationOptions,
  analyzeOrganization,
  type MessagesInput,
  type OrganizationAnalysis,
} from './report/analyze.js';
export { buildReport, type ReportParts, TOOL } from './report/build-report.js';
export {
  type Cell,
  communitiesCsv,
  formatCell,
  groupsCsv,
  neutralizeCell,
  peopleCsv,
  peopleTable,
  toCsv,
} from './report/csv.js';
export {
  combineGroups,
  type FormalGroup,
  groupOfAll,
  groupsFromChannels,
  groupsFromRoster,
  type ReadGroupsOptions,
  readGroupsFile,
} from './report/formal-groups.js';
export {
  type ExportValue,
  escapeXml,
  gexfChunks,
  graphmlChunks,
  personExportAttributes,
  sortedTies,
  type Tie,
  toGexf,
  toGraphml,
  xmlSafe,
} from './report/graph-export.js';
export { type HtmlOptions, jsonForScript, renderHtml } from './report/html.js';
export { indicatorChart, type NetworkSvgOptions, networkSvg } from './report/html-svg.js';
export {
  COMMUNITY_COLORS,
  communityColor,
  LAYOUT_DEFAULTS,
  type LayoutOptions,
  layoutGraph,
  type Positions,
} from './report/layout.js';
export {
  type AnalysisName,
  type AnalysisStatus,
  type Cohesion,
  type CommunityRecord,
  type GroupRecord,
  type IndicatorRecord,
  type InputSection,
  type InputSource,
  type PartitionSection,
  type PersonBrokerage,
  type PersonExpertise,
  type PersonRecord,
  REPORT_SCHEMA_VERSION,
  type Report,
  type ReportParams,
  type TopPerson,
  type VerdictFields,
} from './report/model.js';
export {
  NEO4J_TIE_COLUMNS,
  type Neo4jOptions,
  neo4jCypher,
  neo4jHandoff,
  neo4jTiesChunks,
} from './report/neo4j.js';
export { REPORT_SCHEMA } from './report/schema.js';
export {
  type CommunitiesStageDeps,
  createCommunitiesStage,
  type EnsembleLike,
  type ProfilesLike,
  REPORT_ENSEMBLE_RUNS,
} from './report/stages/communities.js';
export {
  type BrokerageStageDeps,
  createBrokerageStage,
  createExpertiseStage,
  type ExpertiseStageDeps,
  type ExpertLike,
} from './report/stages/expertise.js';
export {
  COMMUNITY_NULL_GRAPHS,
  type CommunityTestLike,
  createPracticeStage,
  type GroupSpecLike,
  type GroupTestLike,
  type IndicatorLike,
  PRACTICE_INGEST_OPTIONS,
  type PracticeContext,
  type PracticeStageDeps,
  reportCohesion,
  reportIndicator,
} from './report/stages/practice.js';
export {
  type AnalysisStages,
  type CommunitiesOutput,
  DEFAULT_STAGES,
  type PracticeOutput,
  type ProgressEvent,
  type StageContext,
} from './report/stages.js';
export {
  outputProducers,
  REPORT_FILES,
  renderOutputs,
  type WriteReportOptions,
  writeReport,
} from './report/write.js';
// simulate: synthetic organisations with planted ground truth
export { LOCATIONS, type SimulatedLocation } from './simulate/calendar.js';
export type { SimulationStats } from './simulate/context.js';
export type { PlantedExpert, PlantedGroup } from './simulate/groups.js';
export {
  generateLfrGraph,
  LFR_DEFAULTS,
  type LfrGraph,
  type LfrOptions,
  type LfrParams,
  type LfrStats,
} from './simulate/lfr.js';
export {
  DEFAULT_GROUPS,
  type GroupKindSpec,
  PLANTED_KINDS,
  type PlantedKind,
  type ResolvedSimulateOptions,
  resolveSimulateOptions,
  SIMULATE_DEFAULTS,
  type SimulateOptions,
} from './simulate/options.js';
export type { SimulatedPerson } from './simulate/org.js';
export {
  SIMULATOR_VERSION,
  type SimulatedOrganization,
  type SimulationTruth,
  simulateOrganization,
} from './simulate/simulate.js';
export { MESSAGE_SOURCES, type MessageSource } from './simulate/templates.js';
export {
  MESSAGE_CSV_COLUMNS,
  messageCsvRow,
  ROSTER_CSV_COLUMNS,
  type WriteSimulationOptions,
  type WrittenSimulation,
  writeSimulation,
} from './simulate/write.js';
export type { WorkersOption } from './workers/pool.js';
