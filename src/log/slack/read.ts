/**
 * Slack workspace exports (the ZIP Slack produces, or that ZIP unpacked): `users.json` (or
 * `org_users.json`), `channels.json`, `groups.json`, `mpims.json`, `dms.json`, and one folder per
 * conversation holding one JSON array of messages per day (`general/2024-03-01.json`).
 *
 * - Person ids are Slack user ids (`U024BE7LH`) unless `personId` asks for the e-mail or the user name
 *   from users.json (falling back to the id when the profile has none).
 * - A thread reply (`thread_ts` ≠ `ts`) replies to the thread's root: `replyTo` and `threadId` are the
 *   root's id, the recipient is the root's author (`parent_user_id`, else the root seen earlier).
 * - In direct messages (dms.json, mpims.json) the other members are the recipients.
 * - `<@U…>` and `<@U…|name>` in the text are mentions.
 * - Message ids are `<conversation id>:<ts>`; `channel` is the conversation's name; `timestamp` = ts.
 * - Skipped (accepted, counted in `stats.skipped`): bot posts (`bot_message`, a `bot_id`, or a user flagged
 *   `is_bot`) as `bot`; `channel_join` as `join`; `channel_leave` as `leave`; other system subtypes
 *   (topic, purpose, rename, archive, pins...) as `system`; deleted-message tombstones as `deleted`.
 * - Rejected: messages without `ts` or `user`; a day file that is not a JSON array (one reject for the
 *   file, since its messages cannot be counted).
 * - Not an export (no users.json or no conversation list, or a list that is not a JSON array): a
 *   FormatError, before anything is read.
 *
 * Day files are read one at a time, so memory holds one conversation-day, the users, and a bounded index
 * of thread roots.
 *
 * @module
 */

import { statSync } from 'node:fs';
import { FormatError, OptionError, PracticeGraphError } from '../../errors.js';
import type { Roster } from '../../graph/roster.js';
import { BoundedIdMap } from '../id-map.js';
import { createIdentityResolver, type IdentityOptions } from '../identity.js';
import type { Message } from '../message.js';
import { MessageLog, type ReadContext, type ReaderOptions } from '../message-log.js';
import { type ExportFiles, openExportFolder, openExportZip } from './export-files.js';

const MODULE = 'log/slack';

/** Options of {@link readSlackExport}. */
export interface SlackReadOptions extends ReaderOptions, IdentityOptions {
  /** Person id: the Slack user `id` (default), the profile `email`, or the user `name`. */
  personId?: 'id' | 'email' | 'name';
  /** Keep message text in `text`. Default `true`. */
  text?: boolean;
}

interface SlackUser {
  id: string;
  name?: string;
  is_bot?: boolean;
  deleted?: boolean;
  real_name?: string;
  tz?: string;
  profile?: { email?: string; title?: string; real_name?: string; display_name?: string };
}

interface Conversation {
  id: string;
  name: string;
  folder: string;
  members: string[];
  direct: boolean;
}

const SYSTEM_SUBTYPES: Record<string, string> = {
  bot_message: 'bot',
  channel_join: 'join',
  group_join: 'join',
  channel_leave: 'leave',
  group_leave: 'leave',
  tombstone: 'deleted',
};
const KEPT_SUBTYPES = new Set(['thread_broadcast', 'file_share', 'me_message', 'reply_broadcast']);

async function openExport(path: string): Promise<ExportFiles> {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (cause) {
    throw new FormatError('FILE_NOT_FOUND', 'cannot open the Slack export', {
      module: MODULE,
      location: { file: path },
      hint: 'pass the export ZIP or the folder it unpacks to',
      cause,
    });
  }
  return isDir ? openExportFolder(path) : openExportZip(path, MODULE);
}

async function readJsonFile(files: ExportFiles, path: string, where: string): Promise<unknown> {
  const bytes = await files.read(path);
  try {
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new FormatError('MALFORMED_INPUT', `${path} is not valid JSON`, {
      module: MODULE,
      location: { file: `${where}/${path}` },
      hint: 'the export is damaged; export again',
      cause,
    });
  }
}

function notAnExport(where: string, what: string): FormatError {
  return new FormatError('UNKNOWN_FORMAT', `not a Slack export: ${what}`, {
    module: MODULE,
    location: { file: where },
    hint: 'pass the ZIP from Slack (Settings → Import/Export data) or the folder it unpacks to',
  });
}

async function loadUsers(files: ExportFiles, where: string): Promise<SlackUser[]> {
  const usersPath = files.paths.includes('users.json')
    ? 'users.json'
    : files.paths.includes('org_users.json')
      ? 'org_users.json'
      : undefined;
  if (!usersPath) throw notAnExport(where, 'no users.json');
  const users = await readJsonFile(files, usersPath, where);
  if (!Array.isArray(users) || users.some((u) => typeof u !== 'object' || u === null || typeof u.id !== 'string')) {
    throw notAnExport(where, `${usersPath} is not an array of users with an \`id\``);
  }
  return users as SlackUser[];
}

async function loadConversations(files: ExportFiles, where: string): Promise<Conversation[]> {
  const out: Conversation[] = [];
  let lists = 0;
  for (const [list, direct] of [
    ['channels.json', false],
    ['groups.json', false],
    ['mpims.json', true],
    ['dms.json', true],
  ] as const) {
    if (!files.paths.includes(list)) continue;
    lists++;
    const items = await readJsonFile(files, list, where);
    if (!Array.isArray(items)) throw notAnExport(where, `${list} is not an array of conversations`);
    for (const c of items as Record<string, unknown>[]) {
      if (typeof c?.id !== 'string') throw notAnExport(where, `an entry of ${list} has no \`id\``);
      const name = typeof c.name === 'string' ? c.name : c.id;
      // channel folders are named after the channel; DM folders after the conversation id
      const folder = list === 'dms.json' ? c.id : name;
      const members = Array.isArray(c.members) ? c.members.filter((m): m is string => typeof m === 'string') : [];
      out.push({ id: c.id, name, folder, members, direct });
    }
  }
  if (lists === 0) throw notAnExport(where, 'no channels.json, groups.json, mpims.json or dms.json');
  return out;
}

/**
 * Reads a Slack export (ZIP or folder) as a stream of messages.
 *
 * @throws FormatError `FILE_NOT_FOUND`, `UNKNOWN_FORMAT` (not an export), `MALFORMED_INPUT` (damaged ZIP or
 *   list file) at iteration; InputError for the first bad message in strict mode
 * @example
 * const log = readSlackExport('acme Slack export Jan 1 2024 - Mar 1 2024.zip');
 * for await (const m of log) if (m.replyTo) console.log(m.sender, '→', m.recipients);
 * log.stats.skipped; // { bot: 120, join: 45, ... }
 */
export function readSlackExport(path: string, options: SlackReadOptions = {}): MessageLog {
  const personId = options.personId ?? 'id';
  if (!['id', 'email', 'name'].includes(personId)) {
    throw new OptionError("`personId` must be 'id', 'email' or 'name'", { module: MODULE, got: personId });
  }
  return new MessageLog(MODULE, 'slack', path, options, (ctx) => produce(path, options, personId, ctx), true);
}

async function* produce(
  path: string,
  options: SlackReadOptions,
  personId: 'id' | 'email' | 'name',
  ctx: ReadContext,
): AsyncGenerator<Message[]> {
  const files = await openExport(path);
  try {
    const users = await loadUsers(files, path);
    const conversations = await loadConversations(files, path);
    const resolve = createIdentityResolver(options);
    const keepText = options.text ?? true;
    const byId = new Map<string, SlackUser>(users.map((u) => [u.id, u]));
    const idOf = (userId: string) => {
      const u = byId.get(userId);
      const raw = personId === 'email' ? u?.profile?.email : personId === 'name' ? u?.name : undefined;
      return resolve(raw ?? userId);
    };
    const people: string[] = [];
    const personIndex = new Map<string, number>();
    const indexOf = (id: string) => {
      let i = personIndex.get(id);
      if (i === undefined) {
        i = people.length;
        people.push(id);
        personIndex.set(id, i);
      }
      return i;
    };
    const roots = new BoundedIdMap();
    let row = 0;
    let missingFolders = 0;
    for (const conversation of conversations) {
      const days = files.paths.filter(
        (p) => p.startsWith(`${conversation.folder}/`) && /\/\d{4}-\d{2}-\d{2}\.json$/.test(p),
      );
      if (days.length === 0) missingFolders++;
      for (const day of days) {
        let items: unknown;
        try {
          items = JSON.parse((await files.read(day)).toString('utf8').replace(/^\uFEFF/, ''));
        } catch {
          items = undefined;
        }
        if (!Array.isArray(items)) {
          row++;
          ctx.reject(
            row,
            'MALFORMED_INPUT',
            `${day} is not a JSON array of messages; its messages were not read`,
            day,
            undefined,
            'the export is damaged; export again',
          );
          continue;
        }
        const out: Message[] = [];
        for (const item of items as Record<string, unknown>[]) {
          row++;
          const m = convert(item, conversation, row, day);
          if (m) out.push(m);
        }
        if (out.length > 0) yield out;
      }
    }
    if (missingFolders > 0) ctx.note(`${missingFolders} conversations listed without a folder of messages`);

    function convert(item: Record<string, unknown>, c: Conversation, row: number, day: string): Message | undefined {
      if (typeof item !== 'object' || item === null) {
        ctx.reject(row, 'INVALID_INPUT', `an item of ${day} is not a message object`, item);
        return undefined;
      }
      const ts = item.ts;
      if (typeof ts !== 'string' || !/^\d+(\.\d+)?$/.test(ts)) {
        ctx.reject(row, 'MISSING_FIELD', `a message of ${day} has no valid \`ts\``, item, 'ts');
        return undefined;
      }
      const subtype = typeof item.subtype === 'string' ? item.subtype : undefined;
      const user = typeof item.user === 'string' ? item.user : undefined;
      const skip =
        subtype !== undefined
          ? (SYSTEM_SUBTYPES[subtype] ?? (KEPT_SUBTYPES.has(subtype) ? undefined : 'system'))
          : undefined;
      if (skip !== undefined || item.bot_id !== undefined || (user !== undefined && byId.get(user)?.is_bot)) {
        ctx.accept();
        ctx.skip(skip ?? 'bot');
        return undefined;
      }
      if (user === undefined) {
        ctx.reject(row, 'MISSING_FIELD', `a message of ${day} has no \`user\``, item, 'user');
        return undefined;
      }
      const sender = idOf(user);
      const id = `${c.id}:${ts}`;
      const m: Message = {
        id,
        timestamp: Math.round(Number(ts) * 1000),
        sender,
        recipients: [],
        cc: [],
        mentions: [],
        channel: c.name,
      };
      const threadTs = typeof item.thread_ts === 'string' ? item.thread_ts : undefined;
      if (threadTs !== undefined) {
        m.threadId = `${c.id}:${threadTs}`;
        if (threadTs === ts) roots.set(id, indexOf(sender));
        else {
          m.replyTo = m.threadId;
          const parentUser = typeof item.parent_user_id === 'string' ? idOf(item.parent_user_id) : undefined;
          const rootIndex = roots.get(m.threadId);
          const parent = parentUser ?? (rootIndex !== undefined ? people[rootIndex] : undefined);
          if (parent !== undefined && parent !== sender) m.recipients.push(parent);
        }
      }
      if (c.direct)
        for (const member of c.members) {
          const id2 = idOf(member);
          if (id2 !== sender && !m.recipients.includes(id2)) m.recipients.push(id2);
        }
      const text = typeof item.text === 'string' ? item.text : '';
      for (const match of text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)) {
        const mentioned = idOf(match[1] as string);
        if (mentioned !== sender && !m.mentions.includes(mentioned)) m.mentions.push(mentioned);
      }
      if (keepText && text) m.text = text;
      ctx.accept();
      ctx.emit();
      return m;
    }
  } catch (cause) {
    if (cause instanceof PracticeGraphError) throw cause;
    throw new FormatError('MALFORMED_INPUT', `the export cannot be read (${(cause as Error).message})`, {
      module: MODULE,
      location: { file: path },
      hint: 'the ZIP is probably damaged; download the export again',
      cause,
    });
  } finally {
    files.close();
  }
}

/**
 * The users of a Slack export as a {@link Roster}: person id as `personId` chooses, attributes `name`,
 * `realName`, `title`, `timeZone`, `bot` and `deleted` (`'true'`/`'false'`).
 */
export async function readSlackUsers(
  path: string,
  options: Pick<SlackReadOptions, 'personId' | 'aliases' | 'caseFold'> = {},
): Promise<Roster> {
  const files = await openExport(path);
  try {
    const users = await loadUsers(files, path);
    const resolve = createIdentityResolver(options);
    const people = new Map<string, Record<string, string>>();
    const stats: Roster['stats'] = { source: path, read: 0, accepted: 0, rejected: 0, rejects: [] };
    users.forEach((u, i) => {
      stats.read++;
      const raw = options.personId === 'email' ? u.profile?.email : options.personId === 'name' ? u.name : undefined;
      const id = resolve(raw ?? u.id);
      if (people.has(id)) {
        stats.rejected++;
        stats.rejects.push({ row: i + 1, code: 'INVALID_INPUT', reason: `user \`${id}\` appears twice`, raw: u.id });
        return;
      }
      const attrs: Record<string, string> = { bot: String(Boolean(u.is_bot)), deleted: String(Boolean(u.deleted)) };
      if (u.name) attrs.name = u.name;
      const realName = u.real_name ?? u.profile?.real_name;
      if (realName) attrs.realName = realName;
      if (u.profile?.title) attrs.title = u.profile.title;
      if (u.tz) attrs.timeZone = u.tz;
      people.set(id, attrs);
      stats.accepted++;
    });
    return { attributes: ['name', 'realName', 'title', 'timeZone', 'bot', 'deleted'], people, stats };
  } finally {
    files.close();
  }
}
