/**
 * `analyzeOrganization`: the whole pipeline in one call — read (once), pseudonymise, build the graph, windows
 * and threads, define the formal groups, run each available analysis stage, and assemble the report. The
 * CLI's `analyze` and `demo` are thin wrappers around it; notebooks and pipelines call it directly.
 *
 * @module
 */

import { basename } from 'node:path';
import { type Duration, type Instant, parseDuration, parseInstant } from '../duration.js';
import type { InteractionGraph, WindowGraph } from '../graph/build.js';
import { ingest } from '../graph/ingest.js';
import type { Roster } from '../graph/roster.js';
import { type ClassifyMessagesOptions, messageClassifier } from '../log/classify/stream.js';
import type { Message } from '../log/message.js';
import { batchesOf, type MessageBatches, type ReadStats } from '../log/message-log.js';
import type { ThreadSummaries } from '../log/threads.js';
import { optionChecker } from '../options.js';
import { pseudonymizeGroups, pseudonymizeMessages, pseudonymizeRoster } from '../privacy/apply.js';
import type { Pseudonymizer } from '../privacy/pseudonymize.js';
import { DEFAULT_SEED } from '../random.js';
import type { WorkersOption } from '../workers/pool.js';
import { buildReport } from './build-report.js';
import { combineGroups, type FormalGroup, groupOfAll, groupsFromChannels, groupsFromRoster } from './formal-groups.js';
import type { AnalysisName, AnalysisStatus, Report, ReportParams } from './model.js';
import { type AnalysisStages, DEFAULT_STAGES, type ProgressEvent, type StageContext } from './stages.js';

const MODULE = 'report/analyze';
const check = optionChecker(MODULE);

/** Options of {@link analyzeOrganization}. */
export interface AnalyzeOrganizationOptions {
  /** Seed of every random step. Default {@link DEFAULT_SEED}, so runs reproduce. */
  seed?: number | string;
  /** Louvain resolution γ (higher → more, smaller communities). Default 1. */
  resolution?: number;
  /** Null-model samples per test. Default 200. */
  nullSamples?: number;
  /**
   * Null graphs of the Kojaku–Masuda q–s test of the detected communities (the detector re-run on each); `0`
   * leaves the detected communities untested. Default 100: 0.2 s on the 150-person sample organisation, about
   * 0.7 s per null graph on a 10,000-person one on one thread, 0.4 s with two `workers` (docs/method.md).
   */
  communityNullGraphs?: number;
  /**
   * Worker threads for the sample work that can leave this thread — the q–s test's null graphs:
   * `'auto'` (default: up to four cores on graphs of at least 50,000 undirected pairs), a count, or 0 (all
   * on this thread). Results do not depend on it.
   */
  workers?: WorkersOption;
  /** Groups smaller than this are suppressed from every output. Default 5. */
  minGroupSize?: number;
  /** Time-window length for temporal indicators, e.g. `'30d'`. Default none. */
  window?: Duration;
  from?: Instant;
  to?: Instant;
  /** People left out (bots, list addresses); raw ids, pseudonymised along with the log. */
  exclude?: string[];
  roster?: Roster;
  /** Roster attributes defining formal groups (one group per value). */
  groupBy?: string[];
  /** Explicit formal groups (e.g. from {@link readGroupsFile}). */
  groups?: FormalGroup[];
  /** Each channel of the log is a group scoped to its own messages. Default `false`. */
  groupByChannel?: boolean;
  /** Name of one group holding every participant of the log. */
  groupAll?: string;
  /** Pseudonymise every person id before analysis. */
  pseudonymizer?: Pseudonymizer;
  /** Keep identifying roster columns (name, e-mail) even when pseudonymising. Default `false`. */
  keepIdentifying?: boolean;
  /**
   * Label messages that carry text but no kind with the message classifier (question, answer, share,
   * discussion; `classifyMessages`), so that the practice test reads help threads and the share mix from
   * kinds. Messages without text are left unlabelled (structure alone would call every root a question).
   * `true` (default), `false`, or the classifier's options. Text never reaches any output.
   */
  classify?: boolean | Omit<ClassifyMessagesOptions, 'onClassified' | 'requireText'>;
  /** Analyses to run; default {@link DEFAULT_STAGES}. */
  stages?: AnalysisStages;
  onProgress?: (event: ProgressEvent) => void;
  /** Extra parameters recorded in `report.params` (e.g. the reader options used). */
  params?: Record<string, unknown>;
  /** Messages between progress events of the read phase. Default 50,000. */
  progressEvery?: number;
}

/** Defaults of {@link AnalyzeOrganizationOptions}. */
export const ANALYZE_DEFAULTS = Object.freeze({
  seed: DEFAULT_SEED,
  resolution: 1,
  nullSamples: 200,
  communityNullGraphs: 100,
  workers: 'auto' as WorkersOption,
  minGroupSize: 5,
  groupByChannel: false,
  keepIdentifying: false,
  classify: true,
  progressEvery: 50_000,
});

/** Result of {@link analyzeOrganization}: the report and the objects it was built from. */
export interface OrganizationAnalysis {
  report: Report;
  graph: InteractionGraph;
  windows: WindowGraph[];
  threads: ThreadSummaries;
  /** Every formal group defined (suppressed ones included; outputs leave them out). */
  groups: FormalGroup[];
  roster: Roster | undefined;
}

/** Messages as any reader or generator gives them. */
export type MessagesInput = AsyncIterable<Message> | Iterable<Message>;

/**
 * The logs one after the other as one batched source, reporting read progress at every multiple of `every`
 * messages: the stages consume arrays of messages, without an `await` per message.
 */
function batchedLogs(
  sources: MessagesInput[],
  every: number,
  onProgress: (e: ProgressEvent) => void,
): MessageBatches & AsyncIterable<Message> {
  async function* batches(): AsyncGenerator<Message[]> {
    let n = 0;
    let next = every;
    onProgress({ phase: 'read', done: 0, unit: 'messages' });
    for (const source of sources) {
      for await (const batch of batchesOf(source)) {
        yield batch;
        n += batch.length;
        for (; next <= n; next += every) onProgress({ phase: 'read', done: next, unit: 'messages' });
      }
    }
    onProgress({ phase: 'read', done: n, total: n, unit: 'messages' });
  }
  return {
    batches,
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) yield* batch;
    },
  };
}

/** A batched source with `fn` applied to every message, in order. */
function mapBatches(
  source: MessageBatches,
  fn: (message: Message) => Message,
): MessageBatches & AsyncIterable<Message> {
  async function* batches(): AsyncGenerator<Message[]> {
    for await (const batch of source.batches()) yield batch.map(fn);
  }
  return {
    batches,
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) yield* batch;
    },
  };
}

/**
 * Runs the pipeline on one or more message logs and returns the report.
 *
 * @param logs - a reader's `MessageLog` (its accounting goes into `report.input`), an array of logs, or any
 *   (async) iterable of messages
 * @example
 * const { report } = await analyzeOrganization(readCsv('fixtures/sample-org/messages.csv'), {
 *   roster: await readRoster('fixtures/sample-org/roster.csv'),
 *   groupBy: ['department'],
 *   window: '14d',
 * });
 * report.groups.map((g) => [g.name, g.verdict]);
 */
export async function analyzeOrganization(
  logs: MessagesInput | MessagesInput[],
  options: AnalyzeOrganizationOptions = {},
): Promise<OrganizationAnalysis> {
  const seed = options.seed ?? ANALYZE_DEFAULTS.seed;
  if (typeof seed !== 'string') check.nonNegativeInt('seed', seed);
  const resolution = check.positive('resolution', options.resolution ?? ANALYZE_DEFAULTS.resolution);
  const nullSamples = check.positiveInt('nullSamples', options.nullSamples ?? ANALYZE_DEFAULTS.nullSamples);
  const communityNullGraphs = check.nonNegativeInt(
    'communityNullGraphs',
    options.communityNullGraphs ?? ANALYZE_DEFAULTS.communityNullGraphs,
  );
  const workers = options.workers ?? ANALYZE_DEFAULTS.workers;
  if (workers !== 'auto') check.nonNegativeInt('workers', workers);
  const minGroupSize = check.positiveInt('minGroupSize', options.minGroupSize ?? ANALYZE_DEFAULTS.minGroupSize);
  const every = check.positiveInt('progressEvery', options.progressEvery ?? ANALYZE_DEFAULTS.progressEvery);
  if (options.window !== undefined) parseDuration(options.window, 'window', MODULE);
  const onProgress = options.onProgress ?? (() => {});
  const stages = options.stages ?? DEFAULT_STAGES;
  const p = options.pseudonymizer;

  const isSource = (x: unknown) =>
    typeof x === 'object' && x !== null && (Symbol.asyncIterator in x || Symbol.iterator in x);
  // an array is either several logs or the messages of one log
  const list: MessagesInput[] =
    Array.isArray(logs) && logs.length > 0 && isSource(logs[0]) ? (logs as MessagesInput[]) : [logs as MessagesInput];
  let inputs: MessagesInput[] = list;
  let roster = options.roster;
  let groupsIn = options.groups ?? [];
  let exclude = options.exclude ?? [];
  let droppedAttributes: string[] = [];
  if (p) {
    inputs = [
      pseudonymizeMessages(
        batchedLogs(list, Number.POSITIVE_INFINITY, () => {}),
        p,
      ),
    ];
    if (roster) {
      const r = await pseudonymizeRoster(roster, p, { keepIdentifying: options.keepIdentifying ?? false });
      roster = r.roster;
      droppedAttributes = r.dropped;
    }
    groupsIn = await pseudonymizeGroups(groupsIn, p);
    exclude = [...(await p.map(exclude)).values()];
  }
  let source = batchedLogs(inputs, every, onProgress);
  const classify = options.classify ?? ANALYZE_DEFAULTS.classify;
  let classified = 0;
  if (classify !== false) {
    source = mapBatches(
      source,
      messageClassifier({
        ...(typeof classify === 'object' ? classify : {}),
        requireText: true,
        onClassified: () => {
          classified++;
        },
      }),
    );
  }
  const ingested = await ingest(source, {
    ...stages.ingestOptions,
    ...(roster ? { roster } : {}),
    ...(exclude.length > 0 ? { exclude } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.window !== undefined ? { window: options.window } : {}),
  });
  const { graph, windows, threads } = ingested;
  // pseudonymised reports name their input files without folders (a home folder can name a person)
  const sources: ReadStats[] = list
    .map((l) => (l as { stats?: ReadStats }).stats)
    .filter((s): s is ReadStats => s !== undefined && typeof s.read === 'number')
    .map((s) => (p ? { ...s, source: basename(s.source) } : s));
  if (p && roster) roster = { ...roster, stats: { ...roster.stats, source: basename(roster.stats.source) } };

  const groupSources: string[] = [];
  const lists: FormalGroup[][] = [];
  for (const attribute of options.groupBy ?? []) {
    if (!roster) check.fail('groupBy', 'used with a `roster`', attribute);
    lists.push(groupsFromRoster(roster as Roster, attribute));
    groupSources.push(`roster:${attribute}`);
  }
  if (groupsIn.length > 0) {
    lists.push(groupsIn);
    groupSources.push(...new Set(groupsIn.map((g) => g.source)));
  }
  if (options.groupByChannel) {
    lists.push(groupsFromChannels(threads));
    groupSources.push('channel');
  }
  if (options.groupAll !== undefined) {
    lists.push([groupOfAll(check.string('groupAll', options.groupAll), graph)]);
    groupSources.push('all');
  }
  const groups = combineGroups(...lists);

  const ctx: StageContext = {
    ingested,
    graph,
    windows,
    threads,
    groups: groups.filter((g) => g.members.length >= minGroupSize),
    roster,
    seed,
    resolution,
    nullSamples,
    communityNullGraphs,
    workers,
    minGroupSize,
    onProgress,
  };
  const analyses = {} as Record<AnalysisName, AnalysisStatus>;
  const unavailable = (name: string): AnalysisStatus => ({
    status: 'unavailable',
    reason: `no ${name} analysis is wired into this release`,
  });
  const communities = stages.communities ? await stages.communities(ctx) : undefined;
  analyses.communities = communities
    ? { status: 'done', method: communities.partition.method }
    : unavailable('communities');
  const expertise = stages.expertise ? await stages.expertise(ctx) : undefined;
  analyses.expertise = expertise ? { status: 'done', method: expertise.method } : unavailable('expertise');
  const brokerage = stages.brokerage ? await stages.brokerage({ ...ctx, communities }) : undefined;
  analyses.brokerage = brokerage ? { status: 'done', method: brokerage.method } : unavailable('brokerage');
  let practice: Awaited<ReturnType<NonNullable<AnalysisStages['practice']>>> | undefined;
  if (!stages.practice) analyses.practice = unavailable('community-of-practice test');
  else if (ctx.groups.length === 0 && !communities) {
    analyses.practice = { status: 'skipped', reason: 'no formal group of at least `minGroupSize` members' };
  } else {
    practice = await stages.practice({ ...ctx, communities, expertise: expertise?.people });
    analyses.practice = { status: 'done', method: practice.method };
  }

  const params: ReportParams = {
    seed,
    resolution,
    nullSamples,
    communityNullGraphs,
    minGroupSize,
    window: options.window === undefined ? null : String(options.window),
    from: options.from === undefined ? null : new Date(parseInstant(options.from, 'from', MODULE)).toISOString(),
    to: options.to === undefined ? null : new Date(parseInstant(options.to, 'to', MODULE)).toISOString(),
    groupSources,
    pseudonymized: p !== undefined,
    classify: { enabled: classify !== false, classified },
    ...options.params,
  };
  const report = buildReport({
    graph,
    windows,
    threads,
    sources,
    roster,
    groups,
    params,
    analyses,
    communities,
    expertise: expertise?.people,
    brokerage: brokerage?.people,
    practice,
    privacy: { method: p ? p.params.method : null, droppedAttributes },
  });
  return { report, graph, windows, threads, groups, roster };
}
