/**
 * E-mail archives: mbox files (plain or gzip) and single RFC 5322 messages (`.eml`), streamed.
 *
 * Each message becomes one {@link Message}:
 * - `sender`: the From address, lower-cased. When a mailing list rewrote From to its own address for
 *   DMARC ("Ada Lovelace via Some-List" <list@example.org>), the author is taken from Reply-To (or
 *   X-Original-From) when one of them carries a non-list address; otherwise the display name before
 *   " via " is kept as the id and the case is counted in the notes;
 * - `recipients` / `cc` / `bcc`: the To / Cc / Bcc addresses, lower-cased, groups flattened, list
 *   addresses removed;
 * - `channel`: the mailing list, as its posting address. A list address is recognised from List-Post,
 *   from List-Id (`<name.domain>` matches `name@domain`), or from `listAddresses`; when a List-Id matches
 *   no address of the message, the list address learnt from earlier messages with the same List-Id is
 *   used, else the List-Id itself;
 * - `id`: the Message-ID without brackets (`<source>#<n>` when missing); `replyTo`: In-Reply-To, else the
 *   last References id; `threadId`: the first References id (the thread root), else In-Reply-To;
 * - `timestamp`: the Date header (RFC 5322, obsolete zone names included); `subject`: RFC 2047-decoded;
 * - `text` (only with `text: true`): the first non-attachment text/plain part, decoded. Attachments are
 *   never decoded, and only the first `maxBodyBytes` of a body are held.
 *
 * Accounting: a record is a message of the archive. Rejected: a message cut off by the end of the input
 * inside its header, a header block without any `Name: value` line, a missing or unreadable From, an
 * unparseable Date, a header block longer than 256 KiB. A broken gzip stream throws `MALFORMED_INPUT`.
 *
 * Messages are split by a byte-level scanner ({@link MailSplitter}) rather than a full MIME parser: on
 * the shared mailing-list archives that is 10–30× faster than parsing each message with postal-mime
 * (see `bench/readers.bench.mjs` and docs/readers.md), and the body is touched only when text is asked.
 *
 * @module
 */

import { FormatError, OptionError, PracticeGraphError } from '../../errors.js';
import { createIdentityResolver, type IdentityOptions } from '../identity.js';
import type { Message } from '../message.js';
import { isReiterable, MessageLog, type ReadContext, type ReaderOptions } from '../message-log.js';
import { type LogSource, openSource, sourceName } from '../source.js';
import { createTimestampParser, type TimestampOptions } from '../timestamp.js';
import { extractPlainText } from './body.js';
import { decodeHeaderText, type Mailbox, parseAddressList, parseHeaders, parseMessageIds } from './headers.js';
import { MailSplitter, type RawMail } from './split.js';

const MODULE = 'log/mbox';

/** Options of {@link readMbox}. */
export interface MboxReadOptions extends ReaderOptions, IdentityOptions, TimestampOptions {
  /** Decode the first text/plain part of each message into `text`. Default `false`. */
  text?: boolean;
  /** Further addresses that are mailing lists, not people (lower-cased on use). */
  listAddresses?: readonly string[];
  /** Longest body prefix held for text extraction, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
}

/** Defaults of {@link MboxReadOptions}. */
export const MBOX_DEFAULTS = Object.freeze({ text: false, maxBodyBytes: 1 << 20 });

const WANTED = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'subject',
  'list-id',
  'list-post',
  'reply-to',
  'x-original-from',
  'content-type',
  'content-transfer-encoding',
]);

const VIA = /^(.*?)\s+via\s+\S.*$/i;

/** Counters reported as notes at the end of a read. */
interface MailCounters {
  notUtf8: number;
  invalidAddresses: number;
  mungedResolved: number;
  mungedUnresolved: number;
  noMessageId: number;
  noDate: number;
  bodyCut: number;
  noText: number;
  lastUnterminated: number;
}

/**
 * Reads an mbox (or one `.eml` message) as a stream of messages.
 *
 * @param source - a path (gzip detected by content), URL, Node stream or `{ text }`
 * @throws FormatError `FILE_NOT_FOUND`, `EMPTY_INPUT`, `MALFORMED_INPUT` (broken gzip) at iteration;
 *   InputError for the first bad message in strict mode
 * @example
 * const log = readMbox('linux-man.mbox.gz', { listAddresses: ['libc-alpha@sourceware.org'] });
 * for await (const m of log) console.log(m.sender, m.channel, m.replyTo);
 */
export function readMbox(source: LogSource, options: MboxReadOptions = {}): MessageLog {
  const maxBodyBytes = options.maxBodyBytes ?? MBOX_DEFAULTS.maxBodyBytes;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new OptionError('`maxBodyBytes` must be a positive integer', { module: MODULE, got: maxBodyBytes });
  }
  const name = sourceName(source);
  const producer = (ctx: ReadContext) => produce(source, name, options, maxBodyBytes, ctx);
  return new MessageLog(MODULE, 'mbox', name, options, producer, isReiterable(source));
}

async function* produce(
  source: LogSource,
  name: string,
  options: MboxReadOptions,
  maxBodyBytes: number,
  ctx: ReadContext,
): AsyncGenerator<Message[]> {
  const { stream } = openSource(source, MODULE);
  const wantText = options.text ?? MBOX_DEFAULTS.text;
  const splitter = new MailSplitter({ keepBody: wantText, maxBodyBytes });
  const converter = new MailConverter(name, options, ctx);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const mails = splitter.push(chunk);
      if (mails.length === 0) continue;
      const batch = converter.convertAll(mails, wantText);
      if (batch.length > 0) yield batch;
    }
  } catch (cause) {
    if (cause instanceof PracticeGraphError) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new FormatError('MALFORMED_INPUT', `the input cannot be read (${detail})`, {
      module: MODULE,
      location: { file: name, row: splitter.bytes > 0 ? converter.seen + 1 : 1 },
      hint: 'the file is probably truncated or not gzip after all; check it with `gzip -t`',
      cause,
    });
  }
  const last = converter.convertAll(splitter.end(), wantText);
  if (splitter.bytes === 0 || converter.seen === 0) {
    throw new FormatError('EMPTY_INPUT', 'the input holds no message', {
      module: MODULE,
      location: { file: name },
      hint: 'check that the archive finished writing',
    });
  }
  converter.notes();
  if (last.length > 0) yield last;
}

/** Turns raw mails into messages, counting and rejecting. */
class MailConverter {
  seen = 0;
  private readonly resolve;
  private readonly parseTime;
  private readonly lists: Set<string>;
  /** List-Id → posting address learnt from messages where both were present. */
  private readonly listById = new Map<string, string>();
  private readonly counts: MailCounters = {
    notUtf8: 0,
    invalidAddresses: 0,
    mungedResolved: 0,
    mungedUnresolved: 0,
    noMessageId: 0,
    noDate: 0,
    bodyCut: 0,
    noText: 0,
    lastUnterminated: 0,
  };

  constructor(
    private readonly name: string,
    options: MboxReadOptions,
    private readonly ctx: ReadContext,
  ) {
    this.resolve = createIdentityResolver(options);
    this.parseTime = createTimestampParser(options);
    this.lists = new Set((options.listAddresses ?? []).map((a) => a.trim().toLowerCase()));
  }

  convertAll(mails: RawMail[], wantText: boolean): Message[] {
    const out: Message[] = [];
    for (const mail of mails) {
      this.seen++;
      const m = this.convert(mail, wantText);
      if (m) {
        this.ctx.accept();
        this.ctx.emit();
        out.push(m);
      }
    }
    return out;
  }

  private raw(mail: RawMail): string {
    return mail.header.subarray(0, 200).toString('latin1');
  }

  private convert(mail: RawMail, wantText: boolean): Message | undefined {
    const ctx = this.ctx;
    if (mail.truncated && !mail.headerComplete) {
      ctx.reject(mail.index, 'MALFORMED_INPUT', 'the input ends inside this message header', this.raw(mail));
      return undefined;
    }
    if (mail.truncated) this.counts.lastUnterminated++;
    if (mail.headerOversized) {
      ctx.reject(mail.index, 'INVALID_INPUT', 'the header block is longer than 256 KiB', this.raw(mail));
      return undefined;
    }
    const h = parseHeaders(mail.header, WANTED);
    if (h.notUtf8) this.counts.notUtf8++;
    if (h.lines === 0 || h.lines === h.badLines) {
      ctx.reject(
        mail.index,
        'MISSING_HEADER',
        'the message has no RFC 5322 header (no `Name: value` line)',
        this.raw(mail),
        undefined,
        'check that the file is an mbox or .eml; a message must begin with its headers',
      );
      return undefined;
    }
    const fromValue = h.get('from');
    const from = parseAddressList(fromValue);
    const author = from.mailboxes[0];
    if (!author) {
      ctx.reject(
        mail.index,
        fromValue === undefined ? 'MISSING_FIELD' : 'INVALID_FIELD',
        fromValue === undefined ? 'the message has no From header' : 'the From header holds no e-mail address',
        this.raw(mail),
        'From',
      );
      return undefined;
    }
    const dateValue = h.get('date');
    let timestamp: number | undefined;
    if (dateValue !== undefined && dateValue !== '') {
      timestamp = this.parseTime(dateValue);
      if (timestamp === undefined) {
        ctx.reject(mail.index, 'INVALID_TIMESTAMP', 'the Date header is not an RFC 5322 date', this.raw(mail), 'Date');
        return undefined;
      }
    } else this.counts.noDate++;

    const to = parseAddressList(h.get('to'));
    const cc = parseAddressList(h.get('cc'));
    const bcc = parseAddressList(h.get('bcc'));
    this.counts.invalidAddresses += to.invalid + cc.invalid + bcc.invalid;

    // the list: List-Post, then List-Id matched against the addresses, then listAddresses
    const listId = listIdOf(h.get('list-id'));
    const listPost = /mailto:([^>\s?]+)/i.exec(h.get('list-post') ?? '')?.[1]?.toLowerCase();
    const everyone = [author, ...to.mailboxes, ...cc.mailboxes, ...bcc.mailboxes];
    let channel = listPost;
    if (!channel && listId) {
      channel = everyone.map((mb) => mb.address.toLowerCase()).find((a) => a.replace('@', '.') === listId);
      channel ??= this.listById.get(listId) ?? listId;
    }
    if (listId && channel?.includes('@')) this.listById.set(listId, channel);
    const isList = (address: string) => {
      const a = address.toLowerCase();
      return a === channel || this.lists.has(a) || (listId !== undefined && a.replace('@', '.') === listId);
    };

    let sender = this.resolve(author.address);
    if (isList(author.address)) {
      const original = [
        ...parseAddressList(h.get('reply-to')).mailboxes,
        ...parseAddressList(h.get('x-original-from')).mailboxes,
      ].find((mb) => !isList(mb.address));
      if (original) {
        sender = this.resolve(original.address);
        this.counts.mungedResolved++;
      } else {
        const via = VIA.exec(author.name)?.[1]?.trim();
        if (via) {
          sender = this.resolve(via);
          this.counts.mungedUnresolved++;
        }
      }
    }
    const people = (list: Mailbox[]) => {
      const ids: string[] = [];
      for (const mb of list) {
        if (isList(mb.address)) continue;
        const id = this.resolve(mb.address);
        if (id !== '' && !ids.includes(id)) ids.push(id);
      }
      return ids;
    };

    const ownId = parseMessageIds(h.get('message-id'))[0];
    if (ownId === undefined) this.counts.noMessageId++;
    const inReplyTo = parseMessageIds(h.get('in-reply-to'))[0];
    const references = parseMessageIds(h.get('references'));
    const message: Message = {
      id: ownId ?? `${this.name}#${mail.index}`,
      sender,
      recipients: people(to.mailboxes),
      cc: people(cc.mailboxes),
      mentions: [],
    };
    if (timestamp !== undefined) message.timestamp = timestamp;
    const bccIds = people(bcc.mailboxes);
    if (bccIds.length > 0) message.bcc = bccIds;
    if (channel) message.channel = channel;
    const replyTo = inReplyTo ?? references[references.length - 1];
    if (replyTo !== undefined && replyTo !== message.id) message.replyTo = replyTo;
    const threadId = references[0] ?? replyTo;
    if (threadId !== undefined && threadId !== message.id) message.threadId = threadId;
    const subject = h.get('subject');
    if (subject) message.subject = decodeHeaderText(subject);
    if (wantText) {
      if (mail.bodyCut) this.counts.bodyCut++;
      const text = extractPlainText(h, mail.body);
      if (text !== undefined) message.text = text;
      else this.counts.noText++;
    }
    return message;
  }

  notes(): void {
    const c = this.counts;
    const note = (n: number, text: string) => {
      if (n > 0) this.ctx.note(`${n} ${text}`);
    };
    note(c.mungedResolved, 'messages sent "via" the list: author taken from Reply-To / X-Original-From');
    note(c.mungedUnresolved, 'messages sent "via" the list without the original address: author id is the name');
    note(c.notUtf8, 'header blocks were not UTF-8 and were read as windows-1252');
    note(c.invalidAddresses, 'recipient entries without an e-mail address were left out');
    note(c.noMessageId, 'messages had no Message-ID (id = <source>#<n>)');
    note(c.noDate, 'messages had no Date (no timestamp)');
    note(c.bodyCut, 'bodies were longer than `maxBodyBytes`: text read from their start');
    note(c.noText, 'messages had no text/plain part (no text)');
    note(c.lastUnterminated, 'message(s) end without a final newline (the input may be truncated)');
  }
}

/** The id of a List-Id header (`Name <id>` or a bare id), lower-cased. */
function listIdOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /<([^<>\s]+)>/.exec(value);
  const id = (m ? m[1] : value.trim())?.toLowerCase();
  return id === '' ? undefined : id;
}
