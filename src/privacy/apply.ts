/**
 * Applying a {@link Pseudonymizer} to everything that carries person ids before the analysis sees it:
 * message logs, rosters and formal group lists. Analyses then run on pseudonyms only, so no output can
 * contain a raw id.
 *
 * @module
 */

import type { Roster } from '../graph/roster.js';
import type { Message } from '../log/message.js';
import { batchesOf } from '../log/message-log.js';
import type { FormalGroup } from '../report/formal-groups.js';
import type { Pseudonymizer } from './pseudonymize.js';

/**
 * Roster columns that identify a person directly (compared lower-case, without `_`, `-` and spaces). They
 * are dropped from a pseudonymised roster: a pseudonym next to a name protects nobody.
 */
export const IDENTIFYING_ATTRIBUTES: readonly string[] = Object.freeze([
  'name',
  'fullname',
  'firstname',
  'lastname',
  'givenname',
  'surname',
  'familyname',
  'displayname',
  'email',
  'mail',
  'emailaddress',
  'username',
  'login',
  'phone',
  'mobile',
  'address',
]);

/** Whether a roster column name identifies a person (see {@link IDENTIFYING_ATTRIBUTES}). */
export function isIdentifyingAttribute(name: string): boolean {
  return IDENTIFYING_ATTRIBUTES.includes(name.toLowerCase().replace(/[\s_-]/g, ''));
}

function* personIds(m: Message): Generator<string> {
  yield m.sender;
  yield* m.recipients;
  yield* m.cc;
  if (m.bcc) yield* m.bcc;
  yield* m.mentions;
}

function mapMessage(m: Message, p: Pseudonymizer): Message {
  const get = (id: string) => p.cached(id) as string;
  const out: Message = {
    ...m,
    sender: get(m.sender),
    recipients: m.recipients.map(get),
    cc: m.cc.map(get),
    mentions: m.mentions.map(get),
  };
  if (m.bcc) out.bcc = m.bcc.map(get);
  return out;
}

/**
 * Pseudonymises the person fields of every message (sender, recipients, cc, bcc, mentions), streaming.
 * Message ids, thread ids and timestamps are kept (they carry no person and threads need them).
 *
 * @example
 * const log = pseudonymizeMessages(readCsv('mail.csv'), await createPseudonymizer(secret));
 */
export async function* pseudonymizeMessages(
  messages: AsyncIterable<Message> | Iterable<Message>,
  pseudonymizer: Pseudonymizer,
): AsyncGenerator<Message> {
  for await (const batch of batchesOf(messages)) {
    const fresh = new Set<string>();
    for (const m of batch) for (const id of personIds(m)) if (!pseudonymizer.isKnown(id)) fresh.add(id);
    if (fresh.size > 0) await pseudonymizer.map(fresh);
    for (const m of batch) yield mapMessage(m, pseudonymizer);
  }
}

/** Options of {@link pseudonymizeRoster}. */
export interface PseudonymizeRosterOptions {
  /** Also keep the columns that identify a person (name, e-mail...). Default `false`: they are dropped. */
  keepIdentifying?: boolean;
}

/**
 * Pseudonymises a roster: its ids; every value of a person-valued column (one where at least half the values
 * are ids of the roster, such as `manager`), people outside the roster included; and every value containing
 * `@`. Identifying columns (see {@link IDENTIFYING_ATTRIBUTES}) are dropped.
 *
 * @returns the new roster and the names of the dropped columns
 */
export async function pseudonymizeRoster(
  roster: Roster,
  pseudonymizer: Pseudonymizer,
  options: PseudonymizeRosterOptions = {},
): Promise<{ roster: Roster; dropped: string[] }> {
  const ids = await pseudonymizer.map(roster.people.keys());
  const dropped = options.keepIdentifying ? [] : roster.attributes.filter(isIdentifyingAttribute);
  const keep = roster.attributes.filter((a) => !dropped.includes(a));
  // a column is person-valued (manager, mentor) when most of its values are ids of the roster: then all its
  // values are pseudonymised, people outside the roster included; so is any value that looks like an address
  const personValued = new Set<string>();
  for (const a of keep) {
    let values = 0;
    let persons = 0;
    for (const attrs of roster.people.values()) {
      const v = attrs[a];
      if (v === undefined) continue;
      values++;
      if (roster.people.has(v)) persons++;
    }
    if (values > 0 && persons >= values / 2) personValued.add(a);
  }
  const toHash = new Set<string>();
  for (const attrs of roster.people.values()) {
    for (const a of keep) {
      const v = attrs[a];
      if (v !== undefined && (personValued.has(a) || v.includes('@'))) toHash.add(v);
    }
  }
  const values = await pseudonymizer.map(toHash);
  const people = new Map<string, Record<string, string>>();
  for (const [id, attrs] of roster.people) {
    const out: Record<string, string> = {};
    for (const a of keep) {
      const v = attrs[a];
      if (v === undefined) continue;
      out[a] = values.get(v) ?? v;
    }
    people.set(ids.get(id) as string, out);
  }
  return {
    roster: { attributes: keep, people, stats: { ...roster.stats, rejects: [] } },
    dropped,
  };
}

/** Pseudonymises the members of formal groups (names are kept: they are not people). */
export async function pseudonymizeGroups(groups: FormalGroup[], pseudonymizer: Pseudonymizer): Promise<FormalGroup[]> {
  const ids = await pseudonymizer.map(groups.flatMap((g) => g.members));
  return groups.map((g) => ({ ...g, members: g.members.map((m) => ids.get(m) as string).sort() }));
}
