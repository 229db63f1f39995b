/**
 * Scopes for expertise: "who knows X here". A scope restricts the thread summaries to a group of people
 * (a team, a formal group, a detected community) and/or to a topic (threads carrying a tag, posted in a
 * channel, or whose subject contains a keyword). All conditions given are combined with AND; within one
 * condition (several tags, several channels) any match counts.
 *
 * - People scope (`members`, or `partition` + `community`): only threads started by a member count, and
 *   only members' replies in them; the help graph is the one induced on the members.
 * - Topic scope (`tags`, `channels`, `keyword`): only matching threads count, everyone in them stays.
 *
 * @module
 */

import { OptionError } from '../errors.js';
import type { ThreadSummaries, ThreadSummary } from '../log/threads.js';
import { type PartitionInput, partitionLabels } from './partition.js';

const MODULE = 'expertise/scope';

/** A restriction of the threads to a group of people and/or a topic. */
export interface ExpertiseScope {
  /** People of the group (a team, a formal group). */
  members?: Iterable<string>;
  /** A person → community (or group) map; with `community`, the members are the people with that label. */
  partition?: PartitionInput;
  /** The label of `partition` to keep. */
  community?: string | number;
  /** Threads carrying any of these tags (exact, case-insensitive). */
  tags?: readonly string[];
  /** Threads posted in any of these channels (exact). */
  channels?: readonly string[];
  /** Threads whose subject contains this text (case-insensitive), or matches this expression. */
  keyword?: string | RegExp;
}

/** A resolved scope: a thread filter and an optional member filter. */
export interface ResolvedScope {
  /** Serialisable description, recorded in `params`. */
  description: Record<string, unknown>;
  thread: (t: ThreadSummary) => boolean;
  /** `undefined` when the scope has no people condition. */
  member: ((person: string) => boolean) | undefined;
}

/** Thread summaries as returned by `summarizeThreads`, or just their threads. */
export type ThreadsInput = ThreadSummaries | readonly ThreadSummary[];

/** The threads of a {@link ThreadsInput}. */
export function threadList(input: ThreadsInput): readonly ThreadSummary[] {
  if (Array.isArray(input)) return input as readonly ThreadSummary[];
  const threads = (input as ThreadSummaries).threads;
  if (!Array.isArray(threads)) {
    throw new OptionError('expected thread summaries (the result of `summarizeThreads`) or an array of threads', {
      module: MODULE,
      got: typeof input,
      hint: 'pass `(await summarizeThreads(log))` or `ingest(log).threads`',
    });
  }
  return threads;
}

/** Resolves a scope into filters. */
export function resolveScope(scope: ExpertiseScope | undefined): ResolvedScope {
  if (!scope) return { description: {}, thread: () => true, member: undefined };
  const description: Record<string, unknown> = {};
  let members: Set<string> | undefined;
  if (scope.members !== undefined) {
    members = new Set(scope.members);
    description.members = members.size;
  }
  if (scope.partition !== undefined || scope.community !== undefined) {
    if (scope.partition === undefined || scope.community === undefined) {
      throw new OptionError('`partition` and `community` go together in a scope', {
        module: MODULE,
        got: { partition: scope.partition !== undefined, community: scope.community },
        hint: 'give the person → community map and the community to keep',
      });
    }
    const labels = partitionLabels(scope.partition);
    const wanted = String(scope.community);
    const inCommunity = new Set<string>();
    for (const [person, label] of labels) if (String(label) === wanted) inCommunity.add(person);
    members = members ? new Set([...members].filter((p) => inCommunity.has(p))) : inCommunity;
    description.community = scope.community;
    description.members = members.size;
  }
  const tests: Array<(t: ThreadSummary) => boolean> = [];
  if (scope.tags !== undefined) {
    const tags = new Set(scope.tags.map((t) => t.toLowerCase()));
    tests.push((t) => (t.tags ?? []).some((tag) => tags.has(tag.toLowerCase())));
    description.tags = [...tags].sort();
  }
  if (scope.channels !== undefined) {
    const channels = new Set(scope.channels);
    tests.push((t) => t.channel !== undefined && channels.has(t.channel));
    description.channels = [...channels].sort();
  }
  if (scope.keyword !== undefined) {
    const keyword = scope.keyword;
    if (typeof keyword === 'string') {
      if (keyword.length === 0) throw new OptionError('`keyword` must be non-empty', { module: MODULE, got: keyword });
      const needle = keyword.toLowerCase();
      tests.push((t) => t.subject?.toLowerCase().includes(needle) ?? false);
      description.keyword = keyword;
    } else {
      tests.push((t) => {
        keyword.lastIndex = 0;
        return t.subject !== undefined && keyword.test(t.subject);
      });
      description.keyword = keyword.toString();
    }
  }
  const member = members ? (p: string) => (members as Set<string>).has(p) : undefined;
  const thread = (t: ThreadSummary) =>
    tests.every((test) => test(t)) && (member === undefined || (t.root !== undefined && member(t.root)));
  return { description, thread, member };
}
