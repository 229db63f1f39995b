/**
 * Formal groups: the teams, departments, guilds, channels and lists whose behaviour the report judges.
 *
 * A formal group is either a **set of people** (`kind: 'people'`: every interaction among members counts,
 * whatever the channel) or a **channel** (`kind: 'channel'`: a chat channel, mailing list or Q&A site;
 * members are its participants and only its own messages count). Four sources, which may be combined:
 *
 * - a roster attribute (`--group-by department`): one group per value, named `department:<value>`;
 * - a person → group file (`--groups person_group.csv`, columns `person,group`; a person may be in several);
 * - the channels of the log (`--group-by-channel`): one group per channel, named after it;
 * - everybody (`--group-all <name>`): every participant of the whole log as one group.
 *
 * @module
 */

import { FormatError, OptionError } from '../errors.js';
import type { InteractionGraph } from '../graph/build.js';
import type { Roster } from '../graph/roster.js';
import { csvRows } from '../log/csv.js';
import { createIdentityResolver, type IdentityOptions } from '../log/identity.js';
import type { LogSource } from '../log/source.js';
import { sourceName } from '../log/source.js';
import type { ThreadSummaries } from '../log/threads.js';

/** A formal group, as defined before any analysis. Members are sorted. */
export interface FormalGroup {
  /** Unique name within a report. */
  name: string;
  /** A set of people, or a channel scoped to its own messages. */
  kind: 'people' | 'channel';
  /** Where the definition came from: `roster:<attribute>`, `groups-file`, `channel`, `all`. */
  source: string;
  /** For channel groups: the channel whose messages count. */
  channel?: string;
  members: string[];
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * One group per value of a roster attribute, named `<attribute>:<value>`, sorted by name.
 *
 * @throws OptionError when the roster has no such attribute
 */
export function groupsFromRoster(roster: Roster, attribute: string): FormalGroup[] {
  if (!roster.attributes.includes(attribute)) {
    throw new OptionError(`the roster has no attribute \`${attribute}\``, {
      module: 'report/formal-groups',
      got: attribute,
      hint: `roster attributes are ${roster.attributes.join(', ') || '(none)'}`,
    });
  }
  const groups = new Map<string, string[]>();
  for (const [person, attrs] of roster.people) {
    const value = attrs[attribute];
    if (value === undefined) continue;
    let members = groups.get(value);
    if (!members) {
      members = [];
      groups.set(value, members);
    }
    members.push(person);
  }
  return [...groups]
    .map(([value, members]) => ({
      name: `${attribute}:${value}`,
      kind: 'people' as const,
      source: `roster:${attribute}`,
      members: members.sort(),
    }))
    .sort(byName);
}

/** Options of {@link readGroupsFile}. */
export interface ReadGroupsOptions extends IdentityOptions {
  /** Column of the person id. Default `person`. */
  personColumn?: string;
  /** Column of the group name. Default `group`. */
  groupColumn?: string;
}

/**
 * Reads a person → group CSV (header `person,group`; one row per membership, so a person may be in several
 * groups). Duplicate rows count once.
 *
 * @throws FormatError `MISSING_HEADER` when a column is missing; `INVALID_INPUT` on a blank cell (with the row)
 */
export async function readGroupsFile(source: LogSource, options: ReadGroupsOptions = {}): Promise<FormalGroup[]> {
  const module = 'report/formal-groups';
  const file = sourceName(source);
  const resolve = createIdentityResolver(options);
  const personColumn = options.personColumn ?? 'person';
  const groupColumn = options.groupColumn ?? 'group';
  const groups = new Map<string, Set<string>>();
  let header: string[] | undefined;
  let pi = -1;
  let gi = -1;
  let row = 0;
  for await (const cells of csvRows(source, { delimiter: 'auto', module })) {
    if (!header) {
      header = cells.map((c) => c.trim());
      pi = header.indexOf(personColumn);
      gi = header.indexOf(groupColumn);
      if (pi < 0 || gi < 0) {
        throw new FormatError(
          'MISSING_HEADER',
          `the groups file needs columns \`${personColumn}\` and \`${groupColumn}\``,
          {
            module,
            location: { file, row: 0 },
            got: header,
          },
        );
      }
      continue;
    }
    row++;
    if (cells.length === 1 && (cells[0] ?? '').trim() === '') continue;
    const person = resolve(cells[pi] ?? '');
    const group = (cells[gi] ?? '').trim();
    if (person === '' || group === '') {
      throw new FormatError('INVALID_INPUT', 'blank person or group', {
        module,
        location: { file, row, field: person === '' ? personColumn : groupColumn },
        hint: 'every row names one person and one group',
      });
    }
    let members = groups.get(group);
    if (!members) {
      members = new Set();
      groups.set(group, members);
    }
    members.add(person);
  }
  if (!header) throw new FormatError('EMPTY_INPUT', 'the groups file is empty', { module, location: { file } });
  return [...groups]
    .map(([name, members]) => ({ name, kind: 'people' as const, source: 'groups-file', members: [...members].sort() }))
    .sort(byName);
}

/**
 * One channel group per channel of the log; members are the people who posted in it (thread starters and
 * repliers), from the thread summaries.
 */
export function groupsFromChannels(threads: ThreadSummaries): FormalGroup[] {
  const channels = new Map<string, Set<string>>();
  for (const t of threads.threads) {
    if (t.channel === undefined || t.channel === '') continue;
    let members = channels.get(t.channel);
    if (!members) {
      members = new Set();
      channels.set(t.channel, members);
    }
    if (t.root !== undefined) members.add(t.root);
    for (const r of t.repliers) members.add(r.person);
  }
  return [...channels]
    .map(([channel, members]) => ({
      name: channel,
      kind: 'channel' as const,
      source: 'channel',
      channel,
      members: [...members].sort(),
    }))
    .sort(byName);
}

/** Every person of the graph as one group. */
export function groupOfAll(name: string, graph: InteractionGraph): FormalGroup {
  return { name, kind: 'people', source: 'all', members: graph.nodes().sort() };
}

/**
 * Combines group lists, keeping names unique: a name already taken gets its source appended
 * (`support (groups-file)`).
 */
export function combineGroups(...lists: FormalGroup[][]): FormalGroup[] {
  const out: FormalGroup[] = [];
  const taken = new Set<string>();
  for (const list of lists) {
    for (const g of list) {
      let name = g.name;
      if (taken.has(name)) name = `${g.name} (${g.source})`;
      for (let i = 2; taken.has(name); i++) name = `${g.name} (${g.source} ${i})`;
      taken.add(name);
      out.push(name === g.name ? g : { ...g, name });
    }
  }
  return out;
}
