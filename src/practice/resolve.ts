/**
 * Resolving the groups of a `testGroups` call against the evidence: which graph each group is read on,
 * its members there, its threads, its help events and top answerers, and its eligibility.
 *
 * @module
 */

import { OptionError } from '../errors.js';
import type { ChannelGraph, Ingested } from '../graph/ingest.js';
import type { ThreadSummary } from '../log/threads.js';
import { buildEvidence, type Evidence } from './evidence.js';
import { type GroupSpec, indicesOf, type ResolvedGroup, scopeOf } from './groups.js';
import { type HelpEvents, helpBasisOf, helpEvents, type TopAnswerer, topAnswerers } from './help.js';
import type { TestGroupsParams } from './options.js';
import { type ThreadBaseline, threadBaseline } from './thread-mix.js';

/** A group with everything the tests need. */
export interface GroupWork {
  group: ResolvedGroup;
  help: HelpEvents;
  top: TopAnswerer[];
  /** Members minus the top answerers present in the evidence graph (`null` without top answerers). */
  residual: Int32Array | null;
  eligibility: Eligibility;
  /** The answered threads of the whole log, for the thread-participants baseline. */
  baseline: ThreadBaseline;
}

/** Why a group can or cannot be judged. */
export interface Eligibility {
  eligible: boolean;
  reasons: string[];
  /** Declared members (people) or participants (channel). */
  declared: number;
  /** Members present in the graph the group is read on. */
  members: number;
  absent: number;
  /** Messages (tie contributions) sent by members in that graph. */
  messages: number;
  /** Answered threads of the group. */
  threads: number;
  /** Windows with member activity (`null` without time windows). */
  windows: number | null;
}

function memberMessages(evidence: Evidence, members: Int32Array): number {
  const s = evidence.snapshot;
  let c = 0;
  for (const i of members) {
    for (let e = s.offsets[i] as number; e < (s.offsets[i + 1] as number); e++) c += s.count[e] as number;
  }
  return Math.round(c);
}

function activeWindows(cache: EvidenceCache, evidence: Evidence, members: Int32Array): number | null {
  if (!evidence.window) return null;
  const lists = cache.nodeWindows(evidence);
  const seen = new Set<number>();
  for (const i of members) for (const w of lists[i] ?? []) seen.add(w);
  return seen.size;
}

/** Evidence graphs by label, built on demand. */
export class EvidenceCache {
  readonly whole: Evidence;
  private readonly channels = new Map<string, Evidence>();
  private readonly byChannel: Map<string, ChannelGraph>;
  private readonly windowsOfNodes = new Map<Evidence, number[][]>();
  private threadsByRoot: Map<string, number[]> | undefined;
  private threadsByChannel: Map<string, ThreadSummary[]> | undefined;
  private threadPool: ThreadBaseline | undefined;

  constructor(
    private readonly input: Ingested,
    private readonly getEdgeWeight: string | null,
  ) {
    this.whole = buildEvidence('organisation', input.graph, input.windows, input.threads.threads, { getEdgeWeight });
    this.byChannel = new Map((input.channels ?? []).map((c) => [c.channel, c]));
  }

  channel(name: string): Evidence {
    let ev = this.channels.get(name);
    if (ev) return ev;
    const c = this.byChannel.get(name);
    if (!c) {
      throw new OptionError(`channel group needs the graph of channel "${name}"`, {
        module: 'practice',
        got: name,
        hint: "ingest the log with `channels: true` (or a list of channels) so each channel's graph is built",
      });
    }
    if (!this.threadsByChannel) {
      this.threadsByChannel = new Map();
      for (const t of this.input.threads.threads) {
        if (t.channel === undefined) continue;
        const list = this.threadsByChannel.get(t.channel);
        if (list) list.push(t);
        else this.threadsByChannel.set(t.channel, [t]);
      }
    }
    const threads = this.threadsByChannel.get(name) ?? [];
    ev = buildEvidence(name, c.graph, c.windows, threads, { getEdgeWeight: this.getEdgeWeight });
    this.channels.set(name, ev);
    return ev;
  }

  /** The answered threads of the whole log, prepared once. */
  baseline(): ThreadBaseline {
    this.threadPool ??= threadBaseline(this.whole.threads);
    return this.threadPool;
  }

  /** Per node of `evidence`, the windows (sorted) in which it sent or received a tie. Built once. */
  nodeWindows(evidence: Evidence): number[][] {
    let lists = this.windowsOfNodes.get(evidence);
    if (lists) return lists;
    const out: number[][] = Array.from({ length: evidence.snapshot.n }, () => []);
    for (const w of evidence.windows) {
      const push = (i: number) => {
        const l = out[i] as number[];
        if (l[l.length - 1] !== w.index) l.push(w.index);
      };
      for (let e = 0; e < w.src.length; e++) {
        push(w.src[e] as number);
        push(w.dst[e] as number);
      }
    }
    lists = out;
    this.windowsOfNodes.set(evidence, lists);
    return lists;
  }

  /**
   * Threads started by a member and answered by at least one other member, in the log's thread order
   * (people groups). Threads are indexed by their starter once.
   */
  peopleThreads(members: ReadonlySet<string>): ThreadSummary[] {
    const all = this.whole.threads;
    if (!this.threadsByRoot) {
      this.threadsByRoot = new Map();
      all.forEach((t, i) => {
        if (t.root === undefined) return;
        const list = this.threadsByRoot?.get(t.root);
        if (list) list.push(i);
        else this.threadsByRoot?.set(t.root, [i]);
      });
    }
    const picked: number[] = [];
    for (const m of members) {
      for (const i of this.threadsByRoot.get(m) ?? []) {
        if ((all[i] as ThreadSummary).repliers.some((r) => members.has(r.person))) picked.push(i);
      }
    }
    return picked.sort((a, b) => a - b).map((i) => all[i] as ThreadSummary);
  }
}

/** Resolves one group spec. */
export function resolveGroup(spec: GroupSpec, position: number, cache: EvidenceCache, p: TestGroupsParams): GroupWork {
  const scope = scopeOf(spec, position);
  let group: ResolvedGroup;
  if (scope === 'people') {
    const ids = spec.members as readonly string[];
    const { members, absent } = indicesOf(cache.whole, ids);
    const set = new Set(ids);
    const coverage = cache.whole.snapshot.n > 0 ? members.length / cache.whole.snapshot.n : 1;
    group = {
      name: spec.name,
      scope,
      declared: set.size,
      absent,
      evidence: cache.whole,
      members,
      threads: cache.peopleThreads(set),
      cohesionMembers: coverage < p.maxCoverage ? members : null,
    };
    if (spec.selection) group.selection = spec.selection;
    if (group.cohesionMembers === null) {
      group.cohesionUnavailable = `the group's ${members.length} members are ${Math.round(coverage * 100)}% of the people in the graph: nothing outside to compare them with`;
    }
  } else {
    const channel = spec.channel as string;
    const evidence = cache.channel(channel);
    const members = Int32Array.from(evidence.snapshot.keys, (_, i) => i);
    const inWhole = indicesOf(cache.whole, evidence.snapshot.keys);
    const coverage = cache.whole.snapshot.n > 0 ? inWhole.members.length / cache.whole.snapshot.n : 1;
    group = {
      name: spec.name,
      scope,
      channel,
      declared: members.length,
      absent: 0,
      evidence,
      members,
      threads: [...evidence.threads],
      cohesionMembers: coverage < p.maxCoverage ? inWhole.members : null,
    };
    if (group.cohesionMembers === null) {
      group.cohesionUnavailable = `the channel's ${members.length} participants are ${Math.round(coverage * 100)}% of the people in the log: nothing outside to compare them with`;
    }
  }
  // a channel's graph holds only its participants: every replier is a member
  const memberIds =
    scope === 'people' ? new Set(Array.from(group.members, (i) => group.evidence.snapshot.keys[i] as string)) : null;
  const help = helpEvents(group.threads, memberIds, helpBasisOf(group.threads, p.helpThreads));
  const cap = Math.max(p.maxTopAnswerers, Math.round(p.maxTopAnswererShare * group.members.length));
  const top = topAnswerers(help, p.topAnswererFactor, cap);
  let residual: Int32Array | null = null;
  if (top.length > 0) {
    const out = new Set(top.map((t) => group.evidence.snapshot.index.get(t.person)));
    residual = group.members.filter((i) => !out.has(i));
  }
  const messages = memberMessages(group.evidence, group.members);
  const windows = activeWindows(cache, group.evidence, group.members);
  const reasons: string[] = [];
  if (group.members.length < p.minGroupSize) {
    reasons.push(`${group.members.length} members in the graph (fewer than ${p.minGroupSize})`);
  }
  if (messages < p.minMessages) reasons.push(`${messages} messages from members (fewer than ${p.minMessages})`);
  if (windows !== null && windows < p.minWindows) {
    reasons.push(`active in ${windows} time windows (fewer than ${p.minWindows})`);
  }
  return {
    group,
    help,
    top,
    residual,
    baseline: cache.baseline(),
    eligibility: {
      eligible: reasons.length === 0,
      reasons,
      declared: group.declared,
      members: group.members.length,
      absent: group.absent,
      messages,
      threads: help.threads.length,
      windows,
    },
  };
}
