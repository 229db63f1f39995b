/**
 * Assembles the {@link Report} from the graph, the reader accounting and the stage outputs, applying the
 * minimum group size everywhere: a formal group smaller than `minGroupSize` appears in no output (not in
 * `groups`, not in any person's `groups`), only in the count `privacy.suppressedGroups`; a detected
 * community that small keeps its id, size and members but not its roster composition.
 *
 * @module
 */

import { version } from '../../package.json';
import type { InteractionGraph, WindowGraph } from '../graph/build.js';
import type { Roster } from '../graph/roster.js';
import type { ReadStats } from '../log/message-log.js';
import type { ThreadSummaries } from '../log/threads.js';
import { isIdentifyingAttribute } from '../privacy/apply.js';
import type { FormalGroup } from './formal-groups.js';
import {
  type AnalysisName,
  type AnalysisStatus,
  type CommunityRecord,
  type GroupRecord,
  type InputSection,
  type PersonRecord,
  REPORT_SCHEMA_VERSION,
  type Report,
  type ReportParams,
  type TopPerson,
  type VerdictFields,
} from './model.js';
import type { CommunitiesOutput, PracticeOutput } from './stages.js';

/** The tool's name and version, as written in reports. */
export const TOOL = Object.freeze({ name: 'practice-graph', version: version as string });

/** Everything {@link buildReport} assembles. */
export interface ReportParts {
  graph: InteractionGraph;
  windows: WindowGraph[];
  threads: ThreadSummaries;
  sources: ReadStats[];
  roster: Roster | undefined;
  groups: FormalGroup[];
  params: ReportParams;
  analyses: Record<AnalysisName, AnalysisStatus>;
  communities?: CommunitiesOutput | undefined;
  expertise?: Map<string, import('./model.js').PersonExpertise> | undefined;
  brokerage?: Map<string, import('./model.js').PersonBrokerage> | undefined;
  practice?: PracticeOutput | undefined;
  privacy: { method: string | null; droppedAttributes: string[] };
  /** How many top experts to list per community. Default 5. */
  topExperts?: number;
}

const EMPTY_VERDICT: VerdictFields = Object.freeze({
  verdict: null,
  copScore: null,
  confidence: null,
  confidenceLabel: null,
  indicators: [],
}) as VerdictFields;

const iso = (t: number | undefined): string | null => (typeof t === 'number' ? new Date(t).toISOString() : null);

function inputSection(parts: ReportParts): InputSection {
  const { graph, sources, threads, roster, windows } = parts;
  const attrs = graph.getAttributes();
  const sum = (f: (s: ReadStats) => number) => sources.reduce((a, s) => a + f(s), 0);
  let matched = 0;
  if (roster) graph.forEachNode((id) => void (roster.people.has(id) && matched++));
  return {
    read: sum((s) => s.read),
    accepted: sum((s) => s.accepted),
    rejected: sum((s) => s.rejected),
    messages: sum((s) => s.messages),
    used: attrs.stats.used,
    people: graph.order,
    ties: graph.size,
    from: iso(attrs.from),
    to: iso(attrs.to),
    format: [...new Set(sources.map((s) => s.format))],
    sources: sources.map((s) => ({
      source: s.source,
      format: s.format,
      read: s.read,
      accepted: s.accepted,
      rejected: s.rejected,
      messages: s.messages,
      skipped: { ...s.skipped },
      notes: [...s.notes],
    })),
    dropped: { ...attrs.stats.dropped },
    threads: {
      threads: threads.stats.threads,
      placed: threads.stats.placed,
      unresolvedReplies: threads.stats.unresolvedReplies,
    },
    windows: { window: parts.params.window, count: windows.length },
    roster: roster
      ? {
          source: roster.stats.source,
          read: roster.stats.read,
          accepted: roster.stats.accepted,
          rejected: roster.stats.rejected,
          matched,
        }
      : null,
  };
}

/**
 * Roster attributes worth a composition: categorical ones. Identifying columns, and columns with more
 * distinct values than half the roster (ids, dates, managers), say nothing about a community's make-up.
 */
function categoricalAttributes(roster: Roster | undefined): string[] {
  if (!roster) return [];
  return roster.attributes.filter((a) => {
    if (isIdentifyingAttribute(a)) return false;
    const values = new Set<string>();
    for (const attrs of roster.people.values()) if (attrs[a] !== undefined) values.add(attrs[a]);
    return values.size > 0 && values.size <= Math.max(1, roster.people.size / 2);
  });
}

function composition(
  members: string[],
  roster: Roster | undefined,
  attributes: string[],
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  if (!roster) return out;
  for (const attribute of attributes) {
    const counts = new Map<string, number>();
    for (const m of members) {
      const v = roster.people.get(m)?.[attribute] ?? '(unknown)';
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const shares: Record<string, number> = {};
    for (const [v, c] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      shares[v] = c / members.length;
    }
    out[attribute] = shares;
  }
  return out;
}

function topExperts(members: string[], parts: ReportParts, k: number): TopPerson[] {
  const e = parts.expertise;
  if (!e) return [];
  return members
    .map((id) => ({ id, score: e.get(id)?.score ?? 0, answers: e.get(id)?.answers ?? 0 }))
    .filter((p) => p.answers > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, k)
    .map(({ id, score }) => ({ id, score }));
}

const VERDICT_ORDER: Record<string, number> = {
  'community-of-practice': 0,
  hybrid: 1,
  'social-learning': 2,
  'not-a-unit': 3,
  'insufficient-evidence': 4,
};
const verdictRank = (v: VerdictFields) => (v.verdict === null ? 5 : (VERDICT_ORDER[v.verdict] ?? 5));

/**
 * Builds the report. Deterministic: the same parts give the same report, key order included.
 * Communities and groups are listed emergent communities of practice first (by verdict, then id or name).
 */
export function buildReport(parts: ReportParts): Report {
  const { graph, roster, params } = parts;
  const min = params.minGroupSize;
  const kept = parts.groups.filter((g) => g.members.length >= min);
  const suppressedGroups = parts.groups.length - kept.length;
  const groupsOf = new Map<string, string[]>();
  for (const g of kept) {
    for (const m of g.members) {
      const list = groupsOf.get(m);
      if (list) list.push(g.name);
      else groupsOf.set(m, [g.name]);
    }
  }

  const assignment = parts.communities?.assignment;
  const members = new Map<number, string[]>();
  if (assignment) {
    for (const id of graph.nodes().sort()) {
      const c = assignment.get(id);
      if (c === undefined) continue;
      const list = members.get(c);
      if (list) list.push(id);
      else members.set(c, [id]);
    }
  }
  let suppressedCompositions = 0;
  const categorical = categoricalAttributes(roster);
  const communities: CommunityRecord[] = [...members]
    .sort((a, b) => a[0] - b[0])
    .map(([id, list]) => {
      const small = list.length < min;
      if (small && roster) suppressedCompositions++;
      const profile = parts.communities?.profiles?.get(id);
      return {
        id,
        size: list.length,
        members: list,
        density: profile?.density ?? null,
        conductance: profile?.conductance ?? null,
        topExperts: topExperts(list, parts, parts.topExperts ?? 5),
        composition: small && roster ? null : composition(list, roster, categorical),
        ...(parts.practice?.communities?.get(id) ?? EMPTY_VERDICT),
      };
    })
    .sort((a, b) => verdictRank(a) - verdictRank(b) || a.id - b.id);

  const people: PersonRecord[] = graph
    .nodes()
    .sort()
    .map((id) => {
      const a = graph.getNodeAttributes(id);
      const attributes: Record<string, string> = {};
      for (const name of roster?.attributes ?? []) {
        const v = a[name];
        if (typeof v === 'string') attributes[name] = v;
      }
      return {
        id,
        community: assignment?.get(id) ?? null,
        groups: groupsOf.get(id) ?? [],
        sent: a.sent,
        received: a.received,
        attributes,
        expertise: parts.expertise?.get(id) ?? null,
        brokerage: parts.brokerage?.get(id) ?? null,
      };
    });

  const groups: GroupRecord[] = kept
    .map((g) => {
      const test = parts.practice?.groups.get(g.name);
      let active = 0;
      for (const m of g.members) if (graph.hasNode(m)) active++;
      return {
        name: g.name,
        kind: g.kind,
        source: g.source,
        size: g.members.length,
        active,
        ...(test
          ? {
              verdict: test.verdict,
              copScore: test.copScore,
              confidence: test.confidence,
              confidenceLabel: test.confidenceLabel,
              indicators: test.indicators,
              cohesion: test.cohesion,
              alignment: test.alignment,
              evidence: test.evidence,
            }
          : { ...EMPTY_VERDICT, indicators: [], cohesion: null, alignment: null, evidence: [] }),
      };
    })
    .sort((a, b) => verdictRank(a) - verdictRank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { ...TOOL },
    params,
    input: inputSection(parts),
    analyses: parts.analyses,
    partition: parts.communities?.partition ?? null,
    communities,
    people,
    groups,
    privacy: {
      pseudonymized: params.pseudonymized,
      method: parts.privacy.method,
      droppedAttributes: parts.privacy.droppedAttributes,
      minGroupSize: min,
      suppressedGroups,
      suppressedCompositions,
    },
  };
}
