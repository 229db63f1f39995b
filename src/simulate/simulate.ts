/**
 * `simulateOrganization`: a synthetic organisation whose message log streams out of a generator, with the
 * truth that was planted in it.
 *
 * @module
 */

import type { Roster } from '../graph/roster.js';
import type { Message } from '../log/message.js';
import { backgroundDay } from './background.js';
import { Calendar, LOCATIONS } from './calendar.js';
import { SimContext, type SimulationStats } from './context.js';
import { groupsDay } from './group-traffic.js';
import { type PlantedExpert, type PlantedGroup, plantGroups } from './groups.js';
import {
  type ResolvedSimulateOptions,
  resolveSimulateOptions,
  type SIMULATE_DEFAULTS,
  type SimulateOptions,
} from './options.js';
import { buildOrganisation, rosterRows, type SimulatedPerson } from './org.js';
import { MESSAGE_SOURCES, type MessageSource } from './templates.js';
import { BOTS, LISTS } from './vocabulary.js';

/** Version of the simulator's output: it changes whenever the same options would give different bytes. */
export const SIMULATOR_VERSION = 1;

/** What was planted: the answer every analysis of the simulated log can be checked against. */
export interface SimulationTruth {
  method: 'simulated-organization';
  version: number;
  seed: number | string;
  /** Every option, defaults filled in: `simulateOrganization(truth.options)` replays the same log. */
  options: ResolvedSimulateOptions;
  /** The observed period: ISO instants of its first moment and of the first moment after it. */
  period: { start: string; end: string };
  people: number;
  departments: { name: string; head: string; teams: string[]; members: number }[];
  /** The planted formal groups, by kind in the order of `PLANTED_KINDS`. */
  groups: PlantedGroup[];
  /** Planted experts with their levels, by group. */
  experts: PlantedExpert[];
  /** Notification accounts (senders nobody answers). */
  bots: string[];
  /** Mailing lists (channels). */
  lists: string[];
  /** People hired during the period, and people who left during it. */
  newcomers: string[];
  leavers: string[];
}

/**
 * A simulated organisation. Iterate it (`for … of` or `for await … of`) to stream its messages in time
 * order; every pass regenerates the same messages from the seed, holding only about two days of traffic.
 */
export interface SimulatedOrganization extends Iterable<Message>, AsyncIterable<Message> {
  readonly truth: SimulationTruth;
  /** The roster, one row per person, in the organisation's order. */
  readonly people: readonly SimulatedPerson[];
  /** The roster as `readRoster` would return it, for `ingest(…, { roster })`. */
  readonly roster: Roster;
  /** A fresh pass over the messages. */
  messages(): Generator<Message, void, undefined>;
  /** Counters of the last completed pass (all zero before the first). */
  readonly stats: SimulationStats;
}

function emptyStats(): SimulationStats {
  return {
    messages: 0,
    bySource: Object.fromEntries(MESSAGE_SOURCES.map((s) => [s, 0])) as Record<MessageSource, number>,
    peakQueued: 0,
  };
}

/**
 * Simulates an organisation with planted ground truth: people with roster attributes (newcomers and
 * leavers included), background traffic (work mail, cross-department noise, broadcasts, mailing lists,
 * bots) in working hours, and formal groups of four planted kinds — community of practice, social
 * learning, hybrid, not a unit — each with the signature the literature gives it (see docs/simulator.md).
 *
 * Deterministic: the same options (seed included) give the same messages, byte for byte (checked under
 * Node and Deno; other JavaScript engines may round `Math.exp`/`Math.log` differently in the last bit).
 * Streaming: each day's threads are generated ahead into a heap and released in time order, so memory
 * grows with the people and one day's traffic, never with the period: 10 million messages stream in
 * constant memory (bench/results/simulate.md).
 *
 * Knobs (all in {@link SimulateOptions}, defaults in {@link SIMULATE_DEFAULTS}): size and period, group
 * counts and sizes per kind, `mixing` (group traffic leaking outside), `noise` and `workRate`
 * (background), `groupActivity`, `expertAnswerShare`, churn, bots, lists, template `text`, `kinds`.
 *
 * @throws OptionError for an invalid option, naming it and what is expected
 *
 * @example
 * const org = simulateOrganization({ people: 300, days: 90, seed: 7 });
 * org.truth.groups.map((g) => `${g.name}: ${g.kind}`);
 * const { graph, threads } = await ingest(org, { roster: org.roster });
 */
export function simulateOrganization(options: SimulateOptions = {}): SimulatedOrganization {
  const resolved = resolveSimulateOptions(options);
  const start = Date.parse(`${resolved.start}T00:00:00Z`);
  const offsets = LOCATIONS.slice(0, resolved.locations).map((l) => l.offsetMinutes);
  const calendar = new Calendar(start, resolved.days, offsets);
  const org = buildOrganisation(resolved, calendar);
  const { groups, experts } = plantGroups(resolved, org, calendar);
  const people = rosterRows(org, calendar);
  const truth: SimulationTruth = {
    method: 'simulated-organization',
    version: SIMULATOR_VERSION,
    seed: resolved.seed,
    options: resolved,
    period: { start: new Date(calendar.start).toISOString(), end: new Date(calendar.end).toISOString() },
    people: org.people.length,
    departments: org.departments.map((d) => ({
      name: d.name,
      head: org.people[d.head]?.id as string,
      teams: d.teams.map((t) => org.teams[t]?.name as string),
      members: d.members.length,
    })),
    groups: groups.map((g) => g.truth),
    experts,
    bots: BOTS.slice(0, resolved.bots).map((b) => `${b}@${resolved.domain}`),
    lists: LISTS.slice(0, resolved.lists).map((l) => `${l}@lists.${resolved.domain}`),
    newcomers: org.people.filter((p) => p.newcomer).map((p) => p.id),
    leavers: org.people.filter((p) => p.leaver).map((p) => p.id),
  };
  const attributes = ['department', 'team', 'manager', 'location', 'hire_date', 'leave_date'];
  const roster: Roster = {
    attributes,
    people: new Map(
      people.map((p) => {
        const attrs: Record<string, string> = { department: p.department, team: p.team };
        if (p.manager !== undefined) attrs.manager = p.manager;
        attrs.location = p.location;
        attrs.hire_date = p.hireDate;
        if (p.leaveDate !== undefined) attrs.leave_date = p.leaveDate;
        return [p.id, attrs];
      }),
    ),
    stats: { source: '<simulation>', read: people.length, accepted: people.length, rejected: 0, rejects: [] },
  };
  let stats = emptyStats();

  function* messages(): Generator<Message, void, undefined> {
    const ctx = new SimContext(resolved, calendar, org);
    const pass = emptyStats();
    const queue = ctx.queue;
    const counts = new Array<number>(MESSAGE_SOURCES.length).fill(0);
    for (let d = 0; d <= calendar.days; d++) {
      if (d < calendar.days) {
        backgroundDay(ctx, d);
        groupsDay(ctx, groups, d);
      }
      // every message before the earliest possible start of the next day's threads can go
      const until = d < calendar.days ? calendar.watermark(d + 1) : Number.POSITIVE_INFINITY;
      while (queue.peekTime() < until) {
        const m = queue.pop() as Message;
        counts[queue.poppedTag] = (counts[queue.poppedTag] as number) + 1;
        yield m;
      }
    }
    MESSAGE_SOURCES.forEach((s, i) => {
      pass.bySource[s] = counts[i] as number;
      pass.messages += counts[i] as number;
    });
    pass.peakQueued = queue.peak;
    stats = pass;
  }

  return {
    truth,
    people,
    roster,
    messages,
    get stats() {
      return stats;
    },
    [Symbol.iterator]: messages,
    async *[Symbol.asyncIterator]() {
      yield* messages();
    },
  };
}
