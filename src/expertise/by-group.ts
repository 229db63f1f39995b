/**
 * Expertise within each group of a partition: "who are the experts of this team / this community".
 *
 * @module
 */

import type { ThreadSummary } from '../log/threads.js';
import { type ExpertiseOptions, type ExpertiseResult, scoreExpertise } from './expertise.js';
import { type PartitionInput, partitionLabels } from './partition.js';
import { compareIds } from './rank.js';
import { type ThreadsInput, threadList } from './scope.js';

/** Options of {@link expertiseByGroup}: those of `scoreExpertise`, with a topic scope at most. */
export interface ExpertiseByGroupOptions extends Omit<ExpertiseOptions, 'scope'> {
  /** A topic restriction applied inside every group (tags, channels, keyword). */
  scope?: Omit<NonNullable<ExpertiseOptions['scope']>, 'members' | 'partition' | 'community'>;
  /** Groups with fewer members are left out (listed in `skipped`). Default 1. */
  minMembers?: number;
}

/** Expertise of one group. */
export interface GroupExpertise {
  /** The label, as a string. */
  group: string;
  /** Members of the group (people with this label), whether or not they appear in threads. */
  members: number;
  result: ExpertiseResult;
}

/** Result of {@link expertiseByGroup}. */
export interface ExpertiseByGroupResult {
  method: 'expertise-by-group';
  params: { groups: number; minMembers: number };
  /** Groups sorted by label. */
  groups: GroupExpertise[];
  /** Labels of groups smaller than `minMembers`. */
  skipped: string[];
}

/**
 * Scores expertise inside every group of a person → label map (detected communities or formal groups):
 * for each label, `scoreExpertise` restricted to the threads its members started and their replies.
 * Threads are bucketed by the root's label once, so the cost is one pass over the threads plus the
 * groups' own work.
 *
 * @example
 * const { groups } = expertiseByGroup(threads, { ann: 'infra', bob: 'infra', cat: 'web' });
 * groups[0].result.people[0].person; // the top expert of 'infra'
 */
export function expertiseByGroup(
  threads: ThreadsInput,
  partition: PartitionInput,
  options: ExpertiseByGroupOptions = {},
): ExpertiseByGroupResult {
  const minMembers = options.minMembers ?? 1;
  const labels = partitionLabels(partition);
  const members = new Map<string, string[]>();
  for (const [person, label] of labels) {
    const key = String(label);
    let list = members.get(key);
    if (!list) {
      list = [];
      members.set(key, list);
    }
    list.push(person);
  }
  const buckets = new Map<string, ThreadSummary[]>();
  for (const t of threadList(threads)) {
    if (t.root === undefined) continue;
    const label = labels.get(t.root);
    if (label === undefined) continue;
    const key = String(label);
    let list = buckets.get(key);
    if (!list) {
      list = [];
      buckets.set(key, list);
    }
    list.push(t);
  }
  const groups: GroupExpertise[] = [];
  const skipped: string[] = [];
  for (const group of [...members.keys()].sort(compareIds)) {
    const people = members.get(group) as string[];
    if (people.length < minMembers) {
      skipped.push(group);
      continue;
    }
    const result = scoreExpertise(buckets.get(group) ?? [], {
      ...options,
      scope: { ...options.scope, members: people },
    });
    groups.push({ group, members: people.length, result });
  }
  return { method: 'expertise-by-group', params: { groups: groups.length, minMembers }, groups, skipped };
}
