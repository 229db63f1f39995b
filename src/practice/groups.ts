/**
 * Formal groups: what the user declares (a set of people, or a channel) and how it is read against the
 * evidence.
 *
 * - A **people** group (a team, a department, a committee): every interaction among its members counts,
 *   whatever the channel; its members are the declared people present in the interaction graph.
 * - A **channel** group (a Slack channel, a mailing list, a forum): only the channel's own messages count;
 *   its members are the channel's participants (anyone who wrote there or was addressed there).
 *
 * @module
 */

import type { AbstractGraph } from 'graphology-types';
import { OptionError } from '../errors.js';
import type { ThreadSummary } from '../log/threads.js';
import type { Evidence } from './evidence.js';

/** How a group is delimited. */
export type GroupScope = 'people' | 'channel';

/**
 * How a detected community was selected and tested: chosen by an optimiser, its cohesion is the Kojaku–Masuda
 * q–s test of `testCommunities` (one of its `communities` records fits as it is), not a comparison with
 * random sets, which would flatter it.
 */
export interface SelectionTest {
  method: 'kojaku-masuda-qs';
  /** Its modularity term q_c. */
  quality: number;
  /** q–s p-value and BH q across the communities (`null` when too small to be tested). */
  p: number | null;
  q: number | null;
  significant: boolean | null;
}

/**
 * A formal group to test. Records of the simulator's `truth.groups` fit as they are (their `kind` is ignored).
 */
export interface GroupSpec {
  name: string;
  /** Members of a people group (person ids). Optional for a channel group (participants are read from it). */
  members?: readonly string[];
  /** The channel of a channel group. */
  channel?: string;
  /** `'channel'` when `channel` is set, else `'people'`, unless given. */
  scope?: GroupScope;
  /** A detected community (people group) with its q–s test, which replaces the cohesion test. */
  selection?: SelectionTest;
}

/** A group resolved against the evidence (node indices are those of the evidence's snapshot). */
export interface ResolvedGroup {
  name: string;
  scope: GroupScope;
  channel?: string;
  /** Declared members (people groups) or participants (channel groups). */
  declared: number;
  /** Declared members absent from the graph (they wrote and received nothing). */
  absent: number;
  /** Where the group's own interactions are read: the whole graph, or its channel's graph. */
  evidence: Evidence;
  /** Members present in the evidence graph, sorted node indices. */
  members: Int32Array;
  /** The group's threads (people: started by a member and answered by a member; channel: the channel's). */
  threads: ThreadSummary[];
  /** Members in the whole graph's numbering, for the cohesion test; `null` when it cannot be tested. */
  cohesionMembers: Int32Array | null;
  /** Why cohesion cannot be tested, when it cannot. */
  cohesionUnavailable?: string;
  /** The q–s test of a detected community. */
  selection?: SelectionTest;
}

/**
 * Groups from a node attribute of the graph (e.g. a roster's `department`): one people group per distinct
 * value, sorted by value; nodes without the attribute are in no group.
 *
 * @example
 * const groups = groupsByAttribute(graph, 'department');
 */
export function groupsByAttribute(graph: AbstractGraph, attribute: string): GroupSpec[] {
  const byValue = new Map<string, string[]>();
  graph.forEachNode((node, attrs) => {
    const v = attrs[attribute];
    if (v === undefined || v === null || v === '') return;
    const key = String(v);
    let list = byValue.get(key);
    if (!list) {
      list = [];
      byValue.set(key, list);
    }
    list.push(node);
  });
  return [...byValue.keys()]
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => ({ name, members: byValue.get(name) as string[] }));
}

/** Scope of a spec, validated. */
export function scopeOf(spec: GroupSpec, position: number): GroupScope {
  const where = { module: 'practice/groups', got: spec.name ?? position };
  if (typeof spec.name !== 'string' || spec.name.length === 0) {
    throw new OptionError(`group ${position} needs a non-empty \`name\``, where);
  }
  const scope = spec.scope ?? (spec.channel !== undefined ? 'channel' : 'people');
  if (scope === 'channel' && (typeof spec.channel !== 'string' || spec.channel.length === 0)) {
    throw new OptionError(`channel group "${spec.name}" needs a \`channel\``, where);
  }
  if (scope === 'people' && !Array.isArray(spec.members)) {
    throw new OptionError(`people group "${spec.name}" needs \`members\` (an array of person ids)`, where);
  }
  if (spec.selection !== undefined && scope !== 'people') {
    throw new OptionError(`group "${spec.name}": a \`selection\` (detected community) is a people group`, where);
  }
  return scope;
}

/** Sorted node indices of `ids` present in `evidence`, and how many were absent. */
export function indicesOf(evidence: Evidence, ids: Iterable<string>): { members: Int32Array; absent: number } {
  const out = new Set<number>();
  let absent = 0;
  for (const id of new Set(ids)) {
    const i = evidence.snapshot.index.get(id);
    if (i === undefined) absent++;
    else out.add(i);
  }
  return { members: Int32Array.from([...out].sort((a, b) => a - b)), absent };
}
