/**
 * Stack Exchange data dumps: `Posts.xml`, optionally `Comments.xml` (and `Users.xml` for @-mentions in
 * comments), plain or gzip, read as a stream of messages.
 *
 * - A question (PostTypeId 1) is a thread root: `kind: 'question'`, `threadId` = its id, `subject` = Title,
 *   `tags` from Tags (`<a><b>` or `|a|b|`).
 * - An answer (PostTypeId 2) replies to its question: `replyTo` = ParentId, `recipients` = [the question's
 *   owner], `kind: 'answer'`, `accepted: true` when the question's AcceptedAnswerId names it.
 * - A comment replies to the post it is on: `replyTo` = PostId, `recipients` = [that post's owner],
 *   `threadId` = the question, `kind: 'discussion'`; comment ids are `c<Id>` (post ids are bare numbers).
 *   `@name` in a comment becomes a mention when Users.xml maps the name to one user.
 * - Person ids are the site's user ids as strings (`"123"`). A post or comment whose author was deleted has
 *   no user id; it gets a distinct anonymous id from its display name (`deleted:<name>`), or from the post
 *   when there is none (`deleted:post<Id>`), and these are counted in the notes.
 * - Skipped (accepted, counted in `stats.skipped`, not yielded): tag wikis (PostTypeId 4, 5), other post
 *   types (`other-post-type`), and posts or comments by the Community bot (user -1, `bot`).
 * - Rejected: rows without Id, PostTypeId or CreationDate, or with an unreadable date.
 *
 * Posts are read first, then comments, since a comment's addressee is the owner of its post. The reader
 * keeps, per post, its owner and question (two 32-bit integers in typed arrays indexed by post id) and
 * the ids of accepted answers; memory grows with posts, never with text. `text` (HTML converted to plain
 * text) is decoded only when asked.
 *
 * @module
 */

import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FormatError } from '../../errors.js';
import type { Message } from '../message.js';
import { MessageLog, type ReadContext, type ReaderOptions } from '../message-log.js';
import { type LogSource, sourceName } from '../source.js';
import { createTimestampParser, type TimestampOptions } from '../timestamp.js';
import { htmlToText } from './html.js';
import { xmlRows } from './xml-rows.js';

const MODULE = 'log/stackexchange';

/** Options of {@link readStackExchange}. */
export interface StackExchangeReadOptions extends ReaderOptions, TimestampOptions {
  /** Convert post and comment bodies to plain `text`. Default `false`. */
  text?: boolean;
  /** Read Comments.xml when it is there. Default `true`. */
  comments?: boolean;
  /** The `channel` of every message (the site). Default: the dump folder's name. */
  site?: string;
}

/** The files of one dump. */
export interface StackExchangeFiles {
  posts: LogSource;
  comments?: LogSource;
  users?: LogSource;
}

/** Finds `Posts.xml[.gz]` and its siblings from a dump folder or from the path of Posts.xml. */
export function locateStackExchangeDump(path: string): StackExchangeFiles & { folder: string } {
  const isDir = existsSync(path) && statSync(path).isDirectory();
  const folder = isDir ? path : dirname(path);
  const find = (table: string) => {
    for (const candidate of [`${table}.xml`, `${table}.xml.gz`]) {
      const p = join(folder, candidate);
      if (existsSync(p)) return p;
    }
    return undefined;
  };
  const posts = isDir ? find('Posts') : path;
  if (!posts) {
    throw new FormatError('FILE_NOT_FOUND', 'no Posts.xml or Posts.xml.gz in the folder', {
      module: MODULE,
      location: { file: path },
      hint: 'pass the folder of an unpacked Stack Exchange dump, or its Posts.xml',
    });
  }
  const comments = find('Comments');
  const users = find('Users');
  return { folder, posts, ...(comments ? { comments } : {}), ...(users ? { users } : {}) };
}

/** Growable Int32Array map from non-negative post ids to a value (0 = unknown). */
class PostTable {
  private data = new Int32Array(1024);
  get(id: number): number {
    return id >= 0 && id < this.data.length ? (this.data[id] as number) : 0;
  }
  set(id: number, value: number): void {
    if (id < 0) return;
    if (id >= this.data.length) {
      let size = this.data.length;
      while (size <= id) size *= 2;
      const next = new Int32Array(size);
      next.set(this.data);
      this.data = next;
    }
    this.data[id] = value;
  }
}

/**
 * Reads a Stack Exchange dump (folder, Posts.xml path, or the files as sources) as a stream of messages.
 *
 * @throws FormatError (`FILE_NOT_FOUND`, `MALFORMED_INPUT`, `UNKNOWN_FORMAT`, `EMPTY_INPUT`) at iteration;
 *   InputError for the first bad row in strict mode
 * @example
 * const log = readStackExchange('bicycles.meta.stackexchange.com/');
 * for await (const m of log) if (m.kind === 'answer') console.log(m.sender, '→', m.recipients[0]);
 */
export function readStackExchange(
  source: string | StackExchangeFiles,
  options: StackExchangeReadOptions = {},
): MessageLog {
  const files = typeof source === 'string' ? locateStackExchangeDump(source) : { ...source, folder: undefined };
  const name = sourceName(files.posts);
  const site = options.site ?? (files.folder !== undefined ? basename(files.folder) : undefined);
  const reiterable =
    typeof files.posts === 'string' && (files.comments === undefined || typeof files.comments === 'string');
  const producer = (ctx: ReadContext) => produce(files, site, options, ctx);
  return new MessageLog(MODULE, 'stackexchange', name, options, producer, reiterable);
}

async function* produce(
  files: StackExchangeFiles,
  site: string | undefined,
  options: StackExchangeReadOptions,
  ctx: ReadContext,
): AsyncGenerator<Message[]> {
  const parseTime = createTimestampParser(options);
  const wantText = options.text ?? false;
  const people = new Map<string, number>();
  const personIds: string[] = [''];
  const personIndex = (id: string) => {
    let i = people.get(id);
    if (i === undefined) {
      i = personIds.length;
      personIds.push(id);
      people.set(id, i);
    }
    return i;
  };
  const owner = new PostTable();
  const question = new PostTable();
  const accepted = new Set<number>();
  let deleted = 0;
  let unknownParent = 0;
  let row = 0;
  const names = files.users ? await userNames(files.users) : undefined;

  const author = (userId: string | undefined, displayName: string | undefined, postId: string) => {
    if (userId !== undefined && userId.trim() !== '') return userId.trim();
    deleted++;
    const n = displayName?.trim();
    return n ? `deleted:${n}` : `deleted:post${postId}`;
  };
  const reject = (
    line: number,
    code: 'MISSING_FIELD' | 'INVALID_TIMESTAMP' | 'INVALID_FIELD',
    reason: string,
    raw: Record<string, string>,
    field: string,
  ) => ctx.reject(row, code, `${reason} (line ${line})`, raw, field);

  const postsName = sourceName(files.posts);
  for await (const { rows } of xmlRows(files.posts, postsName, 'posts', MODULE)) {
    const out: Message[] = [];
    for (const { attributes: a, line } of rows) {
      row++;
      const idText = a.Id;
      const id = Number(idText);
      if (idText === undefined || !Number.isInteger(id) || id < 0) {
        reject(line, 'MISSING_FIELD', 'the post has no valid Id', a, 'Id');
        continue;
      }
      const type = a.PostTypeId;
      if (type === undefined) {
        reject(line, 'MISSING_FIELD', 'the post has no PostTypeId', a, 'PostTypeId');
        continue;
      }
      const timestamp = a.CreationDate ? parseTime(a.CreationDate) : undefined;
      if (timestamp === undefined) {
        reject(
          line,
          a.CreationDate ? 'INVALID_TIMESTAMP' : 'MISSING_FIELD',
          'the post has no readable CreationDate',
          a,
          'CreationDate',
        );
        continue;
      }
      const parent = a.ParentId !== undefined ? Number(a.ParentId) : undefined;
      if (type === '2' && (parent === undefined || !Number.isInteger(parent))) {
        reject(line, 'MISSING_FIELD', 'the answer has no valid ParentId', a, 'ParentId');
        continue;
      }
      const sender = author(a.OwnerUserId, a.OwnerDisplayName, idText);
      owner.set(id, personIndex(sender));
      question.set(id, type === '2' && parent !== undefined ? parent : id);
      if (type === '1' && a.AcceptedAnswerId) accepted.add(Number(a.AcceptedAnswerId));
      ctx.accept();
      if (type !== '1' && type !== '2') {
        ctx.skip(type === '4' || type === '5' ? 'tag-wiki' : 'other-post-type');
        continue;
      }
      if (sender === '-1') {
        ctx.skip('bot');
        continue;
      }
      const m: Message = { id: idText, timestamp, sender, recipients: [], cc: [], mentions: [] };
      if (site) m.channel = site;
      if (type === '1') {
        m.kind = 'question';
        m.threadId = idText;
        if (a.Title) m.subject = a.Title;
        const tags = a.Tags ? a.Tags.split(/[<>|]+/).filter((t) => t !== '') : [];
        if (tags.length > 0) m.tags = tags.map((t) => t.toLowerCase());
      } else {
        m.kind = 'answer';
        m.replyTo = String(parent);
        m.threadId = String(parent);
        const asker = owner.get(parent as number);
        if (asker === 0) unknownParent++;
        else if (personIds[asker] !== '-1') m.recipients.push(personIds[asker] as string);
        if (accepted.has(id)) m.accepted = true;
      }
      if (wantText && a.Body) m.text = htmlToText(a.Body);
      ctx.emit();
      out.push(m);
    }
    if (out.length > 0) yield out;
  }

  const commentsSource = (options.comments ?? true) ? files.comments : undefined;
  let orphanComments = 0;
  if (commentsSource !== undefined) {
    for await (const { rows } of xmlRows(commentsSource, sourceName(commentsSource), 'comments', MODULE)) {
      const out: Message[] = [];
      for (const { attributes: a, line } of rows) {
        row++;
        const postId = Number(a.PostId);
        if (a.Id === undefined || a.PostId === undefined || !Number.isInteger(postId)) {
          reject(line, 'MISSING_FIELD', 'the comment has no Id or PostId', a, a.Id === undefined ? 'Id' : 'PostId');
          continue;
        }
        const timestamp = a.CreationDate ? parseTime(a.CreationDate) : undefined;
        if (timestamp === undefined) {
          reject(
            line,
            a.CreationDate ? 'INVALID_TIMESTAMP' : 'MISSING_FIELD',
            'the comment has no readable CreationDate',
            a,
            'CreationDate',
          );
          continue;
        }
        const sender = author(a.UserId, a.UserDisplayName, `${a.PostId}-c${a.Id}`);
        ctx.accept();
        if (sender === '-1') {
          ctx.skip('bot');
          continue;
        }
        const m: Message = {
          id: `c${a.Id}`,
          timestamp,
          sender,
          recipients: [],
          cc: [],
          mentions: [],
          kind: 'discussion',
        };
        if (site) m.channel = site;
        m.replyTo = a.PostId;
        const postOwner = owner.get(postId);
        if (postOwner > 0) {
          if (personIds[postOwner] !== '-1') m.recipients.push(personIds[postOwner] as string);
          m.threadId = String(question.get(postId));
        } else {
          orphanComments++;
        }
        if (names && a.Text) {
          for (const match of a.Text.matchAll(/@([\p{L}\p{N}_.-]{3,})/gu)) {
            const user = names.get(normalName(match[1] as string));
            if (user !== undefined && user !== sender && !m.mentions.includes(user)) m.mentions.push(user);
          }
        }
        if (wantText && a.Text) m.text = htmlToText(a.Text);
        ctx.emit();
        out.push(m);
      }
      if (out.length > 0) yield out;
    }
  }
  if (deleted > 0) ctx.note(`${deleted} posts or comments by deleted users got anonymous ids (deleted:<name>)`);
  if (unknownParent > 0) ctx.note(`${unknownParent} answers to questions not in the dump (no recipient)`);
  if (orphanComments > 0) ctx.note(`${orphanComments} comments on posts not in the dump (no recipient)`);
  if (files.comments !== undefined && commentsSource === undefined)
    ctx.note('Comments.xml not read (`comments: false`)');
}

const normalName = (name: string) => name.toLowerCase().replace(/[\s.]+/g, '');

/** Display name (lower-cased, spaces removed) → user id, for names held by exactly one user. */
async function userNames(source: LogSource): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const clash = new Set<string>();
  for await (const { rows } of xmlRows(source, sourceName(source), 'users', MODULE)) {
    for (const { attributes: a } of rows) {
      if (!a.Id || !a.DisplayName) continue;
      const key = normalName(a.DisplayName);
      if (names.has(key)) clash.add(key);
      else names.set(key, a.Id);
    }
  }
  for (const key of clash) names.delete(key);
  return names;
}
